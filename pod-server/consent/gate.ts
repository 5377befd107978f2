import type { InboxLimitSettings } from '../config-limits.ts';
import type { ConsentService, ConsentServiceOptions } from './service.ts';
import { InboxLimits } from './inbox-limits.ts';
import { isConsentDataPath } from './layout.ts';

/**
 * The pod server's handle on consent. The protocol library (SHACL shapes, JSON-LD, signing)
 * is large, so the service loads on the first request that needs it: a server whose
 * requests are all allowed by WAC never pays for it. Inbox limits are small and live here,
 * so plain notifications are limited without loading the library.
 */
export class ConsentGate {
  readonly #options: ConsentServiceOptions;
  readonly inbox: InboxLimits;
  #loading: Promise<ConsentService> | undefined;
  #loaded: ConsentService | undefined;

  constructor(options: Omit<ConsentServiceOptions, 'inbox'> & { inboxLimits?: Partial<InboxLimitSettings> }) {
    this.inbox = new InboxLimits(options.store, options.inboxLimits);
    this.#options = { ...options, inbox: this.inbox };
  }

  service(): Promise<ConsentService> {
    this.#loading ??= import('./service.ts').then(({ ConsentService }) => (this.#loaded = new ConsentService(this.#options)));
    return this.#loading;
  }

  /** A plain LDP write or delete touched a pod's consent data (its index is read afresh) or an inbox (recounted). */
  forget(path: string): void {
    if (isConsentDataPath(path)) this.#loaded?.forget(path);
    this.inbox.touched(path);
  }
}
