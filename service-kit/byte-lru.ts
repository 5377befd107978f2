/**
 * A cache bounded in bytes: the least recently used entries go first. Each entry costs what
 * the caller says it holds (roughly its bytes in memory), so every cache in the server has a
 * ceiling in memory, not a count of entries that might each be large. An entry larger than
 * `maxEntryBytes` is not kept at all: one huge value must not flush everything else.
 */
export class ByteLru<V> {
  readonly #entries = new Map<string, { value: V; bytes: number }>();
  #bytes = 0;

  constructor(readonly maxBytes: number, readonly maxEntryBytes = Math.floor(maxBytes / 4)) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key); // re-insert: Map order is our recency order
    this.#entries.set(key, entry);
    return entry.value;
  }

  has(key: string): boolean { return this.#entries.has(key); }

  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    const cost = bytes + key.length * 2 + ENTRY_OVERHEAD;
    if (cost > this.maxEntryBytes) return;
    this.#entries.set(key, { value, bytes: cost });
    this.#bytes += cost;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  get bytes(): number { return this.#bytes; }
  get size(): number { return this.#entries.size; }
}

/** What a Map entry and its small wrapper object cost beyond key and value. */
const ENTRY_OVERHEAD = 96;
