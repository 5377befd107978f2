// The consent side of an agent: ask, take receipts from the inbox, check status before each use,
// read granted sections, and notice when a consent ends (notice, 403 or status).
import {
  ConsentHttpError, RequesterClient, buildRequest, noticeHash, parseNotification, peekReceipt,
  type ConsentNotification, type Section,
} from '../../consent/index.ts';
import { TURTLE } from '../../vocab/index.ts';
import type { ConsentBook, EndReason, HeldConsent } from './consent-book.ts';
import type { ReceivedNotification } from './inbox.ts';
import { findInbox } from './webid-profile.ts';

export interface AccessAsk {
  /** The citizen's WebID; the request goes to the inbox its profile names. */
  citizen: string;
  sections: Section[];
  /** A DPV purpose IRI. */
  purpose: string;
  legalBasis?: string;
  /** What the citizen is shown, in both languages, and where the full notice lives. */
  notice: { sv: string; en: string; url: string };
  /** Days, or an ISO 8601 duration. */
  duration: string | number;
  retention: string | number;
}

export interface Ended { record?: string; request?: string; subject: string; reason: EndReason }

/** Thrown when a consent is no longer given (the agent has already told onEnded). */
export class ConsentEnded extends Error {
  override readonly name = 'ConsentEnded';
  constructor(readonly record: string, readonly reason: EndReason) { super(`the consent ${record} has ended (${reason})`); }
}

export interface AgentConsentsOptions {
  fetch: typeof fetch;
  webId: string;
  clientId?: string;
  inbox: string;
  /** The agent's origin: decides whether plain-http (loopback) citizens may be contacted. */
  origin: string;
  book: ConsentBook;
  /** Pod servers whose receipts the agent accepts (their consent-jwks is fetched). */
  trustedPodServers: string[];
  /** How long a "given" from the status endpoint may be reused. */
  statusMaxAgeMs?: number;
  log: (message: string, error?: unknown) => void;
}

const DPV_CONSENT = 'https://w3id.org/dpv#Consent';

export class AgentConsents {
  readonly #o: AgentConsentsOptions;
  readonly #client: RequesterClient;
  readonly #trusted: Set<string>;
  /** record → when the status endpoint last said "given". */
  readonly #given = new Map<string, number>();
  readonly #onConsent: Array<(consent: HeldConsent) => Promise<void> | void> = [];
  readonly #onEnded: Array<(ended: Ended) => Promise<void> | void> = [];

  constructor(options: AgentConsentsOptions) {
    this.#o = options;
    this.#client = new RequesterClient({ fetch: options.fetch, inbox: options.inbox, webId: options.webId });
    this.#trusted = new Set(options.trustedPodServers.map(slash));
  }

  onConsent(handler: (consent: HeldConsent) => Promise<void> | void): void { this.#onConsent.push(handler); }
  onEnded(handler: (ended: Ended) => Promise<void> | void): void { this.#onEnded.push(handler); }

  /**
   * Sends an access request to the inbox the citizen's public profile names; resolves to the
   * stored request's URL. Throws ProfileError (no usable profile or inbox) or ConsentHttpError.
   */
  async requestAccess(ask: AccessAsk): Promise<string> {
    const citizenInbox = await findInbox(ask.citizen, this.#o.origin);
    const request = buildRequest({
      requester: this.#o.webId, ...(this.#o.clientId ? { clientId: this.#o.clientId } : {}), dataSubject: ask.citizen,
      sections: ask.sections, purpose: ask.purpose, legalBasis: ask.legalBasis ?? DPV_CONSENT,
      notice: { sv: ask.notice.sv, en: ask.notice.en, url: ask.notice.url, sha256: noticeHash(ask.notice.en) },
      duration: ask.duration, retention: ask.retention, replyTo: this.#o.inbox,
    });
    const url = await this.#client.sendRequest(citizenInbox, request);
    this.#o.book.requestSent(url, ask.citizen);
    return url;
  }

  /** An inbox item: consent notifications are acted on, anything else is ignored. */
  async receive(item: ReceivedNotification): Promise<void> {
    const n = await parseNotification(item.body, item.contentType, item.url);
    if (!n) return;
    if (n.status === 'given') await this.#given_(n);
    else if (n.status === 'refused') await this.#refused(n);
    else await this.#withdrawn(n);
  }

  /** The consent's status now, from the pod server (a "given" is reused for a few seconds). Ends it when not given. */
  async statusOf(record: string, options: { fresh?: boolean } = {}): Promise<HeldConsent['status']> {
    const held = this.#o.book.get(record);
    if (!held) throw new RangeError(`no consent ${record} is held`);
    if (held.status !== 'given') return held.status;
    if (Date.parse(held.claims.valid_until) <= Date.now()) return this.#end(held, 'expired');
    const checked = this.#given.get(record);
    if (!options.fresh && checked !== undefined && Date.now() - checked < (this.#o.statusMaxAgeMs ?? 5000)) return 'given';
    const { status } = await this.#client.checkStatus(held.receipt, held.claims.status_url);
    if (status === 'given') {
      this.#given.set(record, Date.now());
      return 'given';
    }
    return this.#end(held, status === 'withdrawn' || status === 'expired' || status === 'refused' ? status : 'unknown');
  }

  /**
   * Reads one granted section under a held consent, after checking that it is still given.
   * A 401/403 from the pod makes the agent ask the status afresh: an ended consent throws ConsentEnded.
   */
  async readSection(record: string, section: Section): Promise<{ url: string; contentType: string; body: string }> {
    const status = await this.statusOf(record);
    if (status !== 'given') throw new ConsentEnded(record, status);
    const held = this.#o.book.get(record)!;
    const url = held.claims.resources.find((resource) => resource.endsWith(`/competence/${section}`));
    if (!url) throw new RangeError(`the consent ${record} does not cover ${section}`);
    const response = await this.#o.fetch(url, { headers: { accept: TURTLE } });
    if (response.status === 403 || response.status === 401) {
      await response.body?.cancel();
      const now = await this.statusOf(record, { fresh: true });
      if (now !== 'given') throw new ConsentEnded(record, now);
      throw new ConsentHttpError(`reading ${section} was refused although the consent is given`, response.status, url, '');
    }
    if (response.status !== 200) throw new ConsentHttpError(`reading ${section} failed: ${response.status}`, response.status, url, await response.text().catch(() => ''));
    return { url, contentType: response.headers.get('content-type') ?? TURTLE, body: await response.text() };
  }

  /** The inbox the citizen's public profile names (bounded fetch, no credentials). */
  findInbox(webId: string): Promise<string> { return findInbox(webId, this.#o.origin); }

  get(record: string): HeldConsent | undefined { return this.#o.book.get(record); }
  active(): HeldConsent[] { return this.#o.book.active(); }

  /** A receipt is believed only when it verifies against a trusted pod server's keys and names us, this record and request. */
  async #given_(n: ConsentNotification): Promise<void> {
    if (!n.receipt) return;
    let issuer: string;
    try { issuer = slash(String(peekReceipt(n.receipt).iss)); } catch { return; }
    if (!this.#trusted.has(issuer)) {
      this.#o.log(`inbox: a receipt from ${issuer}, which is not a trusted pod server, was ignored`);
      return;
    }
    const claims = await this.#client.verifyReceipt(n.receipt, { keys: `${issuer}.well-known/consent-jwks`, issuer });
    if (claims.jti !== n.record || (n.request !== undefined && claims.request !== n.request)) return;
    if (!this.#o.book.hold(n.receipt, claims)) return;
    this.#given.set(claims.jti, Date.now());
    const held = this.#o.book.get(claims.jti)!;
    for (const handler of this.#onConsent) await handler(held);
  }

  async #refused(n: ConsentNotification): Promise<void> {
    const subject = n.request && this.#o.book.subjectOfRequest(n.request);
    if (!subject) return;
    for (const handler of this.#onEnded) await handler({ request: n.request, subject, reason: 'refused' });
  }

  /** Anyone authenticated can post "withdrawn": it is believed only once the status endpoint agrees. */
  async #withdrawn(n: ConsentNotification): Promise<void> {
    if (this.#o.book.get(n.record)?.status !== 'given') return;
    await this.statusOf(n.record, { fresh: true });
  }

  async #end(held: HeldConsent, reason: EndReason): Promise<EndReason> {
    this.#given.delete(held.record);
    if (this.#o.book.end(held.record, reason)) {
      for (const handler of this.#onEnded) {
        try {
          await handler({ record: held.record, ...(held.request ? { request: held.request } : {}), subject: held.subject, reason });
        } catch (error) {
          this.#o.log(`a handler failed on the end of ${held.record}`, error);
        }
      }
    }
    return reason;
  }
}

function slash(url: string): string { return url.endsWith('/') ? url : `${url}/`; }
