// A small seeded PRNG (sfc32: 128-bit state, period at least 2^32 per stream) and the draws the
// generator needs. Only 32-bit integer arithmetic, so the same seed gives the same sequence
// everywhere. A 128-bit state keeps the streams of different (seed, stream) pairs apart; a 32-bit
// generator seeded per ad would let some of 100k streams overlap.

export class Random {
  private a: number; private b: number; private c: number; private d: number;
  constructor(seed: number, stream = 0) {
    this.a = seed >>> 0; this.b = stream >>> 0; this.c = 0x9e3779b9; this.d = 1;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number { return this.nextUint32() / 4294967296; }
  /** Integer in [min, max]. */
  int(min: number, max: number): number { return min + Math.floor(this.next() * (max - min + 1)); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(items: readonly T[]): T { return items[Math.floor(this.next() * items.length)]; }
  /** Index drawn with a power-law skew: low indexes are much more likely (exponent > 1). */
  skewedIndex(length: number, exponent: number): number { return Math.min(length - 1, Math.floor(length * this.next() ** exponent)); }
  /** k distinct items in draw order (fewer when the list is shorter). */
  sample<T>(items: readonly T[], k: number): T[] {
    const chosen = new Set<number>();
    const n = Math.min(k, items.length);
    while (chosen.size < n) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].map((i) => items[i]);
  }
}

/** Cumulative weights for repeated weighted picks. */
export class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(private readonly items: readonly T[], weight: (item: T) => number) {
    let sum = 0;
    for (const item of items) { sum += weight(item); this.cumulative.push(sum); }
    this.total = sum;
  }
  pick(random: Random): T {
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > target) hi = mid; else lo = mid + 1;
    }
    return this.items[lo];
  }
}
