import { Parser } from 'n3';
import { ByteLru } from '../byte-lru.ts';
import { normalizeIssuer } from './issuer-keys.ts';

const OIDC_ISSUER = 'http://www.w3.org/ns/solid/terms#oidcIssuer';
const TTL_MS = 5 * 60_000;
const FAILURE_TTL_MS = 30_000;
/** Memory for the issuers of other servers' WebIDs (each entry is a few hundred bytes). */
const CACHE_BYTES = 4 * 1024 * 1024;
const ISSUERS_BYTES = 512;

/**
 * Which issuers a WebID's profile names (solid:oidcIssuer). A WebID on this server whose
 * token came from this server's own issuer needs no lookup: the issuer only mints tokens for
 * its own accounts. Any other pair is checked against the profile, fetched and cached.
 */
export class WebIdIssuers {
  readonly #baseUrl: string;
  readonly #localIssuer?: string;
  readonly #fetch: typeof fetch;
  readonly #cache = new ByteLru<{ issuers: Promise<Set<string>>; expires: number }>(CACHE_BYTES);

  constructor(options: { baseUrl: string; localIssuer?: string; fetch?: typeof fetch }) {
    this.#baseUrl = options.baseUrl;
    this.#localIssuer = options.localIssuer && normalizeIssuer(options.localIssuer);
    this.#fetch = options.fetch ?? fetch;
  }

  async lists(webId: string, issuer: string): Promise<boolean> {
    const wanted = normalizeIssuer(issuer);
    if (wanted === this.#localIssuer && isUnder(this.#baseUrl, webId)) return true;
    return (await this.#issuersOf(webId)).has(wanted);
  }

  #issuersOf(webId: string): Promise<Set<string>> {
    const now = Date.now();
    const cached = this.#cache.get(webId);
    if (cached && cached.expires > now) return cached.issuers;
    const entry = { issuers: Promise.resolve(new Set<string>()), expires: now + TTL_MS };
    // A profile that cannot be fetched counts as naming no issuer, and is asked again soon.
    entry.issuers = this.#load(webId).catch(() => {
      entry.expires = Date.now() + FAILURE_TTL_MS;
      return new Set<string>();
    });
    this.#cache.set(webId, entry, ISSUERS_BYTES);
    return entry.issuers;
  }

  async #load(webId: string): Promise<Set<string>> {
    const documentUrl = webId.split('#')[0];
    const response = await this.#fetch(documentUrl, { headers: { accept: 'text/turtle' }, signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`${documentUrl} answered ${response.status}`);
    const text = await response.text();
    const quads = new Parser({ baseIRI: documentUrl }).parse(text);
    return new Set(quads.filter((q) => q.subject.value === webId && q.predicate.value === OIDC_ISSUER).map((q) => normalizeIssuer(q.object.value)));
  }
}

/** Whether url is baseUrl itself or a resource below it. */
function isUnder(baseUrl: string, url: string): boolean {
  const base = baseUrl.replace(/\/$/, '');
  return url === base || url.startsWith(`${base}/`);
}
