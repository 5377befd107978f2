/**
 * Small bodies kept in memory, bounded by total bytes; the least recently used go first.
 * Entries are tagged with the ETag they were read or written at, so a stale one is never served.
 */
export class BodyCache {
  readonly #entries = new Map<string, { etag: string; body: Buffer }>();
  #bytes = 0;

  constructor(readonly maxEntryBytes = 64 * 1024, readonly maxTotalBytes = 32 * 1024 * 1024) {}

  get(path: string, etag: string): Buffer | undefined {
    const entry = this.#entries.get(path);
    if (!entry || entry.etag !== etag) return undefined;
    this.#entries.delete(path); // re-insert: Map order is our recency order
    this.#entries.set(path, entry);
    return entry.body;
  }

  set(path: string, etag: string, body: Buffer): void {
    this.delete(path);
    if (body.length > this.maxEntryBytes) return;
    // A slice would pin the (possibly much larger) buffer it was cut from.
    const own = body.byteOffset === 0 && body.buffer.byteLength === body.length ? body : Buffer.from(body);
    this.#entries.set(path, { etag, body: own });
    this.#bytes += body.length;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxTotalBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.body.length;
    }
  }

  delete(path: string): void {
    const entry = this.#entries.get(path);
    if (!entry) return;
    this.#entries.delete(path);
    this.#bytes -= entry.body.length;
  }
}
