import type { IncomingMessage } from 'node:http';
import { AccessControl } from '../auth/access-control.ts';
import type { Credentials } from '../../service-kit/solid-oidc/credentials.ts';
import type { AccessMode } from '../auth/wac.ts';
import { Forbidden, Unauthorized } from '../../service-kit/errors.ts';
import type { ConsentGate } from '../consent/gate.ts';
import type { ByteLru } from '../../service-kit/byte-lru.ts';
import type { KeyedLock } from '../storage/keyed-lock.ts';
import type { ResourceStore } from '../storage/store.ts';

/** Everything the LDP operations share, wired once in the composition root. */
export interface LdpContext {
  baseUrl: string;
  store: ResourceStore;
  access: AccessControl;
  /** Queues PATCHes per resource: read-modify-write under contention would otherwise retry forever. */
  patchQueue: KeyedLock;
  maxBodyBytes: number;
  /** WORK_BUDGET_MS: the synchronous work one request may cause (parsing, matching, converting). */
  workBudgetMs?: number;
  /** Documents converted to another RDF format for a GET, by variant ETag. */
  conversions?: ByteLru<Buffer>;
  /** Consent enforcement, when identities exist to grant things to. */
  consent?: ConsentGate;
}

/** One request as the operations see it, after path parsing and the credentials stage. */
export interface LdpRequest {
  raw: IncomingMessage;
  path: string;
  url: string;
  credentials: Credentials;
  origin?: string;
  /** Set when a consent grant, not WAC, allowed the request: what the access log records. */
  grant?: { recordId: string; mode: AccessMode };
}

/**
 * Throws 401 (anonymous) or 403 (authenticated) unless, for every mode on its path, WAC
 * allows it or an active consent grant does.
 */
export async function authorize(context: LdpContext, request: LdpRequest, needs: { path: string; mode: AccessMode }[]): Promise<void> {
  for (const need of needs) {
    const decision = await context.access.check(request.credentials, request.origin, need.path, need.mode);
    if (decision.allow) continue;
    if (!request.credentials.webId) {
      throw new Unauthorized(`Authentication required: ${decision.reason}`, { 'WWW-Authenticate': `DPoP realm="${context.baseUrl}", algs="ES256 RS256 PS256"` });
    }
    let consentReason = '';
    if (context.consent) {
      const consent = await context.consent.service();
      const granted = await consent.decide(request.credentials, need.path, need.mode);
      if (granted.allow) {
        request.grant = { recordId: granted.grantId, mode: need.mode };
        continue;
      }
      consentReason = `; consent: ${consent.explain(granted)}`;
    }
    throw new Forbidden(`${request.credentials.webId} may not ${need.mode} ${need.path}: ${decision.reason}${consentReason}`);
  }
}

/** Appends a use of a consent grant to the pod's access log (a no-op when WAC allowed the request). */
export async function logGrantUse(context: LdpContext, request: LdpRequest): Promise<void> {
  if (!request.grant) return;
  await (await context.consent!.service()).logAccess(request.path, request.credentials, request.grant.mode, request.grant.recordId);
}
