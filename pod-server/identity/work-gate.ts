import { ServiceUnavailable } from '../../service-kit/errors.ts';

/**
 * At most `concurrency` jobs at once, at most `queue` waiting; more are refused at once with
 * 503. Password hashing goes through one of these: scrypt runs in libuv's four-thread pool,
 * which every file read and write shares, so unbounded hashing starves all file I/O.
 */
export class WorkGate {
  readonly #concurrency: number;
  readonly #queueLimit: number;
  readonly #waiting: (() => void)[] = [];
  #active = 0;

  constructor(options: { concurrency: number; queue: number; what: string }) {
    this.#concurrency = Math.max(1, Math.floor(options.concurrency));
    this.#queueLimit = Math.max(0, Math.floor(options.queue));
    this.what = options.what;
  }

  readonly what: string;

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#active < this.#concurrency) {
      this.#active++;
    } else {
      if (this.#waiting.length >= this.#queueLimit) throw new ServiceUnavailable(`The server is busy with ${this.what}; try again in a moment`, 1);
      // The slot is handed over by the job that finishes, so #active stays counted.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    }
  }

  get active(): number { return this.#active; }
  get waiting(): number { return this.#waiting.length; }
}
