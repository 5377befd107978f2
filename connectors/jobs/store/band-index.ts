// The LSH band index of live ads, in memory. Kept in SQLite it was a B-tree of random keys that
// every commit rewrote page by page, so ingest slowed as the store grew; here an insert is a few
// Map operations. The keys are stored with each ad (a blob of 8-byte numbers), so the index is
// rebuilt from one sequential scan at start.

/** Ads one band bucket remembers (the newest): a big block must not make a lookup read thousands. */
const BUCKET_MAX = 64;

export class BandIndex {
  /** band key -> one ad id, or several (newest last). Most buckets hold one id. */
  readonly #buckets = new Map<number, string | string[]>();
  readonly #keysOf = new Map<string, Float64Array>();

  get size(): number { return this.#keysOf.size; }

  add(id: string, keys: Float64Array): void {
    this.remove(id);
    this.#keysOf.set(id, keys);
    for (const key of keys) {
      const bucket = this.#buckets.get(key);
      if (bucket === undefined) this.#buckets.set(key, id);
      else if (typeof bucket === 'string') { if (bucket !== id) this.#buckets.set(key, [bucket, id]); }
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
      const bucket = this.#buckets.get(key);
      if (bucket === id) this.#buckets.delete(key);
      else if (Array.isArray(bucket)) {
        const rest = bucket.filter((other) => other !== id);
        this.#buckets.set(key, rest.length === 1 ? rest[0] : rest);
      }
    }
  }

  /** Ads sharing at least one key, newest first per bucket, at most limit. */
  candidates(keys: Float64Array, limit: number): string[] {
    const found = new Set<string>();
    for (const key of keys) {
      const bucket = this.#buckets.get(key);
      if (bucket === undefined) continue;
      for (const id of typeof bucket === 'string' ? [bucket] : [...bucket].reverse()) {
        found.add(id);
        if (found.size >= limit) return [...found];
      }
    }
    return [...found];
  }

  clear(): void {
    this.#buckets.clear();
    this.#keysOf.clear();
  }
}

/**
 * A band key as a 53-bit integer (two 32-bit FNV-style hashes): 8 bytes instead of a string, and a
 * collision only adds a candidate, which is compared by its signature anyway.
 */
export function bandKey(band: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ band.length;
  for (let i = 0; i < band.length; i++) {
    const c = band.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

export const bandKeys = (bands: readonly string[]): Float64Array => Float64Array.from(bands, bandKey);
