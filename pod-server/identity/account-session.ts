import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sameSecret } from './accounts.ts';
import { readCookie, setCookie } from './cookies.ts';

const COOKIE = 'account';
const LIFETIME_SECONDS = 8 * 3600;

/** The account pages' own login: a signed cookie naming the account, separate from OIDC sessions. */
export class AccountSessions {
  readonly #key: string;
  readonly #secure: boolean;

  constructor(options: { key: string; baseUrl: string }) {
    this.#key = options.key;
    this.#secure = options.baseUrl.startsWith('https:');
  }

  start(response: ServerResponse, accountId: string): void {
    const expires = Math.floor(Date.now() / 1000) + LIFETIME_SECONDS;
    const value = `${accountId}.${expires}`;
    setCookie(response, COOKIE, `${value}.${this.#sign(value)}`, { secure: this.#secure, path: '/.account/', maxAge: LIFETIME_SECONDS });
  }

  end(response: ServerResponse): void {
    setCookie(response, COOKIE, '', { secure: this.#secure, path: '/.account/', maxAge: 0 });
  }

  accountId(request: IncomingMessage): string | undefined {
    const [id, expires, signature] = (readCookie(request, COOKIE) ?? '').split('.');
    if (!id || !expires || !signature) return undefined;
    if (!sameSecret(signature, this.#sign(`${id}.${expires}`)) || Number(expires) * 1000 < Date.now()) return undefined;
    return id;
  }

  #sign(value: string): string {
    return createHmac('sha256', `account-session:${this.#key}`).update(value).digest('base64url');
  }
}
