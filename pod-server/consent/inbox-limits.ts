import { DEFAULT_INBOX_LIMITS, type InboxLimitSettings } from '../config-limits.ts';
import { HttpError, UnsupportedMediaType } from '../../service-kit/errors.ts';
import { rateLimit, type RateLimit } from '../../service-kit/http/rate-limit.ts';
import { isRdfType } from '../rdf/media-types.ts';
import { members as inboxMembers } from '../ldp/container.ts';
import { isAclPath } from '../ldp/paths.ts';
import { KeyedLock } from '../storage/keyed-lock.ts';
import type { ResourceStore } from '../storage/store.ts';
import { INBOX_DIR, podOf } from './layout.ts';

const MAX_TRACKED_INBOXES = 10_000;

/** What one inbox holds: each member's size in bytes (undefined until measured). */
interface Usage {
  sizes: Map<string, number | undefined>;
  /** Members changed by something other than a counted POST: measured again before the next check. */
  stale: Set<string>;
  reservedItems: number;
  reservedBytes: number;
}

/** A place held in an inbox for a POST in flight: commit it once stored, release it otherwise. */
export interface Reservation {
  commit(path: string): void;
  release(): void;
}

/**
 * Rates and quotas for strangers' POSTs to inboxes (the owner is not limited). Rates use the
 * shared limiter; stored totals are counters per inbox, built from one listing the first time
 * an inbox is checked and then kept up to date by the POSTs themselves and by the write/delete
 * hook (gate.forget), so a check never rescans an inbox. A member changed behind our back is
 * measured again on its own.
 */
export class InboxLimits {
  readonly settings: InboxLimitSettings;
  readonly #store: ResourceStore;
  readonly #perSender: RateLimit;
  readonly #perPod: RateLimit;
  readonly #usage = new Map<string, Usage>();
  readonly #locks = new KeyedLock();

  constructor(store: ResourceStore, settings: Partial<InboxLimitSettings> = {}) {
    this.#store = store;
    this.settings = { ...DEFAULT_INBOX_LIMITS, ...settings };
    this.#perSender = rateLimit({ points: this.settings.senderPerHour, seconds: 3600, what: 'messages from you to this inbox', code: 'inbox_sender_rate' });
    this.#perPod = rateLimit({ points: this.settings.podPerHour, seconds: 3600, what: 'messages to this inbox from everyone', code: 'inbox_pod_rate' });
  }

  /** Refuses (429) once the sender, or everyone together, has posted too often to this pod's inbox. */
  async consume(podPath: string, sender: string): Promise<void> {
    await this.#perSender.consume(`${podPath} ${sender}`);
    await this.#perPod.consume(podPath);
  }

  /** The largest body a stranger may POST to an inbox. */
  bodyLimit(serverLimit: number): number {
    const own = this.settings.maxNotificationBytes;
    return own > 0 ? Math.min(own, serverLimit) : serverLimit;
  }

  /** Inboxes take Linked Data Notifications, which are RDF: no binaries from strangers. */
  checkType(contentType: string): void {
    if (!isRdfType(contentType)) {
      throw new UnsupportedMediaType(`An inbox accepts notifications as text/turtle, application/ld+json or application/n-triples, not ${contentType || 'a body without a type'}`);
    }
  }

  /** Holds room for one notification of `bytes`, or refuses (507) when the inbox is full. */
  async reserve(podPath: string, bytes: number): Promise<Reservation> {
    const { maxItems, maxBytes } = this.settings;
    return this.#locks.run(podPath, async () => {
      const usage = await this.#current(podPath);
      const items = usage.sizes.size + usage.reservedItems;
      if (maxItems > 0 && items + 1 > maxItems) throw full(`This inbox holds ${items} notifications, its limit; the owner must clear it first`);
      const held = total(usage) + usage.reservedBytes;
      if (maxBytes > 0 && held + bytes > maxBytes) throw full(`This inbox holds ${held} bytes of notifications and takes at most ${maxBytes}; the owner must clear it first`);
      usage.reservedItems += 1;
      usage.reservedBytes += bytes;
      let done = false;
      const settle = () => {
        if (done) return false;
        done = true;
        usage.reservedItems -= 1;
        usage.reservedBytes -= bytes;
        return true;
      };
      return {
        commit: (path) => {
          if (!settle()) return;
          usage.sizes.set(path, bytes);
          usage.stale.delete(path);
        },
        release: () => void settle(),
      };
    });
  }

  /** Something was written or deleted in an inbox (by LDP, or a notification we delivered). */
  touched(path: string): void {
    const pod = podOf(path);
    if (!pod || !path.startsWith(pod + INBOX_DIR) || isAclPath(path)) return;
    const inbox = pod + INBOX_DIR;
    if (path === inbox) this.#usage.delete(pod);
    else if (path.indexOf('/', inbox.length) === -1 || path.indexOf('/', inbox.length) === path.length - 1) this.#usage.get(pod)?.stale.add(path);
  }

  /**
   * The inbox's usage, brought up to date. Sizes are measured (one read each) only while they
   * can matter: once the inbox is full by count, unmeasured members stay unmeasured.
   */
  async #current(podPath: string): Promise<Usage> {
    let usage = this.#usage.get(podPath);
    if (usage) {
      this.#usage.delete(podPath); // most recently used last
    } else {
      const members = await inboxMembers(this.#store, podPath + INBOX_DIR);
      usage = { sizes: new Map(members.map((path) => [path, undefined])), stale: new Set(), reservedItems: 0, reservedBytes: 0 };
    }
    this.#usage.set(podPath, usage);
    // Counters for inboxes nobody wrote to lately are dropped (and rebuilt from a listing if needed).
    for (const [pod, old] of this.#usage) {
      if (this.#usage.size <= MAX_TRACKED_INBOXES) break;
      if (old.reservedItems === 0) this.#usage.delete(pod);
    }
    for (const path of [...usage.stale]) {
      usage.stale.delete(path);
      if (await this.#store.metadata(path)) usage.sizes.set(path, undefined);
      else usage.sizes.delete(path);
    }
    const { maxItems, maxBytes } = this.settings;
    if (maxBytes > 0 && !(maxItems > 0 && usage.sizes.size >= maxItems)) {
      for (const [path, size] of usage.sizes) {
        if (size !== undefined) continue;
        const resource = await this.#store.read(path);
        if (resource) usage.sizes.set(path, resource.body.length);
        else usage.sizes.delete(path);
      }
    }
    return usage;
  }
}

const total = (usage: Usage): number => {
  let sum = 0;
  for (const size of usage.sizes.values()) sum += size ?? 0;
  return sum;
};

// 507 as WebDAV quotas answer (RFC 4331): nothing was stored, and retrying will not help until space is freed.
const full = (message: string) => new HttpError(507, 'inbox_full', message);
