import { aclPathFor, isAclPath, pathForUrl, subjectOfAcl, urlForPath } from '../ldp/paths.ts';
import { ByteLru } from '../../service-kit/byte-lru.ts';
import { ancestorPaths, type ResourceStore } from '../storage/store.ts';
import type { Credentials } from '../../service-kit/solid-oidc/credentials.ts';
import { parseAuthorizations, parseGroupMembers } from './acl-documents.ts';
import { allowedModes, decide, type AccessMode, type Agent, type Decision, type EffectiveAcl, type Authorization } from './wac.ts';

/** Memory for parsed ACLs and group documents, each: a bound, not a tuning knob. */
const CACHE_BYTES = 16 * 1024 * 1024;
/** A parsed ACL holds its IRIs as strings several times over; this is a generous factor on its source. */
const PARSED_PER_SOURCE_BYTE = 4;

/**
 * Finds the ACL that governs a resource and asks the pure WAC decision. Parsed ACL and
 * group documents are cached by path; every write or delete through the pod server calls
 * invalidate(), so a changed ACL applies to the very next request.
 */
export class AccessControl {
  readonly #store: ResourceStore;
  readonly #baseUrl: string;
  readonly #acls = new ByteLru<Authorization[] | null>(CACHE_BYTES);
  readonly #groups = new ByteLru<string | null>(CACHE_BYTES);

  constructor(options: { store: ResourceStore; baseUrl: string }) {
    this.#store = options.store;
    this.#baseUrl = options.baseUrl;
  }

  /** The modes that reading or writing `path` is about: an ACL document is governed by Control on its subject. */
  static governed(path: string, mode: AccessMode): { path: string; mode: AccessMode } {
    return isAclPath(path) ? { path: subjectOfAcl(path), mode: 'control' } : { path, mode };
  }

  async check(credentials: Credentials, origin: string | undefined, path: string, mode: AccessMode): Promise<Decision> {
    const target = AccessControl.governed(path, mode);
    const acl = await this.effectiveAcl(target.path);
    return decide(await this.#agent(credentials, origin, acl), acl, target.mode);
  }

  async modes(credentials: Credentials, origin: string | undefined, path: string): Promise<Set<AccessMode>> {
    const target = AccessControl.governed(path, 'read').path;
    const acl = await this.effectiveAcl(target);
    return allowedModes(await this.#agent(credentials, origin, acl), acl);
  }

  async effectiveAcl(path: string): Promise<EffectiveAcl | undefined> {
    for (const candidate of [path, ...ancestorPaths(path).reverse()]) {
      const aclPath = aclPathFor(candidate);
      const authorizations = await this.#authorizations(aclPath);
      if (authorizations) {
        return { aclUrl: urlForPath(this.#baseUrl, aclPath), subjectUrl: urlForPath(this.#baseUrl, candidate), inherited: candidate !== path, authorizations };
      }
    }
    return undefined;
  }

  /** Forget what we know about a path that was just written or deleted. */
  invalidate(path: string): void {
    this.#acls.delete(path);
    this.#groups.delete(path);
  }

  async #authorizations(aclPath: string): Promise<Authorization[] | null> {
    const cached = this.#acls.get(aclPath);
    if (cached !== undefined) return cached;
    const resource = await this.#store.read(aclPath);
    const parsed = resource ? parseAuthorizations(resource.body.toString('utf8'), urlForPath(this.#baseUrl, aclPath)) : null;
    this.#acls.set(aclPath, parsed, (resource?.body.length ?? 0) * PARSED_PER_SOURCE_BYTE);
    return parsed;
  }

  /** Resolves the groups the ACL names; only groups hosted on this server are consulted. */
  async #agent(credentials: Credentials, origin: string | undefined, acl: EffectiveAcl | undefined): Promise<Agent> {
    const agent: Agent = { webId: credentials.webId, origin };
    const groupUrls = new Set(acl?.authorizations.flatMap((a) => a.agentGroups) ?? []);
    if (!credentials.webId || groupUrls.size === 0) return agent;
    const memberOf = new Set<string>();
    for (const groupUrl of groupUrls) {
      if ((await this.#groupMembers(groupUrl)).has(credentials.webId)) memberOf.add(groupUrl);
    }
    return { ...agent, groups: memberOf };
  }

  async #groupMembers(groupUrl: string): Promise<Set<string>> {
    const documentUrl = groupUrl.split('#')[0];
    const path = pathForUrl(this.#baseUrl, documentUrl);
    if (!path) return new Set();
    let body = this.#groups.get(path);
    if (body === undefined) {
      const resource = await this.#store.read(path);
      body = resource ? resource.body.toString('utf8') : null;
      this.#groups.set(path, body, (body?.length ?? 0) * 2);
    }
    return body ? parseGroupMembers(body, documentUrl, groupUrl) : new Set();
  }
}
