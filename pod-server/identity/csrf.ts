import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { canonicalLoopback } from '../../service-kit/solid-oidc/loopback.ts';
import { HttpError } from '../../service-kit/errors.ts';
import { sameSecret } from './accounts.ts';
import { readCookie, setCookie } from './cookies.ts';

const COOKIE = 'csrf';

/**
 * CSRF protection for the HTML forms: a random cookie (HttpOnly, SameSite=Lax) and a form
 * field holding its HMAC, checked together with the Origin header. A cross-site page can
 * neither read the cookie nor compute the field.
 */
export class Csrf {
  readonly #key: Buffer;
  readonly #origin: string;
  readonly #secure: boolean;

  constructor(options: { key: string; baseUrl: string }) {
    this.#key = Buffer.from(options.key);
    this.#origin = canonicalLoopback(new URL(options.baseUrl)).origin;
    this.#secure = options.baseUrl.startsWith('https:');
  }

  /** The token to embed in a form; sets the cookie when the browser has none yet. */
  token(request: IncomingMessage, response: ServerResponse): string {
    let secret = readCookie(request, COOKIE);
    if (!secret || secret.length < 20) {
      secret = randomBytes(24).toString('base64url');
      setCookie(response, COOKIE, secret, { secure: this.#secure, path: '/.account/' });
    }
    return this.#sign(secret);
  }

  /** Throws 403 unless the form came from our own page in this browser. */
  verify(request: IncomingMessage, field: unknown): void {
    const origin = request.headers.origin;
    if (origin !== undefined && sameOrigin(origin) !== this.#origin) throw new HttpError(403, 'invalid_form', 'Cross-origin form submission refused');
    const secret = readCookie(request, COOKIE);
    if (!secret || typeof field !== 'string' || !sameSecret(field, this.#sign(secret))) {
      throw new HttpError(403, 'invalid_form', 'The form has expired or did not come from this site; reload the page and try again');
    }
  }

  #sign(secret: string): string {
    return createHmac('sha256', this.#key).update(secret).digest('base64url');
  }
}

/** The origin with loopback names folded, or 'invalid' (never equal to ours) for "null" and junk. */
function sameOrigin(origin: string): string {
  try {
    return canonicalLoopback(new URL(origin)).origin;
  } catch {
    return 'invalid';
  }
}
