import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { normalizeEmail, sameSecret } from './accounts.ts';
import { readCookie, setCookie } from './cookies.ts';

const COOKIE = 'device';
const LIFETIME_SECONDS = 180 * 24 * 3600;

/** A browser (or script) that has logged in to one account before. */
export interface KnownDevice {
  id: string;
  /** The account (normalised email) this device logged in to. */
  email: string;
}

/**
 * Device cookies: set after a successful login, signed, naming the device and (as an HMAC, not
 * in clear) the account. Guesses from a known device for its own account are counted against
 * that device, not the account, so a stranger's wrong passwords cannot lock its owner out.
 */
export class DeviceCookies {
  readonly #key: string;
  readonly #secure: boolean;

  constructor(options: { key: string; baseUrl: string }) {
    this.#key = options.key;
    this.#secure = options.baseUrl.startsWith('https:');
  }

  /** The device, when the request carries a valid cookie for the account `email`. */
  recognise(request: IncomingMessage, email: string): KnownDevice | undefined {
    const [id, account, signature, extra] = (readCookie(request, COOKIE) ?? '').split('.');
    if (!id || !account || !signature || extra !== undefined) return undefined;
    if (!sameSecret(signature, this.#mac(`${id}.${account}`))) return undefined;
    const normalized = normalizeEmail(email);
    if (!sameSecret(account, this.#mac(`account:${normalized}`))) return undefined;
    return { id, email: normalized };
  }

  /** After a successful login: this device is known for this account (a cookie for another account is replaced). */
  remember(request: IncomingMessage, response: ServerResponse, email: string): void {
    const id = this.recognise(request, email)?.id ?? randomBytes(16).toString('base64url');
    const value = `${id}.${this.#mac(`account:${normalizeEmail(email)}`)}`;
    setCookie(response, COOKIE, `${value}.${this.#mac(value)}`, { secure: this.#secure, path: '/.account/', maxAge: LIFETIME_SECONDS });
  }

  #mac(value: string): string {
    return createHmac('sha256', `device:${this.#key}`).update(value).digest('base64url');
  }
}
