// THE enforcement decision: may this agent perform this mode on this resource under one of these grants?
// Pure: no I/O, no clock of its own. The pod server calls it on every request WAC does not already allow.
import { currentStatus, type AccessMode, type ConsentRecord, type ConsentStatus, type GrantMode } from './model.ts';

/** The enforcement view of a consent record. */
export interface Grant {
  /** The consent record's URL. */
  id: string;
  /** The requester's WebID. */
  grantee: string;
  /** When set, only this Solid-OIDC client_id may use the grant. */
  clientId?: string;
  /** Exact document URLs, or container URLs ending in "/" that cover everything inside them. */
  resources: string[];
  modes: GrantMode[];
  validFrom: string;
  validUntil: string;
  status: ConsentStatus;
}

export interface Agent { webId?: string; clientId?: string }
export interface Target { url: string; mode: AccessMode }

export type DenyReason =
  | 'anonymous' | 'control-never-granted' | 'no-grant' | 'other-grantee' | 'other-client' | 'resource-outside-grant'
  | 'mode-not-granted' | 'refused' | 'withdrawn' | 'expired' | 'not-yet-valid' | 'invalid-target';
export type Decision = { allow: true; reason: 'granted'; grantId: string } | { allow: false; reason: DenyReason; grantId?: string };

/**
 * Checks are made in this order for each grant; the deny reason reported is the one from the grant that
 * got furthest (so "expired" rather than "other-grantee" when the agent's own grant has expired).
 */
const ORDER: DenyReason[] = ['other-grantee', 'other-client', 'resource-outside-grant', 'mode-not-granted', 'refused', 'withdrawn', 'expired', 'not-yet-valid'];

export function decideGrant(agent: Agent, target: Target, grants: readonly Grant[], now: Date): Decision {
  if (target.mode === 'control') return { allow: false, reason: 'control-never-granted' };
  if (!agent.webId) return { allow: false, reason: 'anonymous' };
  const url = normalizeUrl(target.url);
  if (url === undefined) return { allow: false, reason: 'invalid-target' };
  let best: { reason: DenyReason; grantId: string } | undefined;
  for (const g of grants) {
    const reason = firstFailure(g, agent, url, target.mode, now);
    if (reason === undefined) return { allow: true, reason: 'granted', grantId: g.id };
    if (!best || ORDER.indexOf(reason) > ORDER.indexOf(best.reason)) best = { reason, grantId: g.id };
  }
  if (!best) return { allow: false, reason: 'no-grant' };
  // Never tell an agent about grants made to somebody else.
  return best.reason === 'other-grantee' ? { allow: false, reason: 'no-grant' } : { allow: false, ...best };
}

function firstFailure(g: Grant, agent: Agent, url: string, mode: GrantMode, now: Date): DenyReason | undefined {
  if (g.grantee !== agent.webId) return 'other-grantee';
  if (g.clientId !== undefined && g.clientId !== agent.clientId) return 'other-client';
  if (!g.resources.some((r) => covers(r, url))) return 'resource-outside-grant';
  if (!modeAllowed(g.modes, mode)) return 'mode-not-granted';
  if (g.status === 'refused') return 'refused';
  if (g.status === 'withdrawn') return 'withdrawn';
  const t = now.getTime();
  const from = Date.parse(g.validFrom);
  const until = Date.parse(g.validUntil);
  if (g.status === 'expired' || !Number.isFinite(until) || t >= until) return 'expired';
  if (!Number.isFinite(from) || t < from) return 'not-yet-valid';
  if (g.status !== 'given') return 'refused';
  return undefined;
}

/** Write implies append (as in WAC); nothing implies read. */
function modeAllowed(modes: readonly GrantMode[], mode: GrantMode): boolean {
  return modes.includes(mode) || (mode === 'append' && modes.includes('write'));
}

/** An exact document, or a container ("…/") and everything under it. Never a mere string prefix. */
function covers(resource: string, url: string): boolean {
  const r = normalizeUrl(resource);
  if (r === undefined) return false;
  return r === url || (r.endsWith('/') && url.startsWith(r));
}

/**
 * Comparable form of a URL: parsed (dot segments resolved, host lower-cased), query and fragment dropped,
 * percent-encoded unreserved characters decoded ("%73kills" is "skills"), other escapes upper-cased.
 * Paths that still contain "%2F" (an encoded slash) or an encoded dot segment are refused.
 */
export function normalizeUrl(raw: string): string | undefined {
  let u: URL;
  try { u = new URL(raw); } catch { return undefined; }
  if (u.username || u.password) return undefined;
  const path = u.pathname.replace(/%([0-9a-fA-F]{2})/g, (m, hex: string) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${hex.toUpperCase()}`;
  });
  if (/%2F|%5C/i.test(path) || /(^|\/)\.{1,2}(\/|$)/.test(path)) return undefined;
  return `${u.protocol}//${u.host}${path}`;
}

/** The enforcement view of a record. The status is the record's current one (expiry is decided by time). */
export function grantFromRecord(record: ConsentRecord): Grant {
  const g: Grant = {
    id: record.id,
    grantee: record.requester,
    resources: [...record.resources],
    modes: [...record.modes],
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    status: currentStatus(record),
  };
  if (record.clientId !== undefined) g.clientId = record.clientId;
  return g;
}

/** Human-readable explanation of a decision, for logs and 403 bodies. */
export function explainDecision(d: Decision): string {
  const text: Record<Decision['reason'], string> = {
    granted: 'allowed by an active consent grant',
    anonymous: 'no consent grant applies to unauthenticated requests',
    'control-never-granted': 'control access is never granted through consent',
    'no-grant': 'no consent grant for this agent',
    'other-grantee': 'no consent grant for this agent',
    'other-client': 'the consent grant is bound to another client application',
    'resource-outside-grant': 'the resource is outside the sections the consent covers',
    'mode-not-granted': 'the consent does not cover this kind of access',
    refused: 'the consent was refused',
    withdrawn: 'the consent has been withdrawn',
    expired: 'the consent has expired',
    'not-yet-valid': 'the consent is not valid yet',
    'invalid-target': 'the resource URL is not valid',
  };
  return text[d.reason];
}
