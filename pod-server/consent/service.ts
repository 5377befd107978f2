import { randomUUID } from 'node:crypto';
import {
  DecisionError, appendEntry, buildRecord, decideGrant, explainDecision, generateReceiptKey, notificationToTurtle,
  parseDecisionBody, parseWithdrawalBody, publicJwks, receiptStatus, serializeEntry, serializeRecord, serializeRequest,
  signReceipt, validateAccessRequest, withdrawRecord, currentStatus, expireRecord,
  type AccessLogEntry, type AccessMode, type AccessRequest, type ConsentNotification, type ConsentRecord, type Decision, type ReceiptStatus,
} from '../../consent/index.ts';
import type { AccessControl } from '../auth/access-control.ts';
import type { Credentials } from '../../service-kit/solid-oidc/credentials.ts';
import { BadRequest, Conflict, Forbidden, HttpError, NotFound } from '../../service-kit/errors.ts';
import { pathForUrl, urlForPath } from '../ldp/paths.ts';
import { KeyedLock } from '../storage/keyed-lock.ts';
import type { ResourceStore } from '../storage/store.ts';
import { readLogPage } from './log-pages.ts';
import { ACCESS_LOG, RECORDS_DIR, REQUESTS_DIR, podOf } from './layout.ts';
import { AppendBatcher } from './append-batcher.ts';
import { InboxDelivery } from './delivery.ts';
import { PodConsent } from './pod-state.ts';
import { loadOrCreateReceiptKeys, type ReceiptKeys } from './receipt-keys.ts';
import type { InboxLimits } from './inbox-limits.ts';
import { approvedRequesters, checkPendingLimits, coolDownLeft, identityKeys, sameAsk, sameContent, type PendingLimits } from './request-policy.ts';
import { DEFAULT_INBOX_LIMITS } from '../config-limits.ts';

export interface ConsentServiceOptions {
  store: ResourceStore;
  access: AccessControl;
  baseUrl: string;
  /** File for the receipt signing key; undefined keeps it in memory. */
  keyFile?: string;
  /** How long a refused requester must wait before asking again. */
  cooldownMs: number;
  /** fetch() as the server's own agent, for inboxes on other servers (which want an authenticated agent). */
  agentFetch?: (url: string, init?: RequestInit) => Promise<Response>;
  log?: (message: string) => void;
  /** Looks up and sets the requester's and client's names on an arriving request (requester-names.ts). */
  recordNames?: (request: AccessRequest, profileName: string | undefined) => Promise<AccessRequest>;
  /** Inbox rates and quotas; its settings also bound the pending requests. */
  inbox?: InboxLimits;
}

/**
 * The consent protocol on the server: requests arriving in inboxes, decisions, records,
 * receipts, withdrawal, enforcement and the access log. Per pod, every change to records
 * happens under one lock and updates the index in the same step.
 */
export class ConsentService {
  readonly #store: ResourceStore;
  readonly #baseUrl: string;
  readonly #cooldownMs: number;
  readonly #log: (message: string) => void;
  readonly #pods = new Map<string, Promise<PodConsent>>();
  readonly #logs = new Map<string, AppendBatcher>();
  readonly #locks = new KeyedLock();
  readonly #delivery: InboxDelivery;
  readonly #keys: Promise<ReceiptKeys>;
  readonly #recordNames: (request: AccessRequest, profileName: string | undefined) => Promise<AccessRequest>;
  readonly #pendingLimits: PendingLimits;

  constructor(options: ConsentServiceOptions) {
    this.#store = options.store;
    this.#baseUrl = options.baseUrl;
    this.#cooldownMs = options.cooldownMs;
    this.#log = options.log ?? console.error;
    const inbox = options.inbox;
    this.#delivery = new InboxDelivery({ store: options.store, access: options.access, baseUrl: options.baseUrl, fetch: options.agentFetch, delivered: (path) => inbox?.touched(path) });
    this.#pendingLimits = inbox?.settings ?? DEFAULT_INBOX_LIMITS;
    this.#keys = loadOrCreateReceiptKeys(options.keyFile, generateReceiptKey);
    // Names are the server's to record: without a lookup, any the request carries are dropped.
    this.#recordNames = options.recordNames ?? (async ({ requesterName: _n, clientName: _c, ...request }) => request);
  }

  get statusUrl(): string { return `${this.#baseUrl}.well-known/consent-status`; }

  pod(podPath: string): Promise<PodConsent> {
    let state = this.#pods.get(podPath);
    if (!state) {
      // The log's head is read from the file, so lines still on their way must land first.
      state = (this.#logs.get(podPath)?.idle() ?? Promise.resolve()).then(() => PodConsent.load(this.#store, this.#baseUrl, podPath, this.#log));
      state.catch(() => this.#pods.delete(podPath));
      this.#pods.set(podPath, state);
    }
    return state;
  }

  /** Something under a pod's consent/ changed through plain LDP: read it afresh next time. */
  forget(path: string): void {
    const pod = podOf(path);
    if (pod) this.#pods.delete(pod);
  }

  /** Enforcement: may this agent do this on this resource under a consent grant? */
  async decide(credentials: Credentials, path: string, mode: AccessMode, now = new Date()): Promise<Decision> {
    const podPath = podOf(path);
    if (!podPath || !credentials.webId) return { allow: false, reason: 'anonymous' };
    const state = await this.pod(podPath);
    if (state.grants.length === 0) return { allow: false, reason: 'no-grant' };
    return decideGrant({ webId: credentials.webId, clientId: credentials.clientId }, { url: urlForPath(this.#baseUrl, path), mode }, state.grants, now);
  }

  explain(decision: Decision): string { return explainDecision(decision); }

  /**
   * Appends one read under a grant to the pod's hash-chained access log, and resolves once
   * it is in the file. Entries are chained in call order; concurrent reads share one write.
   */
  async logAccess(path: string, credentials: Credentials, mode: AccessMode, recordId: string): Promise<void> {
    const podPath = podOf(path)!;
    const state = await this.pod(podPath);
    let log = this.#logs.get(podPath);
    if (!log) {
      log = new AppendBatcher((bytes) => this.#store.append(podPath + ACCESS_LOG, bytes, 'application/jsonl').then(() => undefined));
      this.#logs.set(podPath, log);
    }
    state.logEpoch ??= log.epoch; // a head read before a failed write is refused by the batcher
    const entry = appendEntry(state.logHead, { grantee: credentials.webId!, clientId: credentials.clientId, resource: urlForPath(this.#baseUrl, path), mode, recordId }, new Date());
    state.logHead = entry;
    try {
      await log.add(Buffer.from(serializeEntry(entry)), state.logEpoch);
    } catch (error) {
      this.#pods.delete(podPath); // the head in memory is ahead of the file: read it again
      throw error;
    }
  }

  /**
   * An access request POSTed to a pod's inbox: validated, checked against the caller and the
   * pod's limits, stored. A repeat of a pending ask (same requester, client and purpose)
   * replaces it, or, when nothing shown to the citizen changed, is answered with the pending
   * request's URL (`created: false`), so a requester cannot stack cards.
   */
  async receiveRequest(podPath: string, body: Buffer, contentType: string, credentials: Credentials): Promise<{ url: string; created: boolean }> {
    if (!credentials.webId) throw new HttpError(401, 'unauthenticated', 'Access requests must be sent by an authenticated agent');
    const state = await this.pod(podPath);
    const path = `${podPath}${REQUESTS_DIR}${randomUUID()}`;
    const url = urlForPath(this.#baseUrl, path);
    const parsed = await validateAccessRequest(body.toString('utf8'), contentType, url);
    if (!parsed.ok) throw new BadRequest(`The access request is not valid:\n${parsed.message}`, 'invalid_access_request');
    const request = { ...parsed.value, id: url };
    if (request.requester !== credentials.webId) throw new Forbidden(`The request names ${request.requester} as requester, but it was sent by ${credentials.webId}`);
    if (request.clientId !== undefined && request.clientId !== credentials.clientId) throw new Forbidden(`The request names client ${request.clientId}, but it was sent with ${credentials.clientId ?? 'no client'}`);
    if (request.dataSubject !== state.owner) throw new BadRequest(`This inbox belongs to ${state.owner}, not to ${request.dataSubject}`, 'wrong_data_subject');
    // The cool-down also knows the sending client, which a fresh WebID does not change.
    const keys = identityKeys({ requester: request.requester, clientId: request.clientId ?? credentials.clientId, noticeUrl: request.notice.url });
    this.#checkCoolDown(state, keys);
    // The requester's profile is read once: for its inbox (replyTo) and for the name to record.
    const { name } = await this.#delivery.checkReplyTo(request.requester, request.replyTo);
    const named = await this.#recordNames(request, name);
    if (named.requesterName) keys.push(...identityKeys({ requester: request.requester, name: named.requesterName }).slice(1));
    return this.#locks.run(podPath, async () => {
      this.#checkCoolDown(state, keys);
      const pending = state.pending();
      const earlier = pending.find((r) => sameAsk(r, request));
      if (earlier && sameContent(earlier, request)) return { url: earlier.id, created: false };
      checkPendingLimits(request, pending.filter((r) => r !== earlier), approvedRequesters(state.records.values()), this.#pendingLimits);
      await this.#store.write(path, Buffer.from(await serializeRequest(named)), 'text/turtle');
      state.requests.set(url, named);
      if (earlier) await this.#drop(state, earlier);
      return { url, created: true };
    });
  }

  #checkCoolDown(state: PodConsent, keys: string[]): void {
    const wait = coolDownLeft(state.records.values(), keys, this.#cooldownMs, Date.now());
    if (wait > 0) throw new HttpError(429, 'cool_down', `This citizen refused a request from you (or your app, notice or organisation) recently; you may ask again in ${wait} s`, { 'Retry-After': String(wait) });
  }

  /** The name a requester's profile claimed when it asked, for the cool-down; bounded, oldest forgotten first. */
  /** A pending request replaced by a newer one of the same ask: the citizen sees only the newer. */
  async #drop(state: PodConsent, request: AccessRequest): Promise<void> {
    state.requests.delete(request.id);
    const path = pathForUrl(this.#baseUrl, request.id);
    try {
      if (path) await this.#store.delete(path);
    } catch (error) {
      this.#log(`could not remove the replaced request ${request.id}: ${(error as Error).message}`);
    }
  }

  /** The owner approves (all or some sections, maybe for a shorter time) or refuses a pending request. */
  async decideRequest(podPath: string, body: unknown, actor: string, method: string): Promise<{ record: string; receipt?: string }> {
    const input = asDecisionError(() => parseDecisionBody(body));
    const state = await this.pod(podPath);
    const { record, receipt } = await this.#locks.run(podPath, async () => {
      const request = state.pending().find((r) => r.id === input.request);
      if (!request) throw new NotFound('No pending request at that URL (unknown, or already decided)');
      const recordPath = `${podPath}${RECORDS_DIR}${randomUUID()}`;
      const built = asDecisionError(() => buildRecord(request, input, { recordUrl: urlForPath(this.#baseUrl, recordPath), podUrl: state.podUrl, actor, method, now: new Date() }));
      await this.#store.write(recordPath, Buffer.from(await serializeRecord(built)), 'text/turtle');
      state.setRecord(built);
      const signed = currentStatus(built) === 'given' ? await this.#sign(built) : undefined;
      return { record: built, receipt: signed };
    });
    await this.#notify(record, { status: receipt ? 'given' : 'refused', record: record.id, request: record.request, receipt, sentAt: new Date().toISOString() });
    return { record: record.id, receipt };
  }

  /** One call withdraws: the record keeps its history, the grant stops at once, the requester is told. */
  async withdraw(podPath: string, body: unknown, actor: string, method: string): Promise<ConsentRecord> {
    const { record: recordUrl } = asDecisionError(() => parseWithdrawalBody(body));
    const state = await this.pod(podPath);
    const updated = await this.#locks.run(podPath, async () => {
      const record = state.records.get(recordUrl);
      if (!record) throw new NotFound('No consent record at that URL');
      const next = asDecisionError(() => withdrawRecord(record, { actor, method, now: new Date() }));
      const path = pathForUrl(this.#baseUrl, record.id)!;
      await this.#store.write(path, Buffer.from(await serializeRecord(next)), 'text/turtle');
      state.setRecord(next);
      return next;
    });
    await this.#notify(updated, { status: 'withdrawn', record: updated.id, request: updated.request, sentAt: new Date().toISOString() });
    return updated;
  }

  /** Pending requests, active grants, or every record (for export). Ended consents are marked expired first. */
  async list(podPath: string, what: 'requests' | 'grants' | 'records', now = new Date()): Promise<unknown[]> {
    const state = await this.pod(podPath);
    if (what === 'requests') return state.pending();
    await this.#recordExpiries(state, now);
    const records = [...state.records.values()];
    return what === 'grants' ? records.filter((record) => currentStatus(record) === 'given' && Date.parse(record.validFrom) <= now.getTime()) : records;
  }

  /**
   * One page of pending requests (oldest first), active grants or every record (both oldest
   * first), with the total: `page(pod, 'requests', { offset: 0, limit: 20 })`. The consent
   * pages and the owner API both page through this; `Math.ceil(total / limit)` pages in all.
   */
  async page(podPath: string, what: 'requests', paging?: Paging, now?: Date): Promise<Page<AccessRequest>>;
  async page(podPath: string, what: 'grants' | 'records', paging?: Paging, now?: Date): Promise<Page<ConsentRecord>>;
  async page(podPath: string, what: 'requests' | 'grants' | 'records', paging: Paging = {}, now = new Date()): Promise<Page<AccessRequest | ConsentRecord>> {
    const { offset, limit } = pagingOf(paging, LIST_PAGE);
    const all = (await this.list(podPath, what, now)) as (AccessRequest | ConsentRecord)[];
    if (what !== 'requests') (all as ConsentRecord[]).sort(byGiven);
    return { items: all.slice(offset, offset + limit), total: all.length, offset, limit };
  }

  /**
   * One page of the pod's access log, newest first, with the total and the chain's head:
   * only the page's lines are parsed. (Verifying the whole chain still needs the whole log.)
   */
  async logPage(podPath: string, paging: Paging = {}): Promise<Page<AccessLogEntry> & { head?: { seq: number; hash: string } }> {
    const { offset, limit } = pagingOf(paging, LOG_PAGE);
    await this.#logs.get(podPath)?.idle(); // lines on their way land first
    const { entries, total } = await readLogPage(this.#store, podPath + ACCESS_LOG, { offset, limit });
    const head = (await this.pod(podPath)).logHead;
    return { items: entries, total, offset, limit, ...(head ? { head: { seq: head.seq, hash: head.hash } } : {}) };
  }

  /**
   * Enforcement already denies an ended consent by its validUntil; this writes the 'expired'
   * status into the record's history, so the record says so too.
   */
  async #recordExpiries(state: PodConsent, now: Date): Promise<void> {
    const ended = [...state.records.values()].filter((record) => expireRecord(record, { actor: this.#baseUrl, now }) !== record);
    if (ended.length === 0) return;
    await this.#locks.run(state.podPath, async () => {
      for (const record of ended) {
        const expired = expireRecord(state.records.get(record.id) ?? record, { actor: this.#baseUrl, now });
        await this.#store.write(pathForUrl(this.#baseUrl, expired.id)!, Buffer.from(await serializeRecord(expired)), 'text/turtle');
        state.setRecord(expired);
      }
    });
  }

  async jwks(): Promise<ReturnType<typeof publicJwks>> {
    return publicJwks([(await this.#keys).publicJwk]);
  }

  /** The status endpoint: is the consent behind this receipt still valid? */
  async status(receipt: unknown): Promise<ReceiptStatus> {
    if (typeof receipt !== 'string') throw new BadRequest('Send {"receipt": "<compact JWS>"}', 'bad_body');
    return receiptStatus(receipt, await this.jwks(), { issuer: this.#baseUrl }, async (recordUrl) => {
      const path = pathForUrl(this.#baseUrl, recordUrl);
      const podPath = path && podOf(path);
      return podPath ? (await this.pod(podPath)).records.get(recordUrl) : undefined;
    });
  }

  async #sign(record: ConsentRecord): Promise<string> {
    const keys = await this.#keys;
    return signReceipt(record, { privateKey: keys.privateJwk, kid: keys.kid, issuer: this.#baseUrl, statusUrl: this.statusUrl });
  }

  /** Notifications are best effort: the decision stands even if the requester's inbox is away. */
  async #notify(record: ConsentRecord, notification: ConsentNotification): Promise<void> {
    if (!record.replyTo) return;
    try {
      await this.#delivery.deliver(record.replyTo, await notificationToTurtle(notification));
    } catch (error) {
      this.#log(`could not notify ${record.replyTo} about ${record.id}: ${(error as Error).message}`);
    }
  }
}

export interface Paging { offset?: number; limit?: number }
export interface Page<T> { items: T[]; total: number; offset: number; limit: number }

/** Default and largest page sizes: listings, and the access log. */
export const LIST_PAGE = { default: 50, max: 500 };
export const LOG_PAGE = { default: 100, max: 1000 };

/** Whole, non-negative numbers; the limit at least 1 and at most the maximum. */
function pagingOf(paging: Paging, sizes: { default: number; max: number }): { offset: number; limit: number } {
  const whole = (value: number | undefined, fallback: number) => (Number.isInteger(value) && value! >= 0 ? value! : fallback);
  return { offset: whole(paging.offset, 0), limit: Math.min(sizes.max, Math.max(1, whole(paging.limit, sizes.default))) };
}

/** Records in the order they were first decided (the sort is stable, so ties keep the index's order). */
const byGiven = (a: ConsentRecord, b: ConsentRecord): number => (a.statusHistory[0]?.at ?? '').localeCompare(b.statusHistory[0]?.at ?? '');

function asDecisionError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof DecisionError)) throw error;
    if (error.code === 'not-data-subject') throw new Forbidden(error.message);
    if (error.code === 'not-active') throw new Conflict(error.message, 'not_active');
    throw new BadRequest(error.message, `decision_${error.code.replaceAll('-', '_')}`);
  }
}
