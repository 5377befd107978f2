/**
 * The Web Access Control decision as a pure function: given who is asking, the ACL that
 * governs the target and the mode wanted, allow or deny, with the reason. No I/O happens
 * here; auth/acl-store.ts finds and parses the ACL and resolves group memberships first.
 */
export type AccessMode = 'read' | 'append' | 'write' | 'control';
export const ACCESS_MODES: readonly AccessMode[] = ['read', 'append', 'write', 'control'];

export const FOAF_AGENT = 'http://xmlns.com/foaf/0.1/Agent';
export const AUTHENTICATED_AGENT = 'http://www.w3.org/ns/auth/acl#AuthenticatedAgent';

export interface Authorization {
  id: string;
  agents: string[];
  agentClasses: string[];
  agentGroups: string[];
  origins: string[];
  accessTo: string[];
  defaults: string[];
  modes: AccessMode[];
}

/** The ACL document that governs a target: its own, or the nearest ancestor's. */
export interface EffectiveAcl {
  aclUrl: string;
  /** The resource whose ACL this is: the target itself, or an ancestor container. */
  subjectUrl: string;
  /** True when the ACL belongs to an ancestor, so only acl:default authorizations count. */
  inherited: boolean;
  authorizations: Authorization[];
}

export interface Agent {
  webId?: string;
  /** The Origin header of the request, if any. */
  origin?: string;
  /** Groups (from the ACL's acl:agentGroup) that the agent was found to be a member of. */
  groups?: ReadonlySet<string>;
}

export interface Decision {
  allow: boolean;
  reason: string;
}

export function decide(agent: Agent, acl: EffectiveAcl | undefined, mode: AccessMode): Decision {
  if (!acl) return { allow: false, reason: 'no ACL governs this resource' };
  const applicable = acl.authorizations.filter((a) => (acl.inherited ? a.defaults : a.accessTo).includes(acl.subjectUrl));
  if (applicable.length === 0) {
    return { allow: false, reason: `${acl.aclUrl} has no ${acl.inherited ? 'acl:default' : 'acl:accessTo'} authorization for ${acl.subjectUrl}` };
  }
  const withMode = applicable.filter((a) => grants(a, mode));
  if (withMode.length === 0) return { allow: false, reason: `no authorization in ${acl.aclUrl} grants ${mode}` };
  const forAgent = withMode.filter((a) => matchesAgent(a, agent));
  if (forAgent.length === 0) {
    return { allow: false, reason: `${mode} is granted in ${acl.aclUrl}, but not to ${agent.webId ?? 'anonymous agents'}` };
  }
  const match = forAgent.find((a) => a.origins.length === 0 || (agent.origin !== undefined && a.origins.includes(agent.origin)));
  if (!match) return { allow: false, reason: `${mode} is granted to this agent only from origins ${forAgent.flatMap((a) => a.origins).join(', ')}` };
  return { allow: true, reason: `${match.id} grants ${mode}` };
}

/** Every mode the agent holds: what WAC-Allow reports. */
export function allowedModes(agent: Agent, acl: EffectiveAcl | undefined): Set<AccessMode> {
  return new Set(ACCESS_MODES.filter((mode) => decide(agent, acl, mode).allow));
}

/** Write implies Append (Solid WAC). */
function grants(authorization: Authorization, mode: AccessMode): boolean {
  return authorization.modes.includes(mode) || (mode === 'append' && authorization.modes.includes('write'));
}

function matchesAgent(authorization: Authorization, agent: Agent): boolean {
  if (authorization.agentClasses.includes(FOAF_AGENT)) return true;
  if (!agent.webId) return false;
  if (authorization.agentClasses.includes(AUTHENTICATED_AGENT)) return true;
  if (authorization.agents.includes(agent.webId)) return true;
  return authorization.agentGroups.some((group) => agent.groups?.has(group) ?? false);
}
