import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sameSecret } from './accounts.ts';
import { readCookie, setCookie } from './cookies.ts';
import type { IdentityDatabase } from './database.ts';

const COOKIE = 'account';
const LIFETIME_SECONDS = 8 * 3600;

/**
 * The account pages' own login, separate from OIDC sessions: the cookie names a session row
 * (random id, HMAC-signed so junk is refused without a lookup), and logging out deletes the row,
 * so a copy of the cookie taken before the logout opens nothing afterwards.
 */
export class AccountSessions {
  readonly #key: string;
  readonly #secure: boolean;
  readonly #sql;
  #nextSweep = 0;

  constructor(options: { key: string; baseUrl: string; db: IdentityDatabase }) {
    this.#key = options.key;
    this.#secure = options.baseUrl.startsWith('https:');
    const { db } = options;
    this.#sql = {
      insert: db.prepare<[string, string, number]>('INSERT INTO sessions (id, account_id, expires_at) VALUES (?, ?, ?)'),
      find: db.prepare<[string, number], { account_id: string }>('SELECT account_id FROM sessions WHERE id = ? AND expires_at > ?'),
      remove: db.prepare<[string]>('DELETE FROM sessions WHERE id = ?'),
      sweep: db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?'),
    };
  }

  start(response: ServerResponse, accountId: string): void {
    const now = Date.now();
    if (now >= this.#nextSweep) {
      this.#sql.sweep.run(now);
      this.#nextSweep = now + 600_000;
    }
    const id = randomBytes(24).toString('base64url');
    this.#sql.insert.run(id, accountId, now + LIFETIME_SECONDS * 1000);
    setCookie(response, COOKIE, `${id}.${this.#sign(id)}`, { secure: this.#secure, path: '/.account/', maxAge: LIFETIME_SECONDS });
  }

  /** Ends this browser's session on the server, and clears its cookie. */
  end(request: IncomingMessage, response: ServerResponse): void {
    const id = this.#sessionId(request);
    if (id) this.#sql.remove.run(id);
    setCookie(response, COOKIE, '', { secure: this.#secure, path: '/.account/', maxAge: 0 });
  }

  accountId(request: IncomingMessage): string | undefined {
    const id = this.#sessionId(request);
    return id ? this.#sql.find.get(id, Date.now())?.account_id : undefined;
  }

  #sessionId(request: IncomingMessage): string | undefined {
    const [id, signature, extra] = (readCookie(request, COOKIE) ?? '').split('.');
    if (!id || !signature || extra !== undefined || !sameSecret(signature, this.#sign(id))) return undefined;
    return id;
  }

  #sign(value: string): string {
    return createHmac('sha256', `account-session:${this.#key}`).update(value).digest('base64url');
  }
}
