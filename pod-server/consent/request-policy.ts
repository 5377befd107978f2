import type { AccessRequest, ConsentRecord } from '../../consent/index.ts';
import { Conflict, HttpError } from '../../service-kit/errors.ts';

/**
 * Who may add an access request to a citizen's pending list: pure decisions over what the pod
 * holds, so that they can be read (and tested) apart from the HTTP and storage around them.
 */
export interface PendingLimits {
  maxPending: number;
  maxPendingPerRequester: number;
  maxPendingUnknown: number;
}

/** The same ask: one requester, through one client, for one purpose. A repeat replaces it. */
export const sameAsk = (a: AccessRequest, b: AccessRequest): boolean =>
  a.requester === b.requester && (a.clientId ?? '') === (b.clientId ?? '') && a.purpose === b.purpose;

/** Everything the citizen is shown is the same (the URL and the time of asking aside). */
export function sameContent(a: AccessRequest, b: AccessRequest): boolean {
  const shown = (r: AccessRequest) => JSON.stringify([r.requester, r.clientId ?? '', r.dataSubject, [...r.sections].sort(), [...r.modes].sort(), r.purpose, r.notice, r.legalBasis, r.duration, r.retention, r.replyTo]);
  return shown(a) === shown(b);
}

/**
 * The names a requester goes by, for the cool-down: its WebID, its client, the notice it asks
 * under, and the name its profile claims. A refused requester that comes back with a fresh
 * WebID but the same app, notice or organisation name still waits.
 */
export function identityKeys(who: { requester: string; clientId?: string; noticeUrl?: string; name?: string }): string[] {
  const keys = [`webid ${who.requester}`];
  if (who.clientId) keys.push(`client ${who.clientId}`);
  if (who.noticeUrl) keys.push(`notice ${who.noticeUrl}`);
  const name = who.name?.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (name && name.length >= 3) keys.push(`name ${name}`);
  return keys;
}

/**
 * Seconds the requester must still wait, 0 when it may ask. A refusal counts against every
 * name of the refused request, including the profile name recorded when the request arrived.
 */
export function coolDownLeft(records: Iterable<ConsentRecord>, keys: string[], cooldownMs: number, now: number): number {
  if (cooldownMs <= 0) return 0;
  const wanted = new Set(keys);
  let until = 0;
  for (const record of records) {
    const refusals = record.statusHistory.filter((change) => change.status === 'refused');
    if (refusals.length === 0) continue;
    const ends = Date.parse(refusals[refusals.length - 1].at) + cooldownMs;
    if (ends <= now || ends <= until) continue;
    const theirs = identityKeys({ requester: record.requester, clientId: record.clientId, noticeUrl: record.notice.url, name: record.requesterName });
    if (theirs.some((key) => wanted.has(key))) until = ends;
  }
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

/** Requesters this citizen has approved at least once: they skip the limit on unknown requesters. */
export function approvedRequesters(records: Iterable<ConsentRecord>): Set<string> {
  const known = new Set<string>();
  for (const record of records) if (record.statusHistory.some((change) => change.status === 'given')) known.add(record.requester);
  return known;
}

/** Refuses a new pending request that would pass a limit; `pending` excludes any request it replaces. */
export function checkPendingLimits(request: AccessRequest, pending: AccessRequest[], known: Set<string>, limits: PendingLimits): void {
  const { maxPending, maxPendingPerRequester, maxPendingUnknown } = limits;
  const mine = pending.filter((r) => r.requester === request.requester).length;
  if (maxPendingPerRequester > 0 && mine >= maxPendingPerRequester) {
    throw new Conflict(`You already have ${mine} requests waiting for this citizen's decision, the most allowed; wait for an answer`, 'too_many_pending_from_you');
  }
  // 507 as for a full inbox (RFC 4331 quotas): nothing was stored, and asking again will not help until the citizen decides.
  if (maxPending > 0 && pending.length >= maxPending) {
    throw new HttpError(507, 'too_many_pending', `This citizen has ${pending.length} requests waiting for a decision, the most allowed; try again once some are answered`);
  }
  if (maxPendingUnknown > 0 && !known.has(request.requester)) {
    const unknown = pending.filter((r) => !known.has(r.requester)).length;
    if (unknown >= maxPendingUnknown) {
      throw new HttpError(507, 'too_many_pending_unknown', `This citizen has ${unknown} requests waiting from requesters they have never approved, the most allowed; try again once some are answered`);
    }
  }
}
