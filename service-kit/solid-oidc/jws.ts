import { constants, createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';

/**
 * Synchronous signature checks for DPoP proofs with node:crypto. jose (used for access
 * tokens) goes through WebCrypto, whose per-call overhead showed up as most of the cost of
 * an authenticated request; a proof is verified on every request, so it gets this path.
 */
interface AlgSpec { kty: string; crv?: string; hash: string | null; pss?: boolean; ec?: boolean }

const ALGS: Record<string, AlgSpec> = {
  ES256: { kty: 'EC', crv: 'P-256', hash: 'sha256', ec: true },
  ES384: { kty: 'EC', crv: 'P-384', hash: 'sha384', ec: true },
  ES512: { kty: 'EC', crv: 'P-521', hash: 'sha512', ec: true },
  RS256: { kty: 'RSA', hash: 'sha256' },
  RS384: { kty: 'RSA', hash: 'sha384' },
  RS512: { kty: 'RSA', hash: 'sha512' },
  PS256: { kty: 'RSA', hash: 'sha256', pss: true },
  PS384: { kty: 'RSA', hash: 'sha384', pss: true },
  PS512: { kty: 'RSA', hash: 'sha512', pss: true },
  EdDSA: { kty: 'OKP', crv: 'Ed25519', hash: null },
};

export const SIGNING_ALGS = Object.keys(ALGS);

/** Imports a public JWK for one alg, refusing keys whose type or curve does not fit it (no key confusion). */
export function publicKeyFor(jwk: JWK, alg: string): KeyObject {
  const spec = ALGS[alg];
  if (!spec) throw new Error(`unsupported alg ${alg}`);
  if (jwk.kty !== spec.kty || (spec.crv && jwk.crv !== spec.crv)) throw new Error(`a ${String(jwk.kty)} ${String(jwk.crv ?? '')} key cannot sign ${alg}`);
  const key = createPublicKey({ key: jwk as never, format: 'jwk' });
  if (key.type !== 'public') throw new Error('not a public key');
  if (spec.kty === 'RSA' && (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new Error('RSA keys must be at least 2048 bits');
  return key;
}

/** Verifies a compact JWS signature; the caller has already chosen `alg` from an allow-list. */
export function verifyCompactSignature(jws: string, key: KeyObject, alg: string): boolean {
  const spec = ALGS[alg];
  const lastDot = jws.lastIndexOf('.');
  if (!spec || lastDot < 0) return false;
  const signature = Buffer.from(jws.slice(lastDot + 1), 'base64url');
  const data = Buffer.from(jws.slice(0, lastDot));
  const options = spec.ec ? { key, dsaEncoding: 'ieee-p1363' as const } : spec.pss ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } : key;
  try {
    return verify(spec.hash, data, options, signature);
  } catch {
    return false;
  }
}

/** RFC 7638 thumbprint (SHA-256 over the required members in lexicographic order). */
export function jwkThumbprint(jwk: JWK): string {
  const required: Record<string, string[]> = { EC: ['crv', 'kty', 'x', 'y'], RSA: ['e', 'kty', 'n'], OKP: ['crv', 'kty', 'x'] };
  const members = required[String(jwk.kty)];
  if (!members) throw new Error(`unsupported key type ${String(jwk.kty)}`);
  const canonical: Record<string, unknown> = {};
  for (const member of members) {
    if (typeof jwk[member as keyof JWK] !== 'string') throw new Error(`the key lacks ${member}`);
    canonical[member] = jwk[member as keyof JWK];
  }
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}
