import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

/** Issuers compare equal regardless of a trailing slash. */
export function normalizeIssuer(issuer: string): string {
  return issuer.replace(/\/+$/, '');
}

/**
 * The key set of each trusted issuer. This server's own keys are used in place; another
 * issuer's JWKS is found through its discovery document once, then jose caches the keys and
 * refetches only when a token names a kid it has not seen (with a cooldown).
 */
export class IssuerKeys {
  readonly #sets = new Map<string, Promise<JWTVerifyGetKey>>();
  readonly #fetch: typeof fetch;

  constructor(options: { local?: { issuer: string; jwks: JSONWebKeySet }; fetch?: typeof fetch }) {
    this.#fetch = options.fetch ?? fetch;
    if (options.local) this.#sets.set(normalizeIssuer(options.local.issuer), Promise.resolve(createLocalJWKSet(options.local.jwks)));
  }

  /** The key resolver for a trusted issuer; a failed discovery is retried on the next request. */
  keys(issuer: string): Promise<JWTVerifyGetKey> {
    const id = normalizeIssuer(issuer);
    let set = this.#sets.get(id);
    if (!set) {
      set = this.#discover(issuer);
      this.#sets.set(id, set);
      set.catch(() => this.#sets.delete(id));
    }
    return set;
  }

  async #discover(issuer: string): Promise<JWTVerifyGetKey> {
    const response = await this.#fetch(`${normalizeIssuer(issuer)}/.well-known/openid-configuration`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`discovery of ${issuer} answered ${response.status}`);
    const metadata = (await response.json()) as { issuer?: string; jwks_uri?: string };
    if (!metadata.issuer || normalizeIssuer(metadata.issuer) !== normalizeIssuer(issuer) || !metadata.jwks_uri) throw new Error(`discovery of ${issuer} does not describe that issuer`);
    return createRemoteJWKSet(new URL(metadata.jwks_uri), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000, timeoutDuration: 5000 });
  }
}
