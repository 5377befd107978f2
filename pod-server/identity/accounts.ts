import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IdentityDatabase } from './database.ts';
import type { Passwords } from './password.ts';

export interface Account {
  id: string;
  email: string;
  passwordHash: string;
  podName: string;
  webId: string;
  podUrl: string;
  createdAt: string;
}

/** A client_credentials client belonging to an account: scripts and services log in with it. */
export interface ClientCredential {
  clientId: string;
  /** Kept as issued: the token endpoint must compare it (see identity/README.md). */
  clientSecret: string;
  name: string;
  accountId: string;
  webId: string;
  createdAt: string;
}

export class DuplicateAccount extends Error {
  constructor(readonly field: 'email' | 'name') { super(`An account with this ${field} already exists`); }
}

/** Longest email looked up at all: longer ones cannot belong to an account (sign-up allows 254). */
const MAX_EMAIL = 320;

interface AccountRow { id: string; email: string | null; pod_name: string; password_hash: string; web_id: string; pod_url: string; created_at: string; state: string }
interface CredentialRow { client_id: string; client_secret: string; name: string; account_id: string; web_id: string; created_at: string }

/**
 * Accounts and their client credentials, in the identity database. Only active accounts are
 * visible; a sign-up first reserves its name (state 'provisioning'), then writes the pod, then
 * activates, so a sign-up that fails half-way leaves a reservation a retry can complete.
 */
export class AccountStore {
  readonly #db: IdentityDatabase;
  readonly #passwords: Passwords;
  /** Checked on every authenticated request, so kept in memory as well. */
  readonly #revoked: Set<string>;
  /** Pod names whose sign-up is running in this process right now. */
  readonly #inFlight = new Set<string>();
  /** The server's own clients (its agent): in memory only, with a fresh secret each start. */
  readonly #system = new Map<string, ClientCredential>();
  readonly #sql;

  constructor(db: IdentityDatabase, passwords: Passwords) {
    this.#db = db;
    this.#passwords = passwords;
    this.#sql = {
      byId: db.prepare<[string], AccountRow>(`SELECT * FROM accounts WHERE id = ? AND state = 'active'`),
      byEmail: db.prepare<[string], AccountRow>(`SELECT * FROM accounts WHERE email = ?`),
      byName: db.prepare<[string], AccountRow>(`SELECT * FROM accounts WHERE pod_name = ?`),
      insert: db.prepare(`INSERT INTO accounts (id, email, pod_name, password_hash, web_id, pod_url, created_at, state) VALUES (@id, @email, @podName, @passwordHash, @webId, @podUrl, @createdAt, 'provisioning')`),
      takeOver: db.prepare(`UPDATE accounts SET email = @email, password_hash = @passwordHash, created_at = @createdAt WHERE id = @id AND state = 'provisioning'`),
      releaseEmail: db.prepare<[string]>(`UPDATE accounts SET email = NULL WHERE id = ? AND state = 'provisioning'`),
      activate: db.prepare<[string]>(`UPDATE accounts SET state = 'active' WHERE id = ?`),
      remove: db.prepare<[string]>(`DELETE FROM accounts WHERE id = ? AND state = 'provisioning'`),
      credential: db.prepare<[string], CredentialRow>(`SELECT * FROM credentials WHERE client_id = ?`),
      credentialsOf: db.prepare<[string], CredentialRow>(`SELECT * FROM credentials WHERE account_id = ? ORDER BY created_at, rowid`),
      addCredential: db.prepare(`INSERT INTO credentials (client_id, client_secret, name, account_id, web_id, created_at) VALUES (@clientId, @clientSecret, @name, @accountId, @webId, @createdAt)`),
      removeCredential: db.prepare<[string, string]>(`DELETE FROM credentials WHERE client_id = ? AND account_id = ?`),
      revoke: db.prepare<[string]>(`INSERT OR IGNORE INTO revoked (client_id) VALUES (?)`),
    };
    this.#revoked = new Set(db.prepare<[], { client_id: string }>('SELECT client_id FROM revoked').all().map((row) => row.client_id));
  }

  registerSystemCredential(credential: ClientCredential): void {
    this.#system.set(credential.clientId, credential);
  }

  isRevoked(clientId: string): boolean { return this.#revoked.has(clientId); }

  byId(id: string): Account | undefined { return account(this.#sql.byId.get(id)); }
  byEmail(email: string): Account | undefined {
    if (email.length > MAX_EMAIL) return undefined;
    return account(this.#sql.byEmail.get(normalizeEmail(email)));
  }
  byPodName(name: string): Account | undefined { return account(this.#sql.byName.get(name)); }

  /** Resolves to the account when the password matches; spends the same time when the email is unknown. Limits: login-guard.ts. */
  async authenticate(email: string, password: string): Promise<Account | undefined> {
    if (password.length > 1024) return undefined;
    const found = this.byEmail(email);
    const ok = await this.#passwords.verify(password, found?.passwordHash);
    return ok ? found : undefined;
  }

  hashPassword(password: string): Promise<string> { return this.#passwords.hash(password); }

  /**
   * Reserves the pod name for a sign-up (one transaction). A finished account with this name or
   * email is a DuplicateAccount, and so is a sign-up for this name still running here. A
   * reservation whose sign-up failed or was cut short (a crash) is taken over, so the retry
   * completes that pod: `resumed` says so. Call `settle` when the sign-up is over either way.
   */
  reserve(input: { email: string; passwordHash: string; podName: string; webId: string; podUrl: string }): { account: Account; resumed: boolean } {
    const email = normalizeEmail(input.email);
    return this.#db.transaction(() => {
      const byName = this.#sql.byName.get(input.podName);
      if (byName && (byName.state === 'active' || this.#inFlight.has(byName.pod_name))) throw new DuplicateAccount('name');
      const byEmail = this.#sql.byEmail.get(email);
      if (byEmail && byEmail.id !== byName?.id) {
        if (byEmail.state === 'active' || this.#inFlight.has(byEmail.pod_name)) throw new DuplicateAccount('email');
        // An unfinished sign-up of this email under another name: that name stays reserved for a retry, without the email.
        this.#sql.releaseEmail.run(byEmail.id);
      }
      const row = { id: byName?.id ?? randomUUID(), email, passwordHash: input.passwordHash, podName: input.podName, webId: input.webId, podUrl: input.podUrl, createdAt: new Date().toISOString() };
      if (byName) this.#sql.takeOver.run(row);
      else this.#sql.insert.run(row);
      this.#inFlight.add(input.podName);
      return { account: { id: row.id, email, passwordHash: row.passwordHash, podName: row.podName, webId: row.webId, podUrl: row.podUrl, createdAt: row.createdAt }, resumed: byName !== undefined };
    })();
  }

  /** The pod is written: the account can log in from now on. */
  activate(account: Account): Account {
    this.#sql.activate.run(account.id);
    return account;
  }

  /** Gives a reservation up entirely (the name was never ours to provision). */
  release(account: Account): void { this.#sql.remove.run(account.id); }

  /** The sign-up for this name is over in this process (finished or failed). */
  settle(podName: string): void { this.#inFlight.delete(podName); }

  credential(clientId: string): ClientCredential | undefined {
    return this.#system.get(clientId) ?? credential(this.#sql.credential.get(clientId));
  }
  credentialsOf(accountId: string): ClientCredential[] { return this.#sql.credentialsOf.all(accountId).map((row) => credential(row)!); }

  /** New credentials; their tokens carry `webId` (the pod WebID, or one the caller checked is linked to the account). */
  async addCredential(owner: Account, name: string, webId = owner.webId): Promise<ClientCredential> {
    const created: ClientCredential = {
      clientId: `${slug(name)}_${randomBytes(12).toString('base64url')}`,
      clientSecret: randomBytes(32).toString('base64url'),
      name,
      accountId: owner.id,
      webId,
      createdAt: new Date().toISOString(),
    };
    this.#sql.addCredential.run(created);
    return created;
  }

  /** Removes a credential of this account; false when there is none by that id. */
  async revokeCredential(owner: Account, clientId: string): Promise<boolean> {
    return this.#db.transaction(() => {
      if (this.#sql.removeCredential.run(clientId, owner.id).changes === 0) return false;
      // Remembered for good, so tokens already issued to it stop working too.
      this.#sql.revoke.run(clientId);
      this.#revoked.add(clientId);
      return true;
    })();
  }
}

function account(row: AccountRow | undefined): Account | undefined {
  if (!row || row.state !== 'active' || row.email === null) return undefined;
  return { id: row.id, email: row.email, passwordHash: row.password_hash, podName: row.pod_name, webId: row.web_id, podUrl: row.pod_url, createdAt: row.created_at };
}

function credential(row: CredentialRow | undefined): ClientCredential | undefined {
  return row && { clientId: row.client_id, clientSecret: row.client_secret, name: row.name, accountId: row.account_id, webId: row.web_id, createdAt: row.created_at };
}

export function normalizeEmail(email: string): string { return email.trim().toLowerCase(); }

function slug(name: string): string { return name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32) || 'client'; }

/** Constant-time string comparison for secrets. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
