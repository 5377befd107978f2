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
