// In-memory LSH index of fingerprints. Ads meet only through shared band keys, and a band key
// includes the block, so a lookup reads at most BANDS x blocks buckets; each bucket is read only up
// to MAX_BUCKET_SCAN most recent ids, which keeps a lookup O(1) even in a staffing agency's block
// of thousands of ads with near-identical boilerplate.
import { type Fingerprint, isDuplicate } from './fingerprint.ts';
import { similarity } from './minhash.ts';

export const MAX_BUCKET_SCAN = 64;

export class DuplicateIndex {
  private readonly buckets = new Map<string, string[]>();
  private readonly entries = new Map<string, { fp: Fingerprint; seq: number }>();
  private nextSeq = 0;

  get size(): number { return this.entries.size; }

  add(id: string, fp: Fingerprint): void {
    if (this.entries.has(id)) this.remove(id);
    this.entries.set(id, { fp, seq: this.nextSeq++ });
    for (const key of fp.bands) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(id); else this.buckets.set(key, [id]);
    }
  }

  remove(id: string): void {
    const fp = this.entries.get(id)?.fp;
    if (!fp) return;
    this.entries.delete(id);
    for (const key of fp.bands) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      const at = bucket.lastIndexOf(id);
      if (at >= 0) bucket.splice(at, 1);
      if (bucket.length === 0) this.buckets.delete(key);
    }
  }

  /** Ids that share a band key with fp: at most MAX_BUCKET_SCAN most recent per key, each once. */
  candidates(fp: Fingerprint): string[] {
    const seen = new Set<string>();
    for (const key of fp.bands) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      for (let i = bucket.length - 1; i >= 0 && i >= bucket.length - MAX_BUCKET_SCAN; i--) seen.add(bucket[i]);
    }
    return [...seen];
  }

  /** The id of the most similar indexed ad that is a duplicate of fp (earliest added on ties). */
  findDuplicate(fp: Fingerprint): string | undefined {
    let best: string | undefined;
    let bestScore = -1;
    let bestOrder = Infinity;
    for (const id of this.candidates(fp)) {
      const { fp: other, seq: order } = this.entries.get(id)!;
      if (!isDuplicate(fp, other)) continue;
      const score = similarity(fp.signature, other.signature);
      if (score > bestScore || (score === bestScore && order < bestOrder)) { best = id; bestScore = score; bestOrder = order; }
    }
    return best;
  }
}
