import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeJwt, importJWK, SignJWT, type JWK } from 'jose';
import { accessTokenHash } from '../../service-kit/solid-oidc/dpop.ts';
import { clientCredentialsToken, createCredentials, createPod, dpopGet, dpopProof, newDpopKey, type DpopKey, type PodAccount } from '../../test-support/identity.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

/** Each test tries to get past the credentials stage with something broken, and must get 401 naming why. */
describe('Solid-OIDC verification of every request', () => {
  let pod: TestServer;
  let other: TestServer;
  let alice: PodAccount;
  let key: DpopKey;
  let token: string;
  let serverKey: JWK;

  before(async () => {
    pod = await startTestServer({ storage: 'file', config: { identity: true } });
    other = await startTestServer({ config: { identity: true } });
    alice = await createPod(pod.baseUrl, 'alice');
    key = await newDpopKey();
    token = await clientCredentialsToken(alice.issuer, await createCredentials(pod.baseUrl, alice), key);
    const stored = JSON.parse(await readFile(join(pod.dataDir, 'identity$', 'keys.json'), 'utf8')) as { signing: JWK[] };
    serverKey = stored.signing.find((k) => k.alg === 'ES256')!;
  });
  after(async () => {
    await pod.stop();
    await other.stop();
  });

  /** A token signed with the server's real key, so only the claim under test is wrong. */
  async function forged(changes: Record<string, unknown>): Promise<string> {
    const claims = { ...decodeJwt(token), ...changes };
    return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: serverKey.kid }).sign(await importJWK(serverKey, 'ES256'));
  }

  async function expectRefused(response: Response, reason: RegExp, error = /invalid_(token|dpop_proof|request)/): Promise<void> {
    expect(response.status).to.equal(401);
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).to.match(/^DPoP /);
    expect(challenge).to.match(error);
    expect(challenge).to.match(reason);
  }

  it('accepts a DPoP-bound token with a fresh proof, and the owner reads the private pod', async () => {
    expect((await fetch(alice.podUrl)).status).to.equal(401);
    const response = await dpopGet(alice.podUrl, token, key);
    expect(response.status).to.equal(200);
    expect(response.headers.get('wac-allow')).to.match(/user="[^"]*read/);
  });

  it('refuses the same token presented as Bearer', async () => {
    await expectRefused(await fetch(alice.podUrl, { headers: { authorization: `Bearer ${token}` } }), /DPoP-bound/, /invalid_token/);
  });

  it('refuses a DPoP token without a proof', async () => {
    await expectRefused(await fetch(alice.podUrl, { headers: { authorization: `DPoP ${token}` } }), /proof header is required/, /invalid_dpop_proof/);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const [, payload] = token.split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${payload}.`;
    await expectRefused(await dpopGet(alice.podUrl, unsigned, key), /signature does not verify/, /invalid_token/);
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = [header, Buffer.from(JSON.stringify({ ...claims, webid: 'http://localhost/mallory#me' })).toString('base64url'), signature].join('.');
    await expectRefused(await dpopGet(alice.podUrl, tampered, key), /signature does not verify/, /invalid_token/);
  });

  it('refuses an expired token signed with the right key', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(await dpopGet(alice.podUrl, await forged({ iat: now - 7200, exp: now - 3600 }), key), /expired/, /invalid_token/);
  });

  it('refuses a token issued in the future beyond the clock skew, and accepts one within it', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(await dpopGet(alice.podUrl, await forged({ iat: now + 120, exp: now + 3600 }), key), /issued in the future/, /invalid_token/);
    expect((await dpopGet(alice.podUrl, await forged({ iat: now + 2, exp: now + 3600 }), key)).status).to.equal(200);
  });

  it('treats a scheme without a credential as anonymous; a token that is there must still verify', async () => {
    for (const authorization of ['DPoP', 'DPoP ', 'Bearer', 'bearer  ', ' ']) {
      const response = await fetch(`${alice.podUrl}profile/card`, { headers: { authorization } });
      expect(response.status, JSON.stringify(authorization)).to.equal(200);
    }
    expect((await fetch(alice.podUrl, { headers: { authorization: 'DPoP' } })).status, 'a private resource still wants a login').to.equal(401);
    await expectRefused(await fetch(`${alice.podUrl}profile/card`, { headers: { authorization: 'DPoP not-a-token', dpop: 'x' } }), /not a JWT|proof/);
    await expectRefused(await fetch(`${alice.podUrl}profile/card`, { headers: { authorization: 'Bearer not-a-token' } }), /DPoP-bound/);
  });

  it('refuses a token for another audience, and one that is not DPoP-bound', async () => {
    await expectRefused(await dpopGet(alice.podUrl, await forged({ aud: 'https://elsewhere.example' }), key), /not valid here/);
    await expectRefused(await dpopGet(alice.podUrl, await forged({ cnf: undefined }), key), /cnf/);
  });

  it('refuses a token from an issuer this server does not trust', async () => {
    const mallory = await createPod(other.baseUrl, 'mallory');
    const foreign = await clientCredentialsToken(mallory.issuer, await createCredentials(other.baseUrl, mallory), key);
    await expectRefused(await dpopGet(alice.podUrl, foreign, key), /issuer .* is not trusted/, /invalid_token/);
  });

  it('refuses a replayed proof', async () => {
    const proof = await dpopProof(key, 'GET', alice.podUrl);
    expect((await dpopGet(alice.podUrl, token, key, proof)).status).to.equal(200);
    await expectRefused(await dpopGet(alice.podUrl, token, key, proof), /used before/, /invalid_dpop_proof/);
  });

  it('refuses a proof made for another URL or another method', async () => {
    await expectRefused(await dpopGet(alice.podUrl, token, key, await dpopProof(key, 'GET', `${alice.podUrl}inbox/`)), /another URL/);
    await expectRefused(await dpopGet(alice.podUrl, token, key, await dpopProof(key, 'DELETE', alice.podUrl)), /method DELETE/);
  });

  it('refuses unsigned proofs and proofs whose alg does not fit their key', async () => {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = { htm: 'GET', htu: alice.podUrl, jti: crypto.randomUUID(), iat: Math.floor(Date.now() / 1000) };
    const unsigned = `${part({ alg: 'none', typ: 'dpop+jwt', jwk: key.jwk })}.${part(claims)}.`;
    await expectRefused(await dpopGet(alice.podUrl, token, key, unsigned), /algorithm none is not accepted/, /invalid_dpop_proof/);
    const real = (await dpopProof(key, 'GET', alice.podUrl)).split('.');
    const relabelled = [part({ alg: 'RS256', typ: 'dpop+jwt', jwk: key.jwk }), real[1], real[2]].join('.');
    await expectRefused(await dpopGet(alice.podUrl, token, key, relabelled), /cannot sign RS256/, /invalid_dpop_proof/);
    const hmac = [part({ alg: 'HS256', typ: 'dpop+jwt', jwk: key.jwk }), real[1], real[2]].join('.');
    await expectRefused(await dpopGet(alice.podUrl, token, key, hmac), /HS256 is not accepted/, /invalid_dpop_proof/);
    const forgedSignature = [real[0], part({ ...claims, jti: 'other' }), real[2]].join('.');
    await expectRefused(await dpopGet(alice.podUrl, token, key, forgedSignature), /signature does not verify/, /invalid_dpop_proof/);
  });

  it('refuses a proof signed by a key other than the one the token is bound to', async () => {
    const thief = await newDpopKey();
    await expectRefused(await dpopGet(alice.podUrl, token, thief), /cnf\.jkt/, /invalid_dpop_proof/);
  });

  it('refuses proofs with the wrong type, a stale or future iat, or a wrong ath', async () => {
    const now = Math.floor(Date.now() / 1000);
    const url = alice.podUrl;
    await expectRefused(await dpopGet(url, token, key, await dpopProof(key, 'GET', url, { header: { typ: 'JWT' } })), /typ dpop\+jwt/);
    await expectRefused(await dpopGet(url, token, key, await dpopProof(key, 'GET', url, { claims: { iat: now - 600 } })), /too old/);
    await expectRefused(await dpopGet(url, token, key, await dpopProof(key, 'GET', url, { claims: { iat: now + 600 } })), /future/);
    await expectRefused(await dpopGet(url, token, key, await dpopProof(key, 'GET', url, { claims: { ath: accessTokenHash('another token') } })), /ath/);
    expect((await dpopGet(url, token, key, await dpopProof(key, 'GET', url, { claims: { ath: accessTokenHash(token) } }))).status).to.equal(200);
  });

  it('ignores the query in htu, and treats localhost and 127.0.0.1 as the same host', async () => {
    const withQuery = `${alice.podUrl}?x=1`;
    expect((await dpopGet(withQuery, token, key, await dpopProof(key, 'GET', alice.podUrl))).status).to.equal(200);
    const viaIp = alice.podUrl.replace('localhost', '127.0.0.1');
    expect((await dpopGet(viaIp, token, key)).status).to.equal(200);
    await expectRefused(await dpopGet(viaIp, token, key, await dpopProof(key, 'GET', viaIp.replace('127.0.0.1', '127.0.0.2'))), /another URL/);
  });

  it('stops accepting tokens of revoked client credentials at once, and issues no new ones', async () => {
    const credentials = await createCredentials(pod.baseUrl, alice, 'short-lived');
    const revocable = await clientCredentialsToken(alice.issuer, credentials, key);
    expect((await dpopGet(alice.podUrl, revocable, key)).status).to.equal(200);
    const auth = `Basic ${Buffer.from(`${alice.email}:${alice.password}`).toString('base64')}`;
    const removed = await fetch(`${pod.baseUrl}.account/credentials/${encodeURIComponent(credentials.clientId)}`, { method: 'DELETE', headers: { authorization: auth } });
    expect(removed.status).to.equal(204);
    await expectRefused(await dpopGet(alice.podUrl, revocable, key), /revoked/);
    let error: unknown;
    await clientCredentialsToken(alice.issuer, credentials, key).catch((e) => { error = e; });
    expect(String(error)).to.match(/invalid_client/);
  });

  it('keeps accepting tokens issued before a restart (keys persist in DATA_DIR), but not a proof used before it', async () => {
    const { port } = new URL(pod.baseUrl);
    const used = await dpopProof(key, 'GET', alice.podUrl);
    expect((await dpopGet(alice.podUrl, token, key, used)).status).to.equal(200);
    await pod.server.close();
    const restarted = await startTestServer({ storage: 'file', dataDir: pod.dataDir, config: { identity: true, port: Number(port), baseUrl: pod.baseUrl } });
    try {
      await expectRefused(await dpopGet(alice.podUrl, token, key, used), /used before/, /invalid_dpop_proof/);
      expect((await dpopGet(alice.podUrl, token, key)).status).to.equal(200);
      expect((await createCredentials(pod.baseUrl, alice, 'after restart')).webId).to.equal(alice.webId);
    } finally {
      await restarted.server.close();
    }
  });
});
