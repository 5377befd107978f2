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
 * The memory cache, written through to a SQLite table, and loaded from it at start: a proof
 * used before a restart stays used until it would be too old anyway (RFC 9449 section 11.1).
 * One row per accepted proof; expired rows are deleted every 10 s.
 */
export class PersistentReplayCache implements ReplayCache {
  readonly #memory: MemoryReplayCache;
  readonly #insert;
  readonly #sweep;
  #nextSweep = 0;
  #lastWarned = 0;

  constructor(db: SqlDatabase, options: { limit?: number } = {}) {
    db.exec('CREATE TABLE IF NOT EXISTS dpop_replay (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)');
    this.#insert = db.prepare('INSERT OR REPLACE INTO dpop_replay (key, expires_at) VALUES (?, ?)');
    this.#sweep = db.prepare('DELETE FROM dpop_replay WHERE expires_at <= ?');
    this.#memory = new MemoryReplayCache(options);
    const now = Date.now();
    this.#sweep.run(now);
    for (const row of db.prepare('SELECT key, expires_at FROM dpop_replay').all() as { key: string; expires_at: number }[]) this.#memory.seen(row.key, row.expires_at);
  }

  seen(key: string, expiresAt: number): boolean {
    if (this.#memory.seen(key, expiresAt)) return true;
    const now = Date.now();
    try {
      if (now >= this.#nextSweep) {
        this.#nextSweep = now + 10_000;
        this.#sweep.run(now);
      }
      this.#insert.run(key, expiresAt);
    } catch (error) {
      // A full or read-only disk must not stop every authenticated request: the proof is
      // remembered in memory, which protects this process; only its survival of a restart is lost.
      if (now - this.#lastWarned > 60_000) {
        this.#lastWarned = now;
        console.error(`DPoP replay cache: could not persist a proof id (${(error as Error).message}); kept in memory only`);
      }
    }
    return false;
  }
}
