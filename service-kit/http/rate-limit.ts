import type { RateLimiterMemory } from 'rate-limiter-flexible';
import { TooManyRequests } from '../errors.ts';

/**
 * One way to limit every open surface (sign-up, login, inbox, …): a fixed number of points per
 * key per window, refused with 429 and Retry-After. Keys are whatever the surface limits by
 * (client address, sender WebID, pod). The memory backend suits one process; the limiter is
 * behind this interface so a shared (PostgreSQL) backend can replace it for scale-out.
 */
export interface RateLimit {
  /** Spends `points` for `key`; throws a 429 HttpError when the window's budget is spent. */
  consume(key: string, points?: number): Promise<void>;
  /** Gives points back (e.g. a successful login forgives earlier failures). */
  reward(key: string, points?: number): Promise<void>;
  /** Points left for `key` in the current window, without spending any. */
  remaining(key: string): Promise<number>;
}

export interface RateLimitOptions {
  /** Points per window. 0 or Infinity turns the limit off. */
  points: number;
  /** Window length in seconds. */
  seconds: number;
  /** Words for the 429 message, e.g. "sign-ups from this address". */
  what: string;
  /** The stable error code in the 429 body. */
  code?: string;
}

export function rateLimit(options: RateLimitOptions): RateLimit {
  if (!(options.points > 0) || options.points === Infinity) return unlimited;
  // The library is loaded on first use: most starts never see a login or a sign-up before they are warm.
  let limiter: Promise<RateLimiterMemory> | undefined;
  const get = () => (limiter ??= import('rate-limiter-flexible').then(({ RateLimiterMemory }) => new RateLimiterMemory({ points: options.points, duration: options.seconds })));
  return {
    async consume(key, points = 1) {
      try {
        await (await get()).consume(key, points);
      } catch (refusal) {
        const next = (refusal as { msBeforeNext?: unknown }).msBeforeNext;
        if (typeof next !== 'number') throw refusal;
        const wait = Math.max(1, Math.ceil(next / 1000));
        throw new TooManyRequests(`Too many ${options.what}; try again in ${wait} s`, wait, options.code);
      }
    },
    async reward(key, points = 1) { await (await get()).reward(key, points); },
    async remaining(key) {
      const state = await (await get()).get(key);
      return state ? Math.max(0, options.points - state.consumedPoints) : options.points;
    },
  };
}

const unlimited: RateLimit = {
  async consume() {},
  async reward() {},
  async remaining() { return Infinity; },
};
