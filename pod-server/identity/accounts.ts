import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Low, Memory } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { HttpError } from '../errors.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';

const MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 15 * 60_000;

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

interface AccountData {
  accounts: Account[];
  credentials: ClientCredential[];
  /** Ids of removed credentials, so tokens already issued to them stop working too. */
  revoked: string[];
}

export class DuplicateAccount extends Error {
  constructor(readonly field: 'email' | 'name') { super(`An account with this ${field} already exists`); }
}

/**
 * Accounts and their client credentials in one small lowdb document (a JSON file under
 * DATA_DIR, or memory). Changes are serialized so a check-then-insert cannot race.
 */
export class AccountStore {
  readonly #db: Low<AccountData>;
  #queue: Promise<unknown> = Promise.resolve();

  readonly #revoked: Set<string>;
  readonly #failures = new Map<string, { count: number; until: number }>();
  /** The server's own clients (its agent): in memory only, with a fresh secret each start. */
  readonly #system = new Map<string, ClientCredential>();

  registerSystemCredential(credential: ClientCredential): void {
    this.#system.set(credential.clientId, credential);
  }

  private constructor(db: Low<AccountData>) {
    this.#db = db;
    this.#revoked = new Set(db.data.revoked);
  }

  isRevoked(clientId: string): boolean { return this.#revoked.has(clientId); }

  static async open(file: string | undefined): Promise<AccountStore> {
    const empty: AccountData = { accounts: [], credentials: [], revoked: [] };
    const db = new Low<AccountData>(file ? new JSONFile<AccountData>(file) : new Memory<AccountData>(), empty);
    await db.read();
    db.data = { ...empty, ...db.data };
    return new AccountStore(db);
  }

  byId(id: string): Account | undefined { return this.#db.data.accounts.find((a) => a.id === id); }
  byEmail(email: string): Account | undefined {
    const normalized = normalizeEmail(email);
    return this.#db.data.accounts.find((a) => a.email === normalized);
  }
  byPodName(name: string): Account | undefined { return this.#db.data.accounts.find((a) => a.podName === name); }

  /**
   * Resolves to the account when the password matches; spends the same time when the email is
   * unknown. After MAX_FAILURES wrong passwords for one email, that email is refused (429) for
   * the rest of the window: online guessing gets a handful of tries, not thousands.
   */
  async authenticate(email: string, password: string): Promise<Account | undefined> {
    const key = normalizeEmail(email);
    const now = Date.now();
    const failures = this.#failures.get(key);
    if (failures && failures.until > now && failures.count >= MAX_FAILURES) {
      throw new HttpError(429, 'too_many_attempts', 'Too many wrong passwords for this account; try again in 15 minutes', { 'Retry-After': String(Math.ceil((failures.until - now) / 1000)) });
    }
    const account = this.byEmail(email);
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (ok && account) {
      this.#failures.delete(key);
      return account;
    }
    const current = failures && failures.until > now ? failures : { count: 0, until: now + FAILURE_WINDOW_MS };
    current.count++;
    if (this.#failures.size > 100_000) this.#failures.clear();
    this.#failures.set(key, current);
    return undefined;
  }

  /** Creates the account; `provision` runs inside the lock so a failed pod leaves no account behind. */
  async create(input: { email: string; password: string; podName: string; webId: string; podUrl: string }, provision: () => Promise<void>): Promise<Account> {
    const passwordHash = await hashPassword(input.password);
    return this.#exclusive(async () => {
      if (this.byEmail(input.email)) throw new DuplicateAccount('email');
      if (this.byPodName(input.podName)) throw new DuplicateAccount('name');
      await provision();
      const account: Account = { id: randomUUID(), email: normalizeEmail(input.email), passwordHash, podName: input.podName, webId: input.webId, podUrl: input.podUrl, createdAt: new Date().toISOString() };
      this.#db.data.accounts.push(account);
      await this.#db.write();
      return account;
    });
  }

  credential(clientId: string): ClientCredential | undefined {
    return this.#system.get(clientId) ?? this.#db.data.credentials.find((c) => c.clientId === clientId);
  }
  credentialsOf(accountId: string): ClientCredential[] { return this.#db.data.credentials.filter((c) => c.accountId === accountId); }

  async addCredential(account: Account, name: string): Promise<ClientCredential> {
    const credential: ClientCredential = {
      clientId: `${slug(name)}_${randomBytes(12).toString('base64url')}`,
      clientSecret: randomBytes(32).toString('base64url'),
      name,
      accountId: account.id,
      webId: account.webId,
      createdAt: new Date().toISOString(),
    };
    return this.#exclusive(async () => {
      this.#db.data.credentials.push(credential);
      await this.#db.write();
      return credential;
    });
  }

  /** Removes a credential of this account; false when there is none by that id. */
  async revokeCredential(account: Account, clientId: string): Promise<boolean> {
    return this.#exclusive(async () => {
      const before = this.#db.data.credentials.length;
      this.#db.data.credentials = this.#db.data.credentials.filter((c) => !(c.clientId === clientId && c.accountId === account.id));
      if (this.#db.data.credentials.length === before) return false;
      this.#db.data.revoked.push(clientId);
      this.#revoked.add(clientId);
      await this.#db.write();
      return true;
    });
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

export function normalizeEmail(email: string): string { return email.trim().toLowerCase(); }

function slug(name: string): string { return name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32) || 'client'; }

/** Constant-time string comparison for secrets. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
