import type { AccessControl } from '../auth/access-control.ts';
import { Conflict, Forbidden } from '../../service-kit/errors.ts';
import { rateLimit, type RateLimit } from '../../service-kit/http/rate-limit.ts';
import type { ResourceStore } from '../storage/store.ts';
import { DuplicateAccount, type Account, type AccountStore } from './accounts.ts';
import type { LinkedWebIds } from './linked-webids.ts';
import { validateEmail, validatePassword, validatePodName } from './pod-names.ts';
import { podLocation, provisionPod } from './provision.ts';

export interface AccountServiceOptions {
  accounts: AccountStore;
  /** External WebIDs accounts proved they control (their credentials may carry them). */
  webIds: LinkedWebIds;
  store: ResourceStore;
  access: AccessControl;
  baseUrl: string;
  issuer: string;
  signup: 'open' | 'closed';
  /** Sign-ups per client address per window; 0 or absent: unlimited. */
  signupsPerAddress?: number;
  signupWindowSeconds?: number;
}

/** Sign-up as one operation, shared by the JSON API and the sign-up page. */
export class AccountService {
  readonly #signups: RateLimit;

  constructor(readonly options: AccountServiceOptions) {
    this.#signups = rateLimit({ points: options.signupsPerAddress ?? 0, seconds: options.signupWindowSeconds ?? 3600, what: 'sign-ups from this address', code: 'too_many_signups' });
  }

  get accounts(): AccountStore { return this.options.accounts; }
  get webIds(): LinkedWebIds { return this.options.webIds; }
  get baseUrl(): string { return this.options.baseUrl; }
  get issuer(): string { return this.options.issuer; }
  get signupOpen(): boolean { return this.options.signup === 'open'; }

  /**
   * Reserves the name, writes the pod, then activates the account. If writing the pod fails the
   * reservation stays, and a later sign-up for the same name completes that pod (provisioning
   * overwrites every resource it writes, so a second run is harmless).
   */
  async signUp(input: { name: unknown; email: unknown; password: unknown }, client: { address: string }): Promise<Account> {
    if (!this.signupOpen) throw new Forbidden('Sign-up is closed on this server');
    const name = validatePodName(input.name);
    const email = validateEmail(input.email);
    const password = validatePassword(input.password);
    const pod = podLocation(this.options.baseUrl, name);
    // Taken names and emails are answered before anything is spent.
    if (this.accounts.byPodName(name)) throw conflict(new DuplicateAccount('name'));
    if (this.accounts.byEmail(email)) throw conflict(new DuplicateAccount('email'));
    await this.#signups.consume(client.address);
    const passwordHash = await this.accounts.hashPassword(password);
    let reserved: { account: Account; resumed: boolean };
    try {
      reserved = this.accounts.reserve({ email, passwordHash, podName: name, webId: pod.webId, podUrl: pod.podUrl });
    } catch (error) {
      throw conflict(error);
    }
    try {
      // A pod path without any account (not even a reservation) was put there by an administrator.
      if (!reserved.resumed && (await this.options.store.metadata(pod.podPath))) {
        this.accounts.release(reserved.account);
        throw conflict(new DuplicateAccount('name'));
      }
      await provisionPod(this.options, pod, this.options.issuer);
      return this.accounts.activate(reserved.account);
    } finally {
      this.accounts.settle(name);
    }
  }
}

function conflict(error: unknown): unknown {
  if (error instanceof DuplicateAccount) return new Conflict(error.message, error.field === 'name' ? 'pod_exists' : 'account_exists');
  return error;
}
