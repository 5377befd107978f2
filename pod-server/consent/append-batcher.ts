/**
 * Group commit for an append-only log: lines added while a write is in flight go out
 * together in the next one, so a busy log costs one write per batch, not one per line,
 * and lines reach the file in the order they were added. Each caller learns whether its
 * own line was written.
 */
export class AppendBatcher {
  readonly #write: (bytes: Buffer) => Promise<void>;
  #pending: Buffer[] = [];
  #waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  #draining: Promise<void> | undefined;

  constructor(write: (bytes: Buffer) => Promise<void>) {
    this.#write = write;
  }

  add(bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push(bytes);
      this.#waiters.push({ resolve, reject });
      this.#draining ??= this.#drain();
    });
  }

  /** Resolves once everything added so far has been written (or has failed). */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  async #drain(): Promise<void> {
    while (this.#pending.length > 0) {
      const bytes = Buffer.concat(this.#pending);
      const waiters = this.#waiters;
      this.#pending = [];
      this.#waiters = [];
      try {
        await this.#write(bytes);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.#draining = undefined;
  }
}
