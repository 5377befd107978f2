import { ByteLru } from '../../service-kit/byte-lru.ts';

/**
 * Small bodies kept in memory, bounded by total bytes; the least recently used go first.
 * Entries are tagged with the ETag they were read or written at, so a stale one is never served.
 */
export class BodyCache {
  readonly #entries: ByteLru<{ etag: string; body: Buffer }>;

  constructor(readonly maxEntryBytes = 64 * 1024, maxTotalBytes = 32 * 1024 * 1024) {
    this.#entries = new ByteLru(maxTotalBytes);
  }

  get(path: string, etag: string): Buffer | undefined {
    const entry = this.#entries.get(path);
    return entry?.etag === etag ? entry.body : undefined;
  }

  set(path: string, etag: string, body: Buffer): void {
    this.delete(path);
    if (body.length > this.maxEntryBytes) return;
    // A slice would pin the (possibly much larger) buffer it was cut from.
    const own = body.byteOffset === 0 && body.buffer.byteLength === body.length ? body : Buffer.from(body);
    this.#entries.set(path, { etag, body: own }, own.length + etag.length * 2);
  }

  delete(path: string): void { this.#entries.delete(path); }
}
