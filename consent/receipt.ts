// Signed consent receipts: a compact JWS (ES256, typ consent-receipt+jwt) the pod server sends to the requester.
// Anyone holding it can verify it against the server's JWKS and ask the status endpoint whether it still holds.
import {
  SignJWT, jwtVerify, importJWK, createLocalJWKSet, createRemoteJWKSet, customFetch, generateKeyPair, exportJWK,
  errors, type JWK, type JSONWebKeySet, type CryptoKey, type KeyObject, type JWTVerifyGetKey, type JWTPayload,
} from 'jose';
import { currentStatus, type ConsentRecord, type ConsentStatus, type GrantMode, type Section } from './model.ts';

export const RECEIPT_TYP = 'consent-receipt+jwt';
export const RECEIPT_ALG = 'ES256';

export interface ReceiptClaims {
  iss: string;
  /** The data subject (citizen's WebID). */
  sub: string;
  /** The requester's WebID. */
  aud: string;
  /** The consent record's URL. */
  jti: string;
  iat: number;
  /** validUntil, in seconds. */
  exp: number;
  valid_from: string;
  valid_until: string;
  client_id?: string;
  /** URL of the access request this consent answers. */
  request?: string;
  sections: Section[];
  resources: string[];
  modes: GrantMode[];
  purpose: string;
  legal_basis: string;
  notice_url: string;
  notice_sha256: string;
  /** Status when signed. */
  status: ConsentStatus;
  /** Where anyone holding this receipt can POST it to learn the current status. */
  status_url: string;
}

export interface SigningKey {
  /** Private key: a CryptoKey/KeyObject or a private JWK. */
  privateKey: CryptoKey | KeyObject | JWK;
  kid: string;
  /** The pod server's base URL, e.g. https://pods.example/ */
  issuer: string;
  /** e.g. https://pods.example/.well-known/consent-status */
  statusUrl: string;
}

export class ReceiptError extends Error {
  override readonly name = 'ReceiptError';
  constructor(message: string, readonly code: 'signature' | 'claims' | 'expired' | 'key' | 'format') { super(message); }
}

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

export async function signReceipt(record: ConsentRecord, key: SigningKey, now = new Date()): Promise<string> {
  const k = isJwk(key.privateKey) ? await importJWK(key.privateKey, RECEIPT_ALG) : key.privateKey;
  const claims: Omit<ReceiptClaims, 'iss' | 'sub' | 'aud' | 'jti' | 'iat' | 'exp'> = {
    valid_from: record.validFrom,
    valid_until: record.validUntil,
    sections: record.sections,
    resources: record.resources,
    modes: record.modes,
    purpose: record.purpose,
    legal_basis: record.legalBasis,
    notice_url: record.notice.url,
    notice_sha256: record.notice.sha256,
    status: currentStatus(record),
    status_url: key.statusUrl,
    ...(record.clientId ? { client_id: record.clientId } : {}),
    ...(record.request ? { request: record.request } : {}),
  };
  return new SignJWT(claims as unknown as JWTPayload)
    .setProtectedHeader({ alg: RECEIPT_ALG, kid: key.kid, typ: RECEIPT_TYP })
    .setIssuer(key.issuer)
    .setSubject(record.dataSubject)
    .setAudience(record.requester)
    .setJti(record.id)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(seconds(record.validUntil))
    .sign(k);
}

export type KeySource = JSONWebKeySet | string | URL | JWTVerifyGetKey;

export interface VerifyOptions {
  issuer: string;
  /** Expected requester WebID (aud), when the verifier is the requester. */
  audience?: string;
  now?: Date;
  /** Verify the signature of a receipt whose consent has expired and return its claims anyway. */
  acceptExpired?: boolean;
  /** fetch used for a JWKS URL (default: global fetch). */
  fetch?: typeof fetch;
}

const remoteSets = new Map<string, JWTVerifyGetKey>();
function keyResolver(keys: KeySource, f?: typeof fetch): JWTVerifyGetKey {
  if (typeof keys === 'function') return keys;
  if (typeof keys === 'string' || keys instanceof URL) {
    const url = String(keys);
    const cacheKey = f ? '' : url;
    let set = cacheKey ? remoteSets.get(cacheKey) : undefined;
    if (!set) {
      set = createRemoteJWKSet(new URL(url), f ? { [customFetch]: (u: string, o: RequestInit) => f(u, o) } : {});
      if (cacheKey) remoteSets.set(cacheKey, set);
    }
    return set;
  }
  return createLocalJWKSet(keys);
}

/** Verifies signature (ES256 only), typ, issuer, audience and expiry; returns the claims. Throws ReceiptError. */
export async function verifyReceipt(jws: string, keys: KeySource, opts: VerifyOptions): Promise<ReceiptClaims> {
  if (typeof jws !== 'string' || jws.split('.').length !== 3) throw new ReceiptError('not a compact JWS', 'format');
  try {
    const { payload } = await jwtVerify(jws, keyResolver(keys, opts.fetch), {
      algorithms: [RECEIPT_ALG], typ: RECEIPT_TYP, issuer: opts.issuer,
      ...(opts.audience ? { audience: opts.audience } : {}),
      currentDate: opts.now, requiredClaims: ['iss', 'sub', 'aud', 'jti', 'iat', 'exp'],
    });
    return checkShape(payload);
  } catch (e) {
    if (e instanceof ReceiptError) throw e;
    if (e instanceof errors.JWTExpired) {
      // Claims are checked in order (iss, aud, …, exp): an expired receipt has passed the others already.
      if (opts.acceptExpired) return checkShape(e.payload);
      throw new ReceiptError('the receipt has expired', 'expired');
    }
    if (e instanceof errors.JWTClaimValidationFailed) throw new ReceiptError(`receipt claim rejected: ${e.claim} (${e.reason})`, 'claims');
    if (e instanceof errors.JWKSNoMatchingKey || e instanceof errors.JWKSMultipleMatchingKeys || e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid) {
      throw new ReceiptError(`no usable signing key: ${(e as Error).message}`, 'key');
    }
    if (e instanceof errors.JOSEAlgNotAllowed) throw new ReceiptError(`algorithm not allowed: ${(e as Error).message}`, 'signature');
    if (e instanceof errors.JWSSignatureVerificationFailed) throw new ReceiptError('signature verification failed', 'signature');
    throw new ReceiptError(`invalid receipt: ${(e as Error).message}`, 'format');
  }
}

function checkShape(p: JWTPayload): ReceiptClaims {
  const ok = typeof p.iss === 'string' && typeof p.sub === 'string' && typeof p.aud === 'string' && typeof p.jti === 'string'
    && Array.isArray(p.sections) && Array.isArray(p.resources) && Array.isArray(p.modes)
    && typeof p.purpose === 'string' && typeof p.legal_basis === 'string' && typeof p.notice_sha256 === 'string'
    && typeof p.status_url === 'string' && typeof p.valid_until === 'string' && typeof p.status === 'string';
  if (!ok) throw new ReceiptError('the receipt lacks required consent claims', 'claims');
  return p as unknown as ReceiptClaims;
}

/** Reads the claims without verifying (for display only; never for a decision). */
export function peekReceipt(jws: string): Partial<ReceiptClaims> {
  const part = jws.split('.')[1];
  if (!part) throw new ReceiptError('not a compact JWS', 'format');
  try { return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')); } catch { throw new ReceiptError('unreadable payload', 'format'); }
}

/** A fresh ES256 signing key for the pod server: keep `privateJwk` secret, publish `publicJwk` in the JWKS. */
export async function generateReceiptKey(kid: string): Promise<{ kid: string; privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(RECEIPT_ALG, { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: RECEIPT_ALG, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: RECEIPT_ALG, use: 'sig' };
  return { kid, privateJwk, publicJwk };
}

/** The JWKS document for `{serverBase}.well-known/consent-jwks` (public parts only, whatever is passed in). */
export function publicJwks(keys: JWK[]): JSONWebKeySet {
  return {
    keys: keys.map(({ kty, crv, x, y, kid, alg, use }) => ({ kty, crv, x, y, kid, alg: alg ?? RECEIPT_ALG, use: use ?? 'sig' }) as JWK),
  };
}

function isJwk(k: unknown): k is JWK {
  return typeof k === 'object' && k !== null && 'kty' in k && !('type' in k && 'algorithm' in k);
}

export interface ReceiptStatus { valid: boolean; status: ConsentStatus | 'unknown'; validUntil?: string; reason?: string }

/**
 * What the status endpoint answers: verifies the receipt (expired ones included), looks the record up,
 * and reports its current status. `lookup` returns the record for a record URL (jti), or undefined.
 */
export async function receiptStatus(
  jws: string, keys: KeySource, opts: { issuer: string; now?: Date },
  lookup: (recordUrl: string) => Promise<ConsentRecord | undefined>,
): Promise<ReceiptStatus> {
  const now = opts.now ?? new Date();
  let claims: ReceiptClaims;
  try { claims = await verifyReceipt(jws, keys, { issuer: opts.issuer, now, acceptExpired: true }); } catch (e) {
    return { valid: false, status: 'unknown', reason: (e as Error).message };
  }
  const record = await lookup(claims.jti);
  if (!record || record.dataSubject !== claims.sub || record.requester !== claims.aud) return { valid: false, status: 'unknown', reason: 'no such consent record' };
  const s = currentStatus(record);
  const status: ConsentStatus = s === 'given' && now.getTime() >= Date.parse(record.validUntil) ? 'expired' : s;
  return { valid: status === 'given' && now.getTime() >= Date.parse(record.validFrom), status, validUntil: record.validUntil };
}
