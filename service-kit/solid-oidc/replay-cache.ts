/**
 * Remembers DPoP proof ids until they would be too old to accept anyway. One process keeps
 * them in memory; several processes sharing one database need a shared implementation of
 * this interface (see identity/README.md).
 */
export interface ReplayCache {
  /** Records the key; resolves true when it had been recorded before (a replay). */
  seen(key: string, expiresAt: number): boolean | Promise<boolean>;
}

/** Past this many live entries new proofs are refused rather than memory growing without bound. */
const DEFAULT_LIMIT = 1_000_000;

export class MemoryReplayCache implements ReplayCache {
  readonly #entries = new Map<string, number>();
  readonly #limit: number;
  #nextSweep = 0;

  constructor(options: { limit?: number } = {}) { this.#limit = options.limit ?? DEFAULT_LIMIT; }

  seen(key: string, expiresAt: number): boolean {
    const now = Date.now();
    if (now >= this.#nextSweep || this.#entries.size >= this.#limit) this.#sweep(now);
    const previous = this.#entries.get(key);
    if (previous !== undefined && previous > now) return true;
    // Fail closed when full of live entries: a proof we cannot remember could be replayed.
    if (this.#entries.size >= this.#limit) return true;
    this.#entries.set(key, expiresAt);
    return false;
  }

  get size(): number { return this.#entries.size; }

  #sweep(now: number): void {
    for (const [key, expiresAt] of this.#entries) if (expiresAt <= now) this.#entries.delete(key);
    this.#nextSweep = now + 10_000;
  }
}

/** The few calls of a SQLite database (better-sqlite3) the persistent cache needs. */
interface SqlDatabase {
  exec(sql: string): unknown;
  prepare(sql: string): { run(...values: unknown[]): unknown; all(...values: unknown[]): unknown[] };
}

/**
 * The memory cache, written behind to a SQLite table and loaded from it at start: a proof used
 * before a restart stays used until it would be too old anyway (RFC 9449 section 11.1). Ids are
 * written in one transaction at most every FLUSH_MS (and on close), not one commit per request:
 * a crash may forget the last few milliseconds of proofs, a far smaller window than their lifetime
 * would be without any persistence. Expired rows are deleted every 10 s.
 */
export class PersistentReplayCache implements ReplayCache {
  readonly #memory: MemoryReplayCache;
  readonly #write: (rows: [string, number][], now: number) => void;
  #pending: [string, number][] = [];
  #timer: NodeJS.Timeout | undefined;
  #nextSweep = 0;
  #lastWarned = 0;

  constructor(db: SqlDatabase & { transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void }, options: { limit?: number } = {}) {
    db.exec('CREATE TABLE IF NOT EXISTS dpop_replay (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)');
    const insert = db.prepare('INSERT OR REPLACE INTO dpop_replay (key, expires_at) VALUES (?, ?)');
    const sweep = db.prepare('DELETE FROM dpop_replay WHERE expires_at <= ?');
    this.#write = db.transaction((rows: [string, number][], now: number) => {
      if (now >= this.#nextSweep) {
        this.#nextSweep = now + 10_000;
        sweep.run(now);
      }
      for (const [key, expiresAt] of rows) insert.run(key, expiresAt);
    });
    this.#memory = new MemoryReplayCache(options);
    const now = Date.now();
    sweep.run(now);
    for (const row of db.prepare('SELECT key, expires_at FROM dpop_replay').all() as { key: string; expires_at: number }[]) this.#memory.seen(row.key, row.expires_at);
  }

  seen(key: string, expiresAt: number): boolean {
    if (this.#memory.seen(key, expiresAt)) return true;
    this.#pending.push([key, expiresAt]);
    this.#timer ??= setTimeout(() => this.flush(), FLUSH_MS);
    return false;
  }

  /** Writes the ids seen since the last flush; called by the timer and before the database closes. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const rows = this.#pending;
    this.#pending = [];
    if (rows.length === 0) return;
    const now = Date.now();
    try {
      this.#write(rows, now);
    } catch (error) {
      // A full or read-only disk must not stop every authenticated request: the proofs are
      // remembered in memory, which protects this process; only their survival of a restart is lost.
      if (now - this.#lastWarned > 60_000) {
        this.#lastWarned = now;
        console.error(`DPoP replay cache: could not persist ${rows.length} proof ids (${(error as Error).message}); kept in memory only`);
      }
    }
  }
}

const FLUSH_MS = 20;
