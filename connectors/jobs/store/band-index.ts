// The LSH band index of live ads, in memory. Kept in SQLite it was a B-tree of random keys that
// every commit rewrote page by page, so ingest slowed as the store grew; here an insert is a few
// Map operations. The keys are stored with each ad (a blob of 4-byte integers), so the index is
// rebuilt from one sequential scan at start.

/** Ads one band bucket remembers (the newest): a big block must not make a lookup read thousands. */
const BUCKET_MAX = 64;
/** A Map holds at most 2^24 entries; keys are spread over shards so that millions of ads fit. */
const SHARDS = 16;

export class BandIndex {
  /** band key -> one ad id, or several (newest last); most buckets hold one id. Sharded by key. */
  readonly #shards = Array.from({ length: SHARDS }, () => new Map<number, string | string[]>());
  readonly #keysOf = new Map<string, Int32Array>();

  get size(): number { return this.#keysOf.size; }

  add(id: string, keys: Int32Array): void {
    this.remove(id);
    this.#keysOf.set(id, keys);
    for (const key of keys) {
      const buckets = this.#shards[key & (SHARDS - 1)];
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, id);
      else if (typeof bucket === 'string') { if (bucket !== id) buckets.set(key, [bucket, id]); }
      else if (!bucket.includes(id)) {
        bucket.push(id);
        if (bucket.length > BUCKET_MAX) bucket.shift();
      }
    }
  }

  remove(id: string): void {
    const keys = this.#keysOf.get(id);
    if (!keys) return;
    this.#keysOf.delete(id);
    for (const key of keys) {
      const buckets = this.#shards[key & (SHARDS - 1)];
      const bucket = buckets.get(key);
      if (bucket === id) buckets.delete(key);
      else if (Array.isArray(bucket)) {
        const rest = bucket.filter((other) => other !== id);
        buckets.set(key, rest.length === 1 ? rest[0] : rest);
      }
    }
  }

  /** Ads sharing at least one key, newest first per bucket, at most limit. */
  candidates(keys: Int32Array, limit: number): string[] {
    const found = new Set<string>();
    for (const key of keys) {
      const bucket = this.#shards[key & (SHARDS - 1)].get(key);
      if (bucket === undefined) continue;
      for (const id of typeof bucket === 'string' ? [bucket] : [...bucket].reverse()) {
        found.add(id);
        if (found.size >= limit) return [...found];
      }
    }
    return [...found];
  }

  clear(): void {
    for (const buckets of this.#shards) buckets.clear();
    this.#keysOf.clear();
  }
}

/**
 * A band key as a 30-bit integer (FNV-1a): small integers are stored in a Map without a box of their
 * own, which keeps the index near 60 bytes a key. Unrelated keys meet now and then (3 million keys in
 * a billion values); that only adds a candidate, which is compared by its signature anyway.
 */
export function bandKey(band: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < band.length; i++) h = Math.imul(h ^ band.charCodeAt(i), 0x01000193);
  return (h >>> 2) & 0x3fffffff;
}

export const bandKeys = (bands: readonly string[]): Int32Array => Int32Array.from(bands, bandKey);
