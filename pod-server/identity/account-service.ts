import type { AccessControl } from '../auth/access-control.ts';
import { Conflict, Forbidden } from '../errors.ts';
import type { ResourceStore } from '../storage/store.ts';
import { DuplicateAccount, type Account, type AccountStore } from './accounts.ts';
import { validateEmail, validatePassword, validatePodName } from './pod-names.ts';
import { podLocation, provisionPod } from './provision.ts';

export interface AccountServiceOptions {
  accounts: AccountStore;
  store: ResourceStore;
  access: AccessControl;
  baseUrl: string;
  issuer: string;
  signup: 'open' | 'closed';
}

/** Sign-up as one operation, shared by the JSON API and the sign-up page. */
export class AccountService {
  constructor(readonly options: AccountServiceOptions) {}

  get accounts(): AccountStore { return this.options.accounts; }
  get issuer(): string { return this.options.issuer; }
  get signupOpen(): boolean { return this.options.signup === 'open'; }

  async signUp(input: { name: unknown; email: unknown; password: unknown }): Promise<Account> {
    if (!this.signupOpen) throw new Forbidden('Sign-up is closed on this server');
    const name = validatePodName(input.name);
    const email = validateEmail(input.email);
    const password = validatePassword(input.password);
    const pod = podLocation(this.options.baseUrl, name);
    try {
      return await this.options.accounts.create({ email, password, podName: name, webId: pod.webId, podUrl: pod.podUrl }, async () => {
        // A pod path can exist without an account only if an administrator put it there.
        if (await this.options.store.metadata(pod.podPath)) throw new DuplicateAccount('name');
        await provisionPod(this.options, pod, this.options.issuer);
      });
    } catch (error) {
      if (error instanceof DuplicateAccount) throw new Conflict(error.message, error.field === 'name' ? 'pod_exists' : 'account_exists');
      throw error;
    }
  }
}
