import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** Helpers for tests that talk to the identity provider over HTTP, as any client would. */
export interface PodAccount {
  name: string;
  email: string;
  password: string;
  webId: string;
  podUrl: string;
  issuer: string;
}

export async function createPod(baseUrl: string, name: string, password = 'correct horse battery'): Promise<PodAccount> {
  const email = `${name}@example.org`;
  const response = await fetch(new URL('/.account/pods', baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, email, password }) });
  if (response.status !== 201) throw new Error(`creating pod ${name}: ${response.status} ${await response.text()}`);
  return { name, email, password, ...((await response.json()) as { webId: string; podUrl: string; issuer: string }) };
}

export interface ClientCredentials { clientId: string; clientSecret: string; webId: string; issuer: string }

export async function createCredentials(baseUrl: string, account: PodAccount, name = 'test'): Promise<ClientCredentials> {
  const response = await fetch(new URL('/.account/credentials', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: basic(account.email, account.password) },
    body: JSON.stringify({ name }),
  });
  if (response.status !== 201) throw new Error(`creating credentials: ${response.status} ${await response.text()}`);
  return (await response.json()) as ClientCredentials;
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export interface DpopKey { privateKey: CryptoKey; jwk: JWK }

export async function newDpopKey(): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), alg: 'ES256' } };
}

/** A DPoP proof; `overrides` lets a test break exactly one thing. */
export async function dpopProof(key: DpopKey, method: string, url: string, overrides: { claims?: Record<string, unknown>; header?: Record<string, unknown> } = {}): Promise<string> {
  return new SignJWT({ htm: method, htu: url, jti: randomUUID(), ...overrides.claims })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: key.jwk, ...overrides.header })
    .setIssuedAt(typeof overrides.claims?.iat === 'number' ? overrides.claims.iat : undefined)
    .sign(key.privateKey);
}

/** Runs the client_credentials grant with a DPoP proof, exactly as a script or service would. */
export async function clientCredentialsToken(issuer: string, credentials: ClientCredentials, key: DpopKey): Promise<string> {
  const discovery = (await (await fetch(new URL('.well-known/openid-configuration', issuer))).json()) as { token_endpoint: string };
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basic(encodeURIComponent(credentials.clientId), encodeURIComponent(credentials.clientSecret)),
      dpop: await dpopProof(key, 'POST', discovery.token_endpoint),
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'webid' }),
  });
  const body = (await response.json()) as { access_token?: string; token_type?: string };
  if (!response.ok || !body.access_token) throw new Error(`token request failed: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

/** GET with a DPoP-bound token and a fresh proof for exactly this request. */
export async function dpopGet(url: string, token: string, key: DpopKey, proof?: string): Promise<Response> {
  return fetch(url, { headers: { authorization: `DPoP ${token}`, dpop: proof ?? (await dpopProof(key, 'GET', url)), accept: 'text/turtle' } });
}

/** Any request with a DPoP-bound token and a fresh proof. */
export async function dpopFetch(url: string, token: string, key: DpopKey, init: RequestInit = {}): Promise<Response> {
  const method = init.method ?? 'GET';
  const headers = new Headers(init.headers);
  headers.set('authorization', `DPoP ${token}`);
  headers.set('dpop', await dpopProof(key, method, url.split(/[?#]/)[0]));
  return fetch(url, { ...init, method, headers });
}
