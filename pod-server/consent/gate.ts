import type { ConsentService, ConsentServiceOptions } from './service.ts';
import { isConsentDataPath } from './layout.ts';

/**
 * The pod server's handle on consent. The protocol library (SHACL shapes, JSON-LD, signing)
 * is large, so the service loads on the first request that needs it: a server whose
 * requests are all allowed by WAC never pays for it.
 */
export class ConsentGate {
  readonly #options: ConsentServiceOptions;
  #loading: Promise<ConsentService> | undefined;
  #loaded: ConsentService | undefined;

  constructor(options: ConsentServiceOptions) {
    this.#options = options;
  }

  service(): Promise<ConsentService> {
    this.#loading ??= import('./service.ts').then(({ ConsentService }) => (this.#loaded = new ConsentService(this.#options)));
    return this.#loading;
  }

  /** A plain LDP write or delete touched a pod's consent data: its index is read afresh. */
  forget(path: string): void {
    if (isConsentDataPath(path)) this.#loaded?.forget(path);
  }
}
