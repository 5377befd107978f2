import type { Request, Response } from 'express';
import { rateLimit, type RateLimit } from '../../service-kit/http/rate-limit.ts';
import { normalizeEmail, type Account, type AccountStore } from './accounts.ts';
import { clientAddress } from './client-address.ts';
import type { DeviceCookies } from './device-cookie.ts';

export interface LoginLimits {
  /** Failed logins per client address per window; 0 or absent: no per-address limit. */
  failuresPerAddress?: number;
  /** Failed logins per account per window from devices not known to it (default 10). */
  failuresPerAccount?: number;
  /** The window, in seconds (default 900). */
  windowSeconds?: number;
}

/**
 * Every password login (pages, OIDC interaction, the Basic-authenticated API) goes through here.
 * Before any hashing, the attempt spends a point per client address, and one per account (or,
 * from a device that has logged in to this account before, per device instead). The points are
 * spent before the password is checked, so parallel guesses are counted, not raced; a
 * successful login gives them back, so only failures count. A stranger's wrong guesses use the
 * account's budget, which a known device does not need: the owner keeps logging in.
 */
export class LoginGuard {
  readonly #accounts: AccountStore;
  readonly #devices: DeviceCookies;
  readonly #perAddress: RateLimit;
  readonly #perAccount: RateLimit;
  readonly #perDevice: RateLimit;

  constructor(options: { accounts: AccountStore; devices: DeviceCookies; limits?: LoginLimits }) {
    this.#accounts = options.accounts;
    this.#devices = options.devices;
    const seconds = options.limits?.windowSeconds ?? 900;
    const perAccount = options.limits?.failuresPerAccount ?? 10;
    this.#perAddress = rateLimit({ points: options.limits?.failuresPerAddress ?? 0, seconds, what: 'failed logins from this address', code: 'too_many_attempts' });
    this.#perAccount = rateLimit({ points: perAccount, seconds, what: 'wrong passwords for this account from new devices', code: 'too_many_attempts' });
    this.#perDevice = rateLimit({ points: perAccount, seconds, what: 'wrong passwords from this device', code: 'too_many_attempts' });
  }

  /** The account when the password is right; undefined when wrong; 429/503 when refused before checking. */
  async login(req: Request, email: string, password: string): Promise<Account | undefined> {
    const key = normalizeEmail(email);
    const device = this.#devices.recognise(req, key);
    const spent: [RateLimit, string][] = [];
    const refund = () => Promise.all(spent.map(([limit, k]) => limit.reward(k)));
    try {
      await this.#perAddress.consume(clientAddress(req));
      spent.push([this.#perAddress, clientAddress(req)]);
      const [limit, limitKey] = device ? [this.#perDevice, `device:${device.id}`] : [this.#perAccount, `account:${key}`];
      await limit.consume(limitKey);
      spent.push([limit, limitKey]);
      const account = await this.#accounts.authenticate(email, password);
      if (account) await refund();
      return account;
    } catch (refusal) {
      // Refused before checking (a limit, or the hashing queue is full): this attempt costs nothing.
      await refund();
      throw refusal;
    }
  }

  /** After a successful login: remember this device for the account. */
  remember(req: Request, res: Response, account: Account): void {
    this.#devices.remember(req, res, account.email);
  }
}
