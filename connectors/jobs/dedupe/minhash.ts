// MinHash over word 3-shingles. Each shingle is a 32-bit hash of three word hashes; each of the
// SIGNATURE_SIZE hash functions is the murmur3 finaliser of the shingle xor a fixed salt, which
// mixes well enough for Jaccard estimates and costs a few integer operations.

export const SHINGLE_WORDS = 3;
export const SIGNATURE_SIZE = 64;
export const BANDS = 16;
export const ROWS_PER_BAND = SIGNATURE_SIZE / BANDS;

/** FNV-1a over UTF-16 units (the same hash wordHashes computes while scanning). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SALTS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix32(0x9e3779b9 + Math.imul(i + 1, 0x7f4a7c15)));

/**
 * Shingle hashes of a text's word hashes (a text shorter than a shingle is one shingle). Repeats are
 * kept: they cannot change a minimum, and skipping the dedupe is cheaper.
 */
export function shingles(words: Uint32Array): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  if (words.length < SHINGLE_WORDS) return Uint32Array.of(fmix32(words.reduce((h, w) => Math.imul(h ^ w, 0x01000193), 0x811c9dc5)));
  const out = new Uint32Array(words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < out.length; i++) {
    out[i] = fmix32(Math.imul(words[i], 0x01000193) ^ Math.imul(words[i + 1], 0x5bd1e995) ^ words[i + 2]);
  }
  return out;
}

/** The minimum of each salted hash over the shingles; all 0xffffffff when there are none. */
export function minhash(shingleHashes: Uint32Array): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let s = 0; s < shingleHashes.length; s++) {
    const x = shingleHashes[s];
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = fmix32(x ^ SALTS[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of positions where the signatures agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** One short hash per band of ROWS_PER_BAND signature values, as 8 hex digits. */
export function bandHashes(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS_PER_BAND; r++) h = fmix32(Math.imul(h, 0x01000193) ^ sig[b * ROWS_PER_BAND + r]);
    out.push(h.toString(16).padStart(8, '0'));
  }
  return out;
}
