// The citizen's side: list pending requests, approve (all, some sections, shorter) or deny, list active grants,
// withdraw, read and verify the access log, export every record. Owner-only endpoints of the pod server.
import { isSection, type AccessRequest, type ConsentRecord, type Section } from './model.ts';
import { parseLog, verifyChain, type AccessLogEntry, type ChainResult } from './audit-log.ts';
import { failure, getJson, postJson, podBase, type Fetch } from './http.ts';

export interface OwnerOptions { podUrl: string; fetch: Fetch }
export interface DecisionResult { record: string; receipt?: string }
export interface PageOptions { offset?: number; limit?: number }
/** A page of a listing: `items` from `offset`, `total` in all. */
export interface Page<T> { items: T[]; total: number; offset: number; limit: number; next?: string }

const PAGE_SIZE = 500; // the server's largest page
const MAX_PAGES = 10_000;

export class OwnerClient {
  private readonly pod: string;
  private readonly f: Fetch;
  constructor(opts: OwnerOptions) { this.pod = podBase(opts.podUrl); this.f = opts.fetch; }

  get urls() {
    return {
      decisions: `${this.pod}.consent/decisions`, withdrawals: `${this.pod}.consent/withdrawals`,
      requests: `${this.pod}.consent/requests`, grants: `${this.pod}.consent/grants`, records: `${this.pod}.consent/records`,
      accessLog: `${this.pod}consent/access-log`, log: `${this.pod}.consent/log`,
    };
  }

  /** Every pending request, oldest first (all pages). */
  async listPending(): Promise<AccessRequest[]> {
    return this.all(this.urls.requests, isAccessRequest, 'access request', 'listing pending requests');
  }

  /** One page of a listing (the server's default size unless `limit`), with the total. */
  async page(what: 'requests', opts?: PageOptions): Promise<Page<AccessRequest>>;
  async page(what: 'grants' | 'records', opts?: PageOptions): Promise<Page<ConsentRecord>>;
  async page(what: 'requests' | 'grants' | 'records', opts: PageOptions = {}): Promise<Page<AccessRequest | ConsentRecord>> {
    const guard = (what === 'requests' ? isAccessRequest : isConsentRecord) as (x: unknown) => x is AccessRequest | ConsentRecord;
    return asPage(await getJson(this.f, pageUrl(this.urls[what], opts), `listing ${what}`), guard, what === 'requests' ? 'access request' : 'consent record');
  }

  /** One page of the access log, newest first, with the total and the chain's head (not verified: see readAccessLog). */
  async accessLogPage(opts: PageOptions = {}): Promise<Page<AccessLogEntry> & { head?: { seq: number; hash: string } }> {
    const body = await getJson(this.f, pageUrl(this.urls.log, opts), 'reading the access log') as { head?: { seq: number; hash: string } };
    const page = asPage(body, (x): x is AccessLogEntry => !!x && typeof x === 'object' && typeof (x as AccessLogEntry).hash === 'string', 'access log entry');
    return body.head ? { ...page, head: body.head } : page;
  }

  /** Follows the pages of a listing to the end (bounded: a server that never ends is an error). */
  private async all<T>(url: string, guard: (x: unknown) => x is T, what: string, doing: string): Promise<T[]> {
    const out: T[] = [];
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = asPage(await getJson(this.f, pageUrl(url, { offset: out.length, limit: PAGE_SIZE }), doing), guard, what);
      out.push(...page.items);
      if (page.items.length === 0 || out.length >= page.total) return out;
    }
    throw new Error(`${doing}: more than ${MAX_PAGES} pages`);
  }

  /** Approves all requested sections, or only `sections`, optionally until an earlier `validUntil`. */
  async approve(requestUrl: string, opts: { sections?: Section[]; validUntil?: string | Date } = {}): Promise<DecisionResult> {
    const body: Record<string, unknown> = { request: requestUrl, decision: 'approve' };
    if (opts.sections) body.sections = opts.sections;
    if (opts.validUntil) body.validUntil = opts.validUntil instanceof Date ? opts.validUntil.toISOString() : opts.validUntil;
    return decisionResult(await postJson(this.f, this.urls.decisions, body, 'approving the request', [201]), true);
  }

  async deny(requestUrl: string): Promise<DecisionResult> {
    return decisionResult(await postJson(this.f, this.urls.decisions, { request: requestUrl, decision: 'deny' }, 'denying the request', [201]), false);
  }

  /** Every active grant (all pages). */
  async listActiveGrants(): Promise<ConsentRecord[]> {
    return this.all(this.urls.grants, isConsentRecord, 'consent record', 'listing active grants');
  }

  async withdraw(recordUrl: string): Promise<{ record: string; status: 'withdrawn' }> {
    const r = await postJson(this.f, this.urls.withdrawals, { record: recordUrl }, 'withdrawing the consent', [200]) as { record?: unknown; status?: unknown };
    if (typeof r.record !== 'string' || r.status !== 'withdrawn') throw new Error('malformed withdrawal answer');
    return { record: r.record, status: 'withdrawn' };
  }

  /** Every record, for GDPR Art. 20 export. */
  async exportRecords(): Promise<ConsentRecord[]> {
    return this.all(this.urls.records, isConsentRecord, 'consent record', 'exporting consent records');
  }

  /** The access log with its chain verified. Pass the head you saw last time to detect truncation. */
  async readAccessLog(opts: { expectHead?: { seq: number; hash: string } } = {}): Promise<{ entries: AccessLogEntry[]; verification: ChainResult }> {
    const url = this.urls.accessLog;
    const res = await this.f(url, { headers: { accept: 'application/jsonl' } });
    if (res.status === 404) return { entries: [], verification: verifyChain('', opts) };
    if (res.status !== 200) throw await failure(res, url, 'reading the access log');
    const text = await res.text();
    const verification = verifyChain(text, opts);
    return { entries: verification.valid ? parseLog(text) : [], verification };
  }
}

function decisionResult(body: unknown, expectReceipt: boolean): DecisionResult {
  const b = body as { record?: unknown; receipt?: unknown };
  if (typeof b?.record !== 'string') throw new Error('malformed decision answer: no record URL');
  if (expectReceipt && typeof b.receipt !== 'string') throw new Error('malformed decision answer: no receipt');
  return typeof b.receipt === 'string' ? { record: b.record, receipt: b.receipt } : { record: b.record };
}

function pageUrl(url: string, opts: PageOptions): string {
  const query = new URLSearchParams();
  if (opts.offset !== undefined) query.set('offset', String(opts.offset));
  if (opts.limit !== undefined) query.set('limit', String(opts.limit));
  return query.size ? `${url}?${query}` : url;
}

function asPage<T>(v: unknown, guard: (x: unknown) => x is T, what: string): Page<T> {
  const p = v as Page<unknown>;
  if (!p || typeof p !== 'object' || !Array.isArray(p.items) || ![p.total, p.offset, p.limit].every(Number.isInteger)) {
    throw new Error(`expected a page of ${what}s ({ items, total, offset, limit })`);
  }
  const bad = p.items.findIndex((x) => !guard(x));
  if (bad >= 0) throw new Error(`item ${bad} is not a valid ${what}`);
  return { items: p.items as T[], total: p.total, offset: p.offset, limit: p.limit, ...(typeof p.next === 'string' ? { next: p.next } : {}) };
}

const isStr = (x: unknown): x is string => typeof x === 'string';
export function isAccessRequest(x: unknown): x is AccessRequest {
  const r = x as AccessRequest;
  return !!r && typeof r === 'object' && [r.id, r.requester, r.dataSubject, r.purpose, r.legalBasis, r.duration, r.retention, r.replyTo, r.createdAt].every(isStr)
    && Array.isArray(r.sections) && r.sections.every(isSection) && Array.isArray(r.modes)
    && !!r.notice && [r.notice.sv, r.notice.en, r.notice.url, r.notice.sha256].every(isStr);
}
export function isConsentRecord(x: unknown): x is ConsentRecord {
  const r = x as ConsentRecord;
  return !!r && typeof r === 'object' && [r.id, r.dataSubject, r.requester, r.purpose, r.legalBasis, r.validFrom, r.validUntil].every(isStr)
    && Array.isArray(r.sections) && r.sections.every(isSection) && Array.isArray(r.resources) && Array.isArray(r.modes)
    && !!r.notice && isStr(r.notice.url) && isStr(r.notice.sha256)
    && Array.isArray(r.statusHistory) && r.statusHistory.length > 0 && r.statusHistory.every((c) => isStr(c?.status) && isStr(c?.at));
}
