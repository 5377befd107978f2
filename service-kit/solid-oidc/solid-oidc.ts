import { decodeJwt, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { authError, PROOF_ALGS } from './auth-errors.ts';
import { ANONYMOUS, type Credentials, type CredentialsExtractor, type CredentialsRequest } from './credentials.ts';
import { DpopVerifier } from './dpop.ts';
import { IssuerKeys, normalizeIssuer } from './issuer-keys.ts';
import { canonicalLoopback } from './loopback.ts';
import { MemoryReplayCache, type ReplayCache } from './replay-cache.ts';
import { WebIdIssuers } from './webid-issuers.ts';
import { ByteLru } from '../byte-lru.ts';

export interface SolidOidcOptions {
  /** This server's base URL: the realm in challenges, and which WebIDs are local. */
  baseUrl: string;
  /** Issuers whose tokens are accepted. This server's own issuer must be listed to be trusted. */
  trustedIssuers: string[];
  /** This server's own issuer and its public keys, used without any HTTP request. */
  local?: { issuer: string; jwks: JSONWebKeySet; clientRevoked?: (clientId: string) => boolean };
  replay?: ReplayCache;
  clockToleranceSeconds?: number;
  proofMaxAgeSeconds?: number;
  fetch?: typeof fetch;
}

interface AccessClaims extends JWTPayload {
  webid: string;
  client_id?: string;
  azp?: string;
  cnf: { jkt: string };
}

/** Memory for verified tokens (a token and its claims are a few KB at most). */
const TOKEN_CACHE_BYTES = 8 * 1024 * 1024;

/**
 * The credentials stage for Solid-OIDC: `Authorization: DPoP <token>` plus a `DPoP` proof.
 * Verified tokens are remembered until they expire (a tampered token is a different string),
 * so once warm a request costs one proof signature check and no I/O.
 */
export class SolidOidcVerifier implements CredentialsExtractor {
  readonly #realm: string;
  readonly #trusted: Set<string>;
  readonly #local?: SolidOidcOptions['local'];
  readonly #keys: IssuerKeys;
  readonly #webIds: WebIdIssuers;
  readonly #proofs: DpopVerifier;
  readonly #skew: number;
  readonly #tokens = new ByteLru<AccessClaims>(TOKEN_CACHE_BYTES);

  constructor(options: SolidOidcOptions) {
    this.#realm = options.baseUrl;
    this.#trusted = new Set(options.trustedIssuers.map(issuerKey));
    this.#local = options.local;
    this.#skew = options.clockToleranceSeconds ?? 5;
    this.#keys = new IssuerKeys({ local: options.local, fetch: options.fetch });
    this.#webIds = new WebIdIssuers({ baseUrl: options.baseUrl, localIssuer: options.local?.issuer, fetch: options.fetch });
    this.#proofs = new DpopVerifier({ maxAgeSeconds: options.proofMaxAgeSeconds ?? 60, clockToleranceSeconds: this.#skew, replay: options.replay ?? new MemoryReplayCache() });
  }

  async extract(request: CredentialsRequest): Promise<Credentials> {
    const authorization = single(request.headers.authorization);
    if (authorization === undefined) return ANONYMOUS;
    const [scheme, token, extra] = authorization.trim().split(/\s+/);
    // A scheme with no credential at all (`DPoP`, `Bearer`, or an empty header) claims nobody:
    // treat it as anonymous, as other Solid servers do. A token that is present must verify.
    if (token === undefined && (scheme === '' || /^(dpop|bearer)$/i.test(scheme))) return ANONYMOUS;
    if (/^bearer$/i.test(scheme)) throw this.#fail('invalid_token', 'Solid access tokens must be DPoP-bound: use Authorization: DPoP with a DPoP proof, not Bearer');
    if (!/^dpop$/i.test(scheme) || !token || extra !== undefined) throw this.#fail('invalid_request', 'Use Authorization: DPoP <access token>');
    const proof = single(request.headers.dpop);
    if (!proof) throw this.#fail('invalid_dpop_proof', 'A DPoP proof header is required with a DPoP access token');
    const claims = await this.#verifyToken(token);
    await this.#proofs.verify(proof, { method: request.method.toUpperCase(), url: request.url, accessToken: token, jkt: claims.cnf.jkt, realm: this.#realm });
    if (!(await this.#webIds.lists(claims.webid, claims.iss!))) throw this.#fail('invalid_token', `The WebID profile of ${claims.webid} does not name ${claims.iss} as its solid:oidcIssuer`);
    return { webId: claims.webid, clientId: claims.client_id ?? claims.azp, issuer: claims.iss };
  }

  async #verifyToken(token: string): Promise<AccessClaims> {
    const now = Math.floor(Date.now() / 1000);
    const cached = this.#tokens.get(token);
    if (cached) {
      if (cached.exp! + this.#skew < now) {
        this.#tokens.delete(token);
        throw this.#fail('invalid_token', 'The access token has expired');
      }
      this.#checkClient(cached);
      return cached;
    }
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw this.#fail('invalid_token', 'The access token is not a JWT');
    }
    if (typeof unverified.iss !== 'string' || !this.#trusted.has(issuerKey(unverified.iss))) {
      throw this.#fail('invalid_token', `The access token issuer ${String(unverified.iss)} is not trusted by this server`);
    }
    let payload: JWTPayload;
    try {
      const keys = await this.#keys.keys(unverified.iss);
      ({ payload } = await jwtVerify(token, keys, {
        issuer: unverified.iss,
        audience: 'solid',
        algorithms: PROOF_ALGS,
        clockTolerance: this.#skew,
        requiredClaims: ['exp', 'iat', 'webid', 'cnf'],
      }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw this.#fail('invalid_token', 'The access token has expired');
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') throw this.#fail('invalid_token', `The access token is not valid here: ${(error as Error).message}`);
      throw this.#fail('invalid_token', 'The access token signature does not verify against its issuer\'s keys');
    }
    const claims = payload as AccessClaims;
    // jose checks iat only against a maximum age; a token minted in the future is refused here.
    if (typeof claims.iat !== 'number' || claims.iat > now + this.#skew) throw this.#fail('invalid_token', 'The access token was issued in the future (iat)');
    if (typeof claims.webid !== 'string' || !/^https?:\/\//.test(claims.webid)) throw this.#fail('invalid_token', 'The access token has no webid');
    if (typeof claims.cnf?.jkt !== 'string') throw this.#fail('invalid_token', 'The access token is not DPoP-bound (cnf.jkt)');
    this.#checkClient(claims);
    this.#tokens.set(token, claims, token.length * 2);
    return claims;
  }

  /** Client credentials revoked on this server stop working at once, not when their tokens expire. */
  #checkClient(claims: AccessClaims): void {
    const clientId = claims.client_id ?? claims.azp;
    if (!this.#local?.clientRevoked || !clientId || issuerKey(claims.iss!) !== issuerKey(this.#local.issuer)) return;
    if (this.#local.clientRevoked(clientId)) throw this.#fail('invalid_token', 'The client credentials behind this token have been revoked');
  }

  #fail(error: 'invalid_token' | 'invalid_dpop_proof' | 'invalid_request', description: string) {
    return authError(this.#realm, error, description);
  }
}

function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value;
}

/** Trailing slashes and loopback aliases do not make a different issuer. */
function issuerKey(issuer: string): string {
  try {
    return normalizeIssuer(canonicalLoopback(new URL(issuer)).href);
  } catch {
    return issuer;
  }
}
