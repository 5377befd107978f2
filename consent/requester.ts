// The requester's side: build and send an access request, wait for and verify the receipt, check its status,
// read granted sections and learn about withdrawals. Everything goes through the (authenticated) fetch given.
import { createHash } from 'node:crypto';
import { parseDocument, TURTLE } from '../vocab/index.ts';
import { daysToDuration } from './duration.ts';
import { sectionResourceUrl, type AccessRequest, type GrantMode, type Notice, type Section } from './model.ts';
import { serializeRequest } from './serialize.ts';
import { verifyReceipt, type KeySource, type ReceiptClaims } from './receipt.ts';
import { parseNotification, type ConsentNotification } from './notifications.ts';
import { failure, ConsentHttpError, podBase, type Fetch } from './http.ts';
import { LDP } from './terms.ts';

const LDP_CONTAINS = 'http://www.w3.org/ns/ldp#contains';

/** Lower-case hex SHA-256 of a notice's text, for Notice.sha256. */
export const noticeHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface RequestInput {
  requester: string;
  clientId?: string;
  dataSubject: string;
  sections: Section[];
  modes?: GrantMode[];
  purpose: string;
  notice: Notice;
  legalBasis: string;
  /** ISO 8601 duration, or a number of days. */
  duration: string | number;
  retention: string | number;
  replyTo: string;
}

/** An AccessRequest ready to POST (id '' = the document itself). */
export function buildRequest(input: RequestInput, now = new Date()): AccessRequest {
  if (input.sections.length === 0) throw new RangeError('ask for at least one section');
  const iso = (d: string | number) => (typeof d === 'number' ? daysToDuration(d) : d);
  const req: AccessRequest = {
    id: '', requester: input.requester, dataSubject: input.dataSubject, sections: [...new Set(input.sections)],
    modes: input.modes?.length ? [...new Set(input.modes)] : ['read'], purpose: input.purpose, notice: input.notice,
    legalBasis: input.legalBasis, duration: iso(input.duration), retention: iso(input.retention), replyTo: input.replyTo,
    createdAt: now.toISOString(),
  };
  if (input.clientId) req.clientId = input.clientId;
  return req;
}

export interface RequesterOptions {
  /** An authenticated fetch (e.g. session.fetch from @inrupt/solid-client-authn-node). */
  fetch: Fetch;
  /** The requester's own inbox, where answers arrive. */
  inbox: string;
  /** The requester's WebID (receipts must be addressed to it). */
  webId: string;
}

export interface ReceivedConsent {
  status: 'given';
  notification: ConsentNotification;
  receipt: string;
  claims: ReceiptClaims;
}
export interface RefusedConsent { status: 'refused'; notification: ConsentNotification }

export class RequesterClient {
  private readonly f: Fetch;
  constructor(readonly opts: RequesterOptions) { this.f = opts.fetch; }

  /** The ldp:inbox named in a WebID profile (e.g. the citizen's). */
  async findInbox(webId: string): Promise<string> {
    const doc = webId.split('#')[0];
    const res = await this.f(doc, { headers: { accept: TURTLE } });
    if (!res.ok) throw await failure(res, doc, 'reading the WebID profile');
    const g = await parseDocument(await res.text(), { contentType: res.headers.get('content-type') ?? TURTLE, baseIri: doc });
    const inbox = g.node(webId, LDP.inbox);
    if (!inbox) throw new Error(`${webId} names no ldp:inbox`);
    return inbox;
  }

  /**
   * POSTs the request to the citizen's inbox. Returns the stored request's URL (Location); when the same
   * request is already pending (200), that request's URL. Throws ConsentHttpError: 400 (body = the SHACL
   * report), 403 (requester is not you), 409 / 507 (too many pending), 413, 429 (retryAfter set).
   */
  async sendRequest(citizenInbox: string, request: AccessRequest, contentType: 'text/turtle' | 'application/ld+json' = 'text/turtle'): Promise<string> {
    const body = await serializeRequest({ ...request, id: '' }, contentType);
    const res = await this.f(citizenInbox, { method: 'POST', headers: { 'content-type': contentType }, body });
    if (res.status !== 201 && res.status !== 200) throw await failure(res, citizenInbox, 'sending the access request');
    const location = res.headers.get('location');
    if (!location) throw new ConsentHttpError('the server gave no Location for the stored request', res.status, citizenInbox, '');
    return new URL(location, citizenInbox).href;
  }

  /** Consent notifications in the own inbox, oldest first. Items that are not consent notifications are skipped. */
  async readNotifications(skip: ReadonlySet<string> = new Set()): Promise<Array<ConsentNotification & { url: string }>> {
    const res = await this.f(this.opts.inbox, { headers: { accept: TURTLE } });
    if (!res.ok) throw await failure(res, this.opts.inbox, 'reading the inbox');
    const g = await parseDocument(await res.text(), { contentType: res.headers.get('content-type') ?? TURTLE, baseIri: this.opts.inbox });
    const items = g.nodes(this.opts.inbox, LDP_CONTAINS).filter((u) => !skip.has(u)).sort();
    const out: Array<ConsentNotification & { url: string }> = [];
    for (const url of items) {
      const r = await this.f(url, { headers: { accept: `${TURTLE}, application/ld+json;q=0.9` } });
      if (!r.ok) continue;
      const n = await parseNotification(await r.text(), r.headers.get('content-type') ?? TURTLE, url);
      if (n) out.push({ ...n, url });
    }
    return out.sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  }

  /**
   * Polls the own inbox until the answer to `requestUrl` arrives. A receipt is accepted only if it verifies
   * (signature, issuer, addressed to this WebID) and names the same request and record as its notification;
   * anything else in the inbox (anyone may post there) is ignored.
   */
  async waitForReceipt(requestUrl: string, o: { keys: KeySource; issuer: string; timeoutMs?: number; intervalMs?: number; signal?: AbortSignal }): Promise<ReceivedConsent | RefusedConsent> {
    const deadline = Date.now() + (o.timeoutMs ?? 60_000);
    const seen = new Set<string>();
    for (;;) {
      for (const n of await this.readNotifications(seen)) {
        seen.add(n.url);
        if (n.request !== requestUrl) continue;
        if (n.status === 'refused') return { status: 'refused', notification: n };
        if (n.status !== 'given' || !n.receipt) continue;
        const claims = await this.verifyReceipt(n.receipt, o).catch(() => undefined);
        if (claims && claims.jti === n.record && claims.request === requestUrl) return { status: 'given', notification: n, receipt: n.receipt, claims };
      }
      if (Date.now() >= deadline || o.signal?.aborted) throw new Error(`no answer to ${requestUrl} within ${o.timeoutMs ?? 60_000} ms`);
      await new Promise((r) => setTimeout(r, o.intervalMs ?? 1000));
    }
  }

  /** Verifies a receipt addressed to this requester (keys: the server's JWKS URL, a JWKS, or a key getter). */
  verifyReceipt(receipt: string, o: { keys: KeySource; issuer: string; now?: Date }): Promise<ReceiptClaims> {
    return verifyReceipt(receipt, o.keys, { issuer: o.issuer, audience: this.opts.webId, now: o.now, fetch: typeof o.keys === 'string' ? this.f as typeof fetch : undefined });
  }

  /** Asks the status endpoint (the receipt's status_url, or {serverBase}.well-known/consent-status). */
  async checkStatus(receipt: string, statusUrl: string): Promise<{ valid: boolean; status: string; validUntil?: string }> {
    const res = await this.f(statusUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ receipt }) });
    if (res.status !== 200) throw await failure(res, statusUrl, 'checking the consent status');
    const body = await res.json() as { valid?: unknown; status?: unknown; validUntil?: unknown };
    if (typeof body.valid !== 'boolean' || typeof body.status !== 'string') throw new Error('malformed status answer');
    return { valid: body.valid, status: body.status, ...(typeof body.validUntil === 'string' ? { validUntil: body.validUntil } : {}) };
  }

  /** Reads a granted section of the citizen's pod. Throws ConsentHttpError (403 when no active grant covers it). */
  async readGranted(podUrl: string, section: Section, accept = TURTLE): Promise<{ url: string; contentType: string; body: string }> {
    const url = sectionResourceUrl(podBase(podUrl), section);
    if (!url) throw new RangeError(`'${section}' is not a readable resource`);
    const res = await this.f(url, { headers: { accept } });
    if (res.status !== 200) throw await failure(res, url, `reading ${section}`);
    return { url, contentType: res.headers.get('content-type') ?? accept, body: await res.text() };
  }

  /** Withdrawal notices in the own inbox: erase what you hold under these records (GDPR Art. 17/19). */
  async readWithdrawals(skip?: ReadonlySet<string>): Promise<Array<ConsentNotification & { url: string }>> {
    return (await this.readNotifications(skip)).filter((n) => n.status === 'withdrawn');
  }
}
