import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { WorkGate } from './work-gate.ts';

const scrypt = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCallback(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));

/** scrypt cost: N=2^15, r=8 (32 MiB, tens of milliseconds): slow for guessing, fine for a login. */
const COST = { N: 1 << 15, r: 8, p: 1 };
const LENGTH = 32;
const MAXMEM = 64 * 1024 * 1024;

export interface PasswordOptions {
  /** scrypt runs at once (each holds one of libuv's four threads and ~32 MiB). */
  concurrency?: number;
  /** Checks that may wait for a slot; beyond that, 503 at once. */
  queue?: number;
}

/** Hashing and checking passwords, never more than a few at a time (see WorkGate). */
export class Passwords {
  readonly #gate: WorkGate;

  constructor(options: PasswordOptions = {}) {
    this.#gate = new WorkGate({ concurrency: options.concurrency ?? 1, queue: options.queue ?? 16, what: 'password checks' });
  }

  /** "scrypt$N$r$p$salt$hash", so the cost can be raised later without breaking old hashes. */
  hash(password: string): Promise<string> {
    return this.#gate.run(() => hashPassword(password));
  }

  /** Checks against `stored`, or against a hash of nothing when there is no account, so timing does not tell which emails exist. */
  async verify(password: string, stored: string | undefined): Promise<boolean> {
    const against = stored ?? DUMMY_HASH;
    return this.#gate.run(() => verifyPassword(password, against));
  }
}

async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password.normalize('NFKC'), salt, LENGTH, { ...COST, maxmem: MAXMEM });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM });
  return timingSafeEqual(actual, expected);
}

/**
 * What a wrong email is verified against, so timing does not reveal which emails have accounts:
 * a well-formed hash with a random salt and digest costs exactly what a real one costs to check,
 * without computing one at start-up. The top-level await is deliberate: it keeps the server's
 * module graph an ES module when mocha loads a test file through tsx's require hook (without one
 * it loads as CommonJS, and modules imported lazily, e.g. consent pages, then exist twice, with
 * two HttpError classes).
 */
const DUMMY_HASH = await Promise.resolve(['scrypt', COST.N, COST.r, COST.p, randomBytes(16).toString('base64url'), randomBytes(LENGTH).toString('base64url')].join('$'));
