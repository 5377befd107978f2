// Turning a citizen's decision into a consent record, and later status changes (withdrawal, expiry).
// The pod server calls these; they are pure and check the rules (subset only, validity only shortened).
import { addDuration } from './duration.ts';
import { endOfSwedishDay } from './swedish-time.ts';
import { currentStatus, isSection, sectionResources, type AccessRequest, type ConsentRecord, type Section, type StatusChange } from './model.ts';
import { sortSections } from './rdf-request.ts';

export interface DecisionInput {
  /** URL of the pending request. */
  request: string;
  decision: 'approve' | 'deny';
  /** Approve only these (a non-empty subset of the requested sections). */
  sections?: Section[];
  /** Shorten the validity (never lengthen): ISO date or date-time. */
  validUntil?: string;
}

export type DecisionErrorCode = 'bad-body' | 'not-data-subject' | 'sections-not-requested' | 'no-sections' | 'validity-extended' | 'validity-in-past' | 'bad-date' | 'not-active';
export class DecisionError extends Error {
  override readonly name = 'DecisionError';
  constructor(message: string, readonly code: DecisionErrorCode) { super(message); }
}

/** Validates the JSON body of POST {pod}.consent/decisions. Throws DecisionError('bad-body'). */
export function parseDecisionBody(body: unknown): DecisionInput {
  const b = body as Record<string, unknown> | null;
  const bad = (m: string): never => { throw new DecisionError(m, 'bad-body'); };
  if (!b || typeof b !== 'object' || Array.isArray(b)) bad('the body must be a JSON object');
  const extra = Object.keys(b!).filter((k) => !['request', 'decision', 'sections', 'validUntil'].includes(k));
  if (extra.length) bad(`unexpected field(s): ${extra.join(', ')}`);
  if (typeof b!.request !== 'string' || !/^https?:\/\//.test(b!.request)) bad('"request" must be the URL of a pending request');
  if (b!.decision !== 'approve' && b!.decision !== 'deny') bad('"decision" must be "approve" or "deny"');
  const out: DecisionInput = { request: b!.request as string, decision: b!.decision as 'approve' | 'deny' };
  if (b!.sections !== undefined) {
    if (!Array.isArray(b!.sections) || !b!.sections.every(isSection)) bad('"sections" must be an array of section names');
    if (b!.decision === 'deny') bad('"sections" only applies to approve');
    out.sections = b!.sections as Section[];
  }
  if (b!.validUntil !== undefined) {
    if (typeof b!.validUntil !== 'string' || Number.isNaN(Date.parse(b!.validUntil))) bad('"validUntil" must be an ISO 8601 date or date-time');
    if (b!.decision === 'deny') bad('"validUntil" only applies to approve');
    out.validUntil = b!.validUntil as string;
  }
  return out;
}

/** Validates the JSON body of POST {pod}.consent/withdrawals. */
export function parseWithdrawalBody(body: unknown): { record: string } {
  const b = body as Record<string, unknown> | null;
  if (!b || typeof b !== 'object' || typeof b.record !== 'string' || !/^https?:\/\//.test(b.record) || Object.keys(b).length !== 1) {
    throw new DecisionError('the body must be {"record": "<record URL>"}', 'bad-body');
  }
  return { record: b.record };
}

export interface RecordContext {
  /** Where the record will be stored, under {pod}/consent/. */
  recordUrl: string;
  podUrl: string;
  /** The authenticated owner's WebID; must be the request's data subject. */
  actor: string;
  /** 'consent-page' or 'api'. */
  method: string;
  now: Date;
}

/** A date-only validUntil ("2025-04-01") means the end of that day in Sweden, as on the consent page. */
function parseUntil(s: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? endOfSwedishDay(s) : new Date(s);
  if (!d || Number.isNaN(d.getTime())) throw new DecisionError(`not a date: ${s}`, 'bad-date');
  return d;
}

/** The consent record for a decision on a request: status 'given' (approve) or 'refused' (deny). */
export function buildRecord(request: AccessRequest, input: DecisionInput, ctx: RecordContext): ConsentRecord {
  if (ctx.actor !== request.dataSubject) throw new DecisionError('only the data subject can decide on this request', 'not-data-subject');
  const now = ctx.now.toISOString();
  const base = {
    id: ctx.recordUrl, request: request.id, dataSubject: request.dataSubject, requester: request.requester,
    ...(request.clientId ? { clientId: request.clientId } : {}),
    ...(request.requesterName !== undefined ? { requesterName: request.requesterName } : {}),
    ...(request.clientName !== undefined ? { clientName: request.clientName } : {}),
    modes: request.modes, purpose: request.purpose, legalBasis: request.legalBasis,
    notice: { url: request.notice.url, sha256: request.notice.sha256 }, replyTo: request.replyTo, retention: request.retention,
  };
  const change = (status: StatusChange['status']): StatusChange => ({ status, at: now, actor: ctx.actor, method: ctx.method });
  if (input.decision === 'deny') {
    return { ...base, sections: request.sections, resources: [], validFrom: now, validUntil: now, statusHistory: [change('refused')] };
  }
  const sections = sortSections(input.sections ?? request.sections);
  if (sections.length === 0) throw new DecisionError('approve at least one section, or deny', 'no-sections');
  const extra = sections.filter((s) => !request.sections.includes(s));
  if (extra.length) throw new DecisionError(`not requested: ${extra.join(', ')}`, 'sections-not-requested');
  const requestedUntil = addDuration(ctx.now, request.duration);
  let until = requestedUntil;
  if (input.validUntil !== undefined) {
    const asked = parseUntil(input.validUntil);
    if (asked.getTime() > requestedUntil.getTime()) throw new DecisionError(`validUntil may only shorten the requested ${request.duration} (until ${requestedUntil.toISOString()})`, 'validity-extended');
    if (asked.getTime() <= ctx.now.getTime()) throw new DecisionError('validUntil must be in the future', 'validity-in-past');
    until = asked;
  }
  return {
    ...base, sections, resources: sectionResources(ctx.podUrl, sections),
    validFrom: now, validUntil: until.toISOString(), statusHistory: [change('given')],
  };
}

/** The record after a withdrawal (history kept). Only a given, unexpired consent can be withdrawn. */
export function withdrawRecord(record: ConsentRecord, ctx: { actor: string; method: string; now: Date }): ConsentRecord {
  if (ctx.actor !== record.dataSubject) throw new DecisionError('only the data subject can withdraw this consent', 'not-data-subject');
  if (currentStatus(record) !== 'given') throw new DecisionError(`the consent is ${currentStatus(record)}, not active`, 'not-active');
  return { ...record, statusHistory: [...record.statusHistory, { status: 'withdrawn', at: ctx.now.toISOString(), actor: ctx.actor, method: ctx.method }] };
}

/** Marks a given record whose validity has ended as expired (returns it unchanged otherwise). */
export function expireRecord(record: ConsentRecord, ctx: { actor: string; now: Date }): ConsentRecord {
  if (currentStatus(record) !== 'given' || ctx.now.getTime() < Date.parse(record.validUntil)) return record;
  return { ...record, statusHistory: [...record.statusHistory, { status: 'expired', at: record.validUntil, actor: ctx.actor, method: 'expiry' }] };
}
