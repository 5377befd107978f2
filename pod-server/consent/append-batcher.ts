import { ServiceUnavailable } from '../../service-kit/errors.ts';

/**
 * Group commit for an append-only log: lines added while a write is in flight go out
 * together in the next one, so a busy log costs one write per batch, not one per line,
 * and lines reach the file in the order they were added. Each caller learns whether its
 * own line was written.
 *
 * Lines of a hash-chained log build on the ones before, so when a write fails, the lines
 * queued behind it fail too, and so does every line built on what was in memory before the
 * failure: the caller names the epoch it read the log's head in, and a failure starts a new
 * one (the head must then be read again from the file).
 */
export class AppendBatcher {
  readonly #write: (bytes: Buffer) => Promise<void>;
  #pending: Buffer[] = [];
  #waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  #draining: Promise<void> | undefined;
  #epoch = 0;

  constructor(write: (bytes: Buffer) => Promise<void>) {
    this.#write = write;
  }

  /** Changes whenever a write fails. */
  get epoch(): number { return this.#epoch; }

  add(bytes: Buffer, epoch = this.#epoch): Promise<void> {
    if (epoch !== this.#epoch) return Promise.reject(new ServiceUnavailable('The log is being re-read after a failed write; please retry', 1));
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
        this.#epoch++;
        const queued = this.#waiters;
        this.#pending = [];
        this.#waiters = [];
        for (const waiter of [...waiters, ...queued]) waiter.reject(error);
      }
    }
    this.#draining = undefined;
  }
}
