// The citizen's side: list pending requests, approve (all, some sections, shorter) or deny, list active grants,
// withdraw, read and verify the access log, export every record. Owner-only endpoints of the pod server.
import { isSection, type AccessRequest, type ConsentRecord, type Section } from './model.ts';
import { parseLog, verifyChain, type AccessLogEntry, type ChainResult } from './audit-log.ts';
import { failure, getJson, postJson, podBase, type Fetch } from './http.ts';

export interface OwnerOptions { podUrl: string; fetch: Fetch }
export interface DecisionResult { record: string; receipt?: string }

export class OwnerClient {
  private readonly pod: string;
  private readonly f: Fetch;
  constructor(opts: OwnerOptions) { this.pod = podBase(opts.podUrl); this.f = opts.fetch; }

  get urls() {
    return {
      decisions: `${this.pod}.consent/decisions`, withdrawals: `${this.pod}.consent/withdrawals`,
      requests: `${this.pod}.consent/requests`, grants: `${this.pod}.consent/grants`, records: `${this.pod}.consent/records`,
      accessLog: `${this.pod}consent/access-log`,
    };
  }

  async listPending(): Promise<AccessRequest[]> {
    return asArray(await getJson(this.f, this.urls.requests, 'listing pending requests'), isAccessRequest, 'access request');
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

  async listActiveGrants(): Promise<ConsentRecord[]> {
    return asArray(await getJson(this.f, this.urls.grants, 'listing active grants'), isConsentRecord, 'consent record');
  }

  async withdraw(recordUrl: string): Promise<{ record: string; status: 'withdrawn' }> {
    const r = await postJson(this.f, this.urls.withdrawals, { record: recordUrl }, 'withdrawing the consent', [200]) as { record?: unknown; status?: unknown };
    if (typeof r.record !== 'string' || r.status !== 'withdrawn') throw new Error('malformed withdrawal answer');
    return { record: r.record, status: 'withdrawn' };
  }

  /** Every record, for GDPR Art. 20 export. */
  async exportRecords(): Promise<ConsentRecord[]> {
    return asArray(await getJson(this.f, this.urls.records, 'exporting consent records'), isConsentRecord, 'consent record');
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

function asArray<T>(v: unknown, guard: (x: unknown) => x is T, what: string): T[] {
  if (!Array.isArray(v)) throw new Error(`expected a JSON array of ${what}s`);
  const bad = v.findIndex((x) => !guard(x));
  if (bad >= 0) throw new Error(`item ${bad} is not a valid ${what}`);
  return v;
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
