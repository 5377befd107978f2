import { createHash, type KeyObject } from 'node:crypto';
import { decodeProtectedHeader, type JWK } from 'jose';
import { jwkThumbprint, publicKeyFor, verifyCompactSignature } from './jws.ts';
import { authError, PROOF_ALGS } from './auth-errors.ts';
import { canonicalLoopback } from './loopback.ts';
import type { ReplayCache } from './replay-cache.ts';
import { ByteLru } from '../byte-lru.ts';

export interface ProofExpectations {
  method: string;
  /** The request URL; compared without query and fragment. */
  url: string;
  accessToken: string;
  /** The thumbprint the access token is bound to (cnf.jkt). */
  jkt: string;
  realm: string;
}

export interface ProofPolicy {
  /** How old a proof may be, in seconds. */
  maxAgeSeconds: number;
  clockToleranceSeconds: number;
  replay: ReplayCache;
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];
/** Memory for imported proof keys (an imported public key costs about a kilobyte). */
const KEY_CACHE_BYTES = 4 * 1024 * 1024;
const KEY_BYTES = 1024;

/** Verifies a DPoP proof (RFC 9449 section 4.3) for one request; throws a 401 naming the reason. */
export class DpopVerifier {
  readonly #policy: ProofPolicy;
  /** Imported public keys by thumbprint: importing costs more than verifying. */
  readonly #keys = new ByteLru<KeyObject>(KEY_CACHE_BYTES);

  constructor(policy: ProofPolicy) { this.#policy = policy; }

  async verify(proof: string, expected: ProofExpectations): Promise<void> {
    const fail = (description: string) => authError(expected.realm, 'invalid_dpop_proof', description);
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(proof);
    } catch {
      throw fail('The DPoP proof is not a JWT');
    }
    if (proof.split('.').length !== 3) throw fail('The DPoP proof must be a signed compact JWT');
    if (header.crit !== undefined || header.b64 !== undefined) throw fail('The DPoP proof uses JWS extensions this server does not accept');
    if (header.typ !== 'dpop+jwt') throw fail('The DPoP proof must have typ dpop+jwt');
    if (typeof header.alg !== 'string' || !PROOF_ALGS.includes(header.alg)) throw fail(`The DPoP proof algorithm ${String(header.alg)} is not accepted`);
    const jwk = header.jwk as JWK | undefined;
    if (!jwk || typeof jwk !== 'object') throw fail('The DPoP proof must carry its public key (jwk)');
    if (PRIVATE_MEMBERS.some((member) => member in jwk)) throw fail('The DPoP proof key must be a public key');
    let thumbprint: string;
    let key: KeyObject;
    try {
      thumbprint = jwkThumbprint(jwk);
      key = this.#key(thumbprint, jwk, header.alg);
    } catch (error) {
      throw fail(`The DPoP proof key is not usable: ${(error as Error).message}`);
    }
    if (thumbprint !== expected.jkt) throw fail('The DPoP proof key is not the key the access token is bound to (cnf.jkt)');
    if (!verifyCompactSignature(proof, key, header.alg)) throw fail('The DPoP proof signature does not verify');
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(Buffer.from(proof.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      throw fail('The DPoP proof payload is not JSON');
    }
    if (typeof payload !== 'object' || payload === null) throw fail('The DPoP proof payload is not a JSON object');
    if (payload.htm !== expected.method) throw fail(`The DPoP proof is for method ${String(payload.htm)}, not ${expected.method}`);
    if (typeof payload.htu !== 'string' || !sameTarget(payload.htu, expected.url)) throw fail('The DPoP proof is for another URL (htu)');
    const now = Math.floor(Date.now() / 1000);
    const { maxAgeSeconds, clockToleranceSeconds } = this.#policy;
    if (typeof payload.iat !== 'number') throw fail('The DPoP proof has no iat');
    if (payload.iat > now + clockToleranceSeconds) throw fail('The DPoP proof was issued in the future');
    if (payload.iat < now - maxAgeSeconds - clockToleranceSeconds) throw fail('The DPoP proof is too old');
    if (typeof payload.jti !== 'string' || payload.jti.length === 0 || payload.jti.length > 256) throw fail('The DPoP proof has no usable jti');
    if (payload.ath !== undefined && payload.ath !== accessTokenHash(expected.accessToken)) throw fail('The DPoP proof is for another access token (ath)');
    const expiresAt = (payload.iat + maxAgeSeconds + clockToleranceSeconds) * 1000;
    if (await this.#policy.replay.seen(`${thumbprint}:${payload.jti}`, expiresAt)) throw fail('The DPoP proof has been used before');
  }

  #key(thumbprint: string, jwk: JWK, alg: string): KeyObject {
    const cacheKey = `${thumbprint}:${alg}`;
    let key = this.#keys.get(cacheKey);
    if (!key) {
      key = publicKeyFor(jwk, alg);
      this.#keys.set(cacheKey, key, KEY_BYTES);
    }
    return key;
  }
}

export function accessTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Same scheme, host (loopback names are one host), port and decoded path; query and fragment ignored. */
export function sameTarget(htu: string, requestUrl: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = canonicalLoopback(new URL(htu));
    b = canonicalLoopback(new URL(requestUrl));
  } catch {
    return false;
  }
  return a.origin === b.origin && decodePath(a.pathname) === decodePath(b.pathname);
}

function decodePath(path: string): string {
  try {
    return path.split('/').map((segment) => decodeURIComponent(segment)).join('/');
  } catch {
    return path;
  }
}
