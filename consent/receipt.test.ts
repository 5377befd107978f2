import { expect } from 'chai';
import { SignJWT, base64url } from 'jose';
import { generateReceiptKey, peekReceipt, publicJwks, receiptStatus, signReceipt, verifyReceipt, ReceiptError, RECEIPT_TYP } from './receipt.ts';
import { sampleRecord, EMPLOYER, ANNA } from './fixtures.test-support.ts';
import type { ConsentRecord } from './model.ts';

const ISSUER = 'https://pods.example/';
const STATUS = 'https://pods.example/.well-known/consent-status';
const NOW = new Date('2025-03-01T10:00:00Z');

describe('consent receipts', () => {
  let key: Awaited<ReturnType<typeof generateReceiptKey>>;
  let other: Awaited<ReturnType<typeof generateReceiptKey>>;
  let jwks: ReturnType<typeof publicJwks>;
  let jws: string;
  before(async () => {
    key = await generateReceiptKey('k1');
    other = await generateReceiptKey('k1');
    jwks = publicJwks([key.publicJwk]);
    jws = await signReceipt(sampleRecord(), { privateKey: key.privateJwk, kid: 'k1', issuer: ISSUER, statusUrl: STATUS }, NOW);
  });
  const verify = (token: string, over: Record<string, unknown> = {}) => verifyReceipt(token, jwks, { issuer: ISSUER, now: NOW, ...over });
  async function rejects(p: Promise<unknown>, code: ReceiptError['code']): Promise<ReceiptError> {
    try { await p; } catch (e) {
      expect(e).to.be.instanceOf(ReceiptError);
      expect((e as ReceiptError).code).to.equal(code);
      return e as ReceiptError;
    }
    throw new Error('expected a rejection');
  }

  it('signs ES256 with typ consent-receipt+jwt and the consent claims, and verifies', async () => {
    const header = JSON.parse(Buffer.from(jws.split('.')[0], 'base64url').toString());
    expect(header).to.deep.equal({ alg: 'ES256', kid: 'k1', typ: RECEIPT_TYP });
    const c = await verify(jws, { audience: EMPLOYER });
    const rec = sampleRecord();
    expect(c).to.deep.include({
      iss: ISSUER, sub: ANNA, aud: EMPLOYER, jti: rec.id, iat: NOW.getTime() / 1000, exp: Date.parse(rec.validUntil) / 1000,
      sections: rec.sections, resources: rec.resources, modes: ['read'], purpose: rec.purpose, legal_basis: rec.legalBasis,
      notice_sha256: rec.notice.sha256, notice_url: rec.notice.url, status: 'given', status_url: STATUS, client_id: rec.clientId,
    });
  });

  it('publishes only public key parts in the JWKS', () => {
    expect(jwks.keys[0]).to.have.keys('kty', 'crv', 'x', 'y', 'kid', 'alg', 'use');
    expect(jwks.keys[0]).not.to.have.property('d');
    expect(publicJwks([key.privateJwk]).keys[0]).not.to.have.property('d');
  });

  it('rejects alg none', async () => {
    const [, payload] = jws.split('.');
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: RECEIPT_TYP, kid: 'k1' }))}.${payload}.`;
    const e = await rejects(verify(none), 'signature');
    expect(e.message).to.match(/algorithm not allowed/);
  });

  it('rejects HS256 signed with the public key as a secret (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
    const forged = await new SignJWT(peekReceipt(jws) as Record<string, unknown>).setProtectedHeader({ alg: 'HS256', kid: 'k1', typ: RECEIPT_TYP }).sign(secret);
    const e = await verify(forged).then(() => undefined, (x: unknown) => x);
    expect(e).to.be.instanceOf(ReceiptError);
  });

  it('rejects a wrong issuer and a wrong audience', async () => {
    await rejects(verify(jws, { issuer: 'https://evil.example/' }), 'claims');
    await rejects(verify(jws, { audience: 'https://other.example/#me' }), 'claims');
  });

  it('rejects a tampered payload (sections widened) and a tampered header', async () => {
    const [h, p, s] = jws.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    claims.sections = [...claims.sections, 'contact'];
    await rejects(verify(`${h}.${base64url.encode(JSON.stringify(claims))}.${s}`), 'signature');
    const header = JSON.parse(Buffer.from(h, 'base64url').toString());
    await rejects(verify(`${base64url.encode(JSON.stringify({ ...header, typ: 'JWT' }))}.${p}.${s}`), 'signature');
  });

  it('rejects an unknown kid and a same-kid key that is not ours', async () => {
    const unknownKid = await signReceipt(sampleRecord(), { privateKey: key.privateJwk, kid: 'k9', issuer: ISSUER, statusUrl: STATUS }, NOW);
    await rejects(verify(unknownKid), 'key');
    const impostor = await signReceipt(sampleRecord(), { privateKey: other.privateJwk, kid: 'k1', issuer: ISSUER, statusUrl: STATUS }, NOW);
    await rejects(verify(impostor), 'signature');
  });

  it('rejects a JWT of another type signed with our key', async () => {
    const { importJWK } = await import('jose');
    const plain = await new SignJWT(peekReceipt(jws) as Record<string, unknown>).setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'JWT' }).sign(await importJWK(key.privateJwk, 'ES256'));
    await rejects(verify(plain), 'claims');
  });

  it('rejects an expired receipt unless asked to accept it, and garbage', async () => {
    const later = new Date('2025-06-01T00:00:00Z');
    await rejects(verify(jws, { now: later }), 'expired');
    expect((await verify(jws, { now: later, acceptExpired: true })).jti).to.equal(sampleRecord().id);
    await rejects(verify('not.a.jws'), 'format');
    await rejects(verify('abc'), 'format');
  });

  it('fetches the JWKS through the fetch it is given', async () => {
    const seen: string[] = [];
    const f = (async (url: string | URL | Request) => {
      seen.push(String(url));
      return new Response(JSON.stringify(jwks), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const c = await verifyReceipt(jws, 'https://pods.example/.well-known/consent-jwks', { issuer: ISSUER, now: NOW, fetch: f });
    expect(c.sub).to.equal(ANNA);
    expect(seen).to.deep.equal(['https://pods.example/.well-known/consent-jwks']);
  });

  it('answers status: given, withdrawn, expired, unknown record, bad receipt', async () => {
    const store = new Map<string, ConsentRecord>([[sampleRecord().id, sampleRecord()]]);
    const lookup = async (u: string) => store.get(u);
    expect(await receiptStatus(jws, jwks, { issuer: ISSUER, now: NOW }, lookup)).to.deep.equal({ valid: true, status: 'given', validUntil: sampleRecord().validUntil });
    expect(await receiptStatus(jws, jwks, { issuer: ISSUER, now: new Date('2025-06-01T00:00:00Z') }, lookup)).to.include({ valid: false, status: 'expired' });
    const withdrawn = sampleRecord();
    withdrawn.statusHistory.push({ status: 'withdrawn', at: '2025-03-02T00:00:00Z', actor: ANNA, method: 'api' });
    store.set(withdrawn.id, withdrawn);
    expect(await receiptStatus(jws, jwks, { issuer: ISSUER, now: NOW }, lookup)).to.include({ valid: false, status: 'withdrawn' });
    store.clear();
    expect(await receiptStatus(jws, jwks, { issuer: ISSUER, now: NOW }, lookup)).to.include({ valid: false, status: 'unknown' });
    expect(await receiptStatus(`${jws}x`, jwks, { issuer: ISSUER, now: NOW }, lookup)).to.include({ valid: false, status: 'unknown' });
  });
});
