// The connector's authenticated fetch: a DPoP session logged in with client credentials.
import { Session } from '@inrupt/solid-client-authn-node';
import type { StoredCredentials } from './provision.ts';

/** Log in again when the access token has less than this left (client credentials get no refresh token). */
const RENEW_BEFORE_MS = 60_000;

/** Whether a token expiring at `expiresAt` (ms since epoch; undefined: unknown) needs renewing now. */
export function needsRenewal(expiresAt: number | undefined, now = Date.now()): boolean {
  return expiresAt === undefined || expiresAt - now < RENEW_BEFORE_MS;
}

/**
 * One Session at a time; when its token is about to expire a new one logs in and replaces it
 * (one login at a time, however many requests are waiting), and the old one is logged out.
 */
export class AgentSession {
  readonly #credentials: StoredCredentials;
  #session: Session | undefined;
  #renewing: Promise<Session> | undefined;
  #closed = false;

  constructor(credentials: StoredCredentials) { this.#credentials = credentials; }

  get webId(): string { return this.#credentials.webId; }
  get clientId(): string { return this.#credentials.clientId; }

  async login(): Promise<void> { await this.#current(); }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const session = await this.#current();
    return session.fetch(input, init);
  };

  async close(): Promise<void> {
    this.#closed = true;
    const session = this.#session;
    this.#session = undefined;
    await session?.logout().catch(() => undefined);
  }

  async #current(): Promise<Session> {
    if (this.#closed) throw new Error('the agent session is closed');
    const session = this.#session;
    if (session && !needsRenewal(session.info.expirationDate)) return session;
    this.#renewing ??= this.#login().finally(() => { this.#renewing = undefined; });
    return this.#renewing;
  }

  async #login(): Promise<Session> {
    const session = new Session();
    await session.login({ clientId: this.#credentials.clientId, clientSecret: this.#credentials.clientSecret, oidcIssuer: this.#credentials.issuer, tokenType: 'DPoP' });
    if (session.info.webId !== this.#credentials.webId) {
      await session.logout().catch(() => undefined);
      throw new Error(`the issuer gave WebID ${session.info.webId}, not ${this.#credentials.webId}: are the credentials for the linked WebID?`);
    }
    const old = this.#session;
    this.#session = session;
    await old?.logout().catch(() => undefined);
    if (this.#closed) { await session.logout().catch(() => undefined); throw new Error('the agent session is closed'); }
    return session;
  }
}
