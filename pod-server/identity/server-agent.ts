import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { AccessControl } from '../auth/access-control.ts';
import { aclPathFor, urlForPath } from '../ldp/paths.ts';
import type { ResourceStore } from '../storage/store.ts';
import type { AccountStore } from './accounts.ts';
import { OIDC_PREFIX } from './oidc-paths.ts';

const AGENT_PATH = '/.well-known/agent';
const CLIENT_ID = 'pod-server-agent';

/**
 * The pod server as an agent of its own, for what it does on nobody's behalf: posting consent
 * receipts and withdrawal notices to requesters' inboxes on other servers, which admit only
 * authenticated agents. Its WebID names this server as issuer, and it gets DPoP-bound tokens
 * from this server's own token endpoint with client credentials, like any service would.
 */
export class ServerAgent {
  readonly webId: string;
  readonly #baseUrl: string;
  readonly #secret = randomBytes(32).toString('base64url');
  #key: Promise<{ privateKey: CryptoKey; jwk: JWK }> | undefined;
  #token: { value: string; until: number } | undefined;

  constructor(options: { baseUrl: string; accounts: AccountStore }) {
    this.#baseUrl = options.baseUrl;
    this.webId = `${urlForPath(options.baseUrl, AGENT_PATH)}#it`;
    options.accounts.registerSystemCredential({ clientId: CLIENT_ID, clientSecret: this.#secret, name: 'pod server', accountId: '', webId: this.webId, createdAt: new Date().toISOString() });
  }

  /** The agent's WebID profile (public), written once. */
  async provision(target: { store: ResourceStore; access: AccessControl }): Promise<void> {
    if (await target.store.metadata(AGENT_PATH)) return;
    const profile = `@prefix solid: <http://www.w3.org/ns/solid/terms#>. @prefix foaf: <http://xmlns.com/foaf/0.1/>.
<#it> a foaf:Agent; foaf:name "Pod server at ${this.#baseUrl}"; solid:oidcIssuer <${this.#baseUrl}>.\n`;
    const acl = `@prefix acl: <http://www.w3.org/ns/auth/acl#>. @prefix foaf: <http://xmlns.com/foaf/0.1/>.
<#public> a acl:Authorization; acl:agentClass foaf:Agent; acl:accessTo <agent>; acl:mode acl:Read.\n`;
    await target.store.write(aclPathFor(AGENT_PATH), Buffer.from(acl), 'text/turtle');
    await target.store.write(AGENT_PATH, Buffer.from(profile), 'text/turtle');
    target.access.invalidate(aclPathFor(AGENT_PATH));
    target.access.invalidate(AGENT_PATH);
  }

  /** fetch() as this agent: a DPoP-bound token and a fresh proof for each request. */
  readonly fetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const token = await this.#accessToken();
    const headers = new Headers(init.headers);
    headers.set('authorization', `DPoP ${token}`);
    headers.set('dpop', await this.#proof(init.method ?? 'GET', url, token));
    return fetch(url, { ...init, headers });
  };

  async #accessToken(): Promise<string> {
    if (this.#token && this.#token.until > Date.now()) return this.#token.value;
    const endpoint = `${this.#baseUrl}${OIDC_PREFIX.slice(1)}/token`;
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${this.#secret}`).toString('base64')}`,
        dpop: await this.#proof('POST', endpoint),
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'webid' }),
      signal: AbortSignal.timeout(5000),
    });
    const body = (await response.json()) as { access_token?: string; expires_in?: number };
    if (!response.ok || !body.access_token) throw new Error(`the server agent got no token: ${response.status}`);
    this.#token = { value: body.access_token, until: Date.now() + ((body.expires_in ?? 300) - 60) * 1000 };
    return body.access_token;
  }

  async #proof(method: string, url: string, accessToken?: string): Promise<string> {
    this.#key ??= generateKeyPair('ES256').then(async ({ privateKey, publicKey }) => ({ privateKey, jwk: { ...(await exportJWK(publicKey)), alg: 'ES256' } }));
    const { privateKey, jwk } = await this.#key;
    const claims: Record<string, string> = { htm: method.toUpperCase(), htu: url.split(/[?#]/)[0], jti: randomUUID() };
    if (accessToken) claims.ath = createHash('sha256').update(accessToken).digest('base64url');
    return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk }).setIssuedAt().sign(privateKey);
  }
}
