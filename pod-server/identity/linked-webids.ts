import { randomBytes } from 'node:crypto';
import type { IdentityDatabase } from './database.ts';

/** How long a registration token may wait for the WebID profile to show it. */
export const CHALLENGE_SECONDS = 3600;
/** WebIDs one account may link, and challenges it may have open, at most. */
export const MAX_LINKED = 20;
export const MAX_CHALLENGES = 20;

export interface Challenge { webId: string; token: string; expiresAt: number }

/**
 * WebIDs on other origins that an account has proved it controls: a connector serves its own
 * profile, and its tokens from this issuer must carry that WebID, not the account's pod WebID.
 * Proving is two steps: a registration token is handed out (a challenge), then the profile is
 * fetched and must contain it (webid-proof.ts). Only then may credentials name that WebID.
 */
export class LinkedWebIds {
  readonly #db: IdentityDatabase;
  readonly #sql;

  constructor(db: IdentityDatabase) {
    this.#db = db;
    this.#sql = {
      linked: db.prepare<[string], { web_id: string; linked_at: string }>('SELECT web_id, linked_at FROM linked_webids WHERE account_id = ? ORDER BY linked_at, rowid'),
      isLinked: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM linked_webids WHERE account_id = ? AND web_id = ?'),
      link: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO linked_webids (account_id, web_id, linked_at) VALUES (?, ?, ?)'),
      challenge: db.prepare<[string, string, number], { token: string; expires_at: number }>('SELECT token, expires_at FROM webid_challenges WHERE account_id = ? AND web_id = ? AND expires_at > ?'),
      openChallenges: db.prepare<[string, number], { n: number }>('SELECT COUNT(*) AS n FROM webid_challenges WHERE account_id = ? AND expires_at > ?'),
      putChallenge: db.prepare<[string, string, string, number]>('INSERT OR REPLACE INTO webid_challenges (account_id, web_id, token, expires_at) VALUES (?, ?, ?, ?)'),
      dropChallenge: db.prepare<[string, string]>('DELETE FROM webid_challenges WHERE account_id = ? AND web_id = ?'),
      sweep: db.prepare<[number]>('DELETE FROM webid_challenges WHERE expires_at <= ?'),
    };
  }

  linkedTo(accountId: string): Array<{ webId: string; linkedAt: string }> {
    return this.#sql.linked.all(accountId).map((row) => ({ webId: row.web_id, linkedAt: row.linked_at }));
  }

  isLinked(accountId: string, webId: string): boolean { return this.#sql.isLinked.get(accountId, webId) !== undefined; }

  /** The open challenge for this WebID, if one has not expired. */
  openChallenge(accountId: string, webId: string, now = Date.now()): Challenge | undefined {
    const row = this.#sql.challenge.get(accountId, webId, Math.floor(now / 1000));
    return row && { webId, token: row.token, expiresAt: row.expires_at };
  }

  /** A fresh challenge, or undefined when the account already has too many open or linked. */
  newChallenge(accountId: string, webId: string, now = Date.now()): Challenge | undefined {
    const seconds = Math.floor(now / 1000);
    return this.#db.transaction(() => {
      this.#sql.sweep.run(seconds);
      if (this.#sql.openChallenges.get(accountId, seconds)!.n >= MAX_CHALLENGES) return undefined;
      if (this.#sql.linked.all(accountId).length >= MAX_LINKED) return undefined;
      const challenge = { webId, token: randomBytes(24).toString('base64url'), expiresAt: seconds + CHALLENGE_SECONDS };
      this.#sql.putChallenge.run(accountId, webId, challenge.token, challenge.expiresAt);
      return challenge;
    })();
  }

  /** The profile showed the token: the WebID is this account's from now on. */
  link(accountId: string, webId: string, now = new Date()): void {
    this.#db.transaction(() => {
      this.#sql.link.run(accountId, webId, now.toISOString());
      this.#sql.dropChallenge.run(accountId, webId);
    })();
  }
}
