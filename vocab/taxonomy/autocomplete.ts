// Label autocomplete over a fixed set of concepts: one concatenated key string per key kind and an
// owner table, so a query is a handful of String.indexOf scans instead of a loop over every label.
import { foldKey, hasSwedishLetter, svKey, swedishCollator } from './normalize.ts';

export type MatchPosition = 'full' | 'prefix' | 'word' | 'infix';
export interface Match<T> {
  item: T;
  /** Where the query matched: the whole label, its start, the start of a later word, or inside a word. */
  position: MatchPosition;
  /** false when the match needed folding å/ä → a or ö → o (the user typed without Swedish letters). */
  exact: boolean;
}

const POSITIONS: MatchPosition[] = ['full', 'prefix', 'word', 'infix'];
const SEP = '\n';

export class Autocompleter<T> {
  private readonly items: T[];
  private readonly lengths: Int32Array;
  private readonly starts: Int32Array;
  private readonly owner: Int32Array;
  private readonly svHay: string;
  private readonly foldHay: string;

  constructor(items: readonly T[], label: (item: T) => string) {
    // Swedish alphabetical order is the final tie-breaker, so it is baked into the item order.
    this.items = [...items].sort((a, b) => swedishCollator.compare(label(a), label(b)));
    const keys = this.items.map((i) => svKey(label(i)));
    this.lengths = Int32Array.from(keys, (k) => k.length);
    this.starts = new Int32Array(keys.length);
    let hay = SEP;
    keys.forEach((k, i) => { this.starts[i] = hay.length; hay += k + SEP; });
    this.svHay = hay;
    this.foldHay = foldKey(hay);
    this.owner = new Int32Array(hay.length).fill(-1);
    keys.forEach((k, i) => this.owner.fill(i, this.starts[i], this.starts[i] + k.length));
  }

  get size(): number { return this.items.length; }

  search(query: string, limit = 10): Array<Match<T>> {
    const sv = svKey(query);
    if (sv === '' || limit <= 0) return [];
    // With å/ä/ö in the query the user writes Swedish properly: match exactly, no folding.
    const strict = hasSwedishLetter(sv);
    const needle = strict ? sv : foldKey(sv);
    const hay = strict ? this.svHay : this.foldHay;
    const best = new Map<number, number>(); // item -> tier (lower is better)
    for (let pos = hay.indexOf(needle); pos !== -1; pos = hay.indexOf(needle, pos + 1)) {
      const i = this.owner[pos];
      if (i < 0) continue;
      const start = this.starts[i];
      const where = pos === start ? (needle.length === this.lengths[i] ? 0 : 1) : hay.charCodeAt(pos - 1) === 32 ? 2 : 3;
      const exact = strict || this.svHay.startsWith(sv, pos);
      const tier = where * 2 + (exact ? 0 : 1);
      const prev = best.get(i);
      if (prev === undefined || tier < prev) best.set(i, tier);
    }
    const buckets: number[][] = Array.from({ length: 8 }, () => []);
    for (const [i, tier] of best) buckets[tier].push(i);
    const out: Array<Match<T>> = [];
    for (let tier = 0; tier < 8 && out.length < limit; tier++) {
      // Shorter labels first (closer to what was typed), then Swedish alphabetical order.
      const b = buckets[tier].sort((x, y) => this.lengths[x] - this.lengths[y] || x - y);
      for (const i of b.slice(0, limit - out.length)) {
        out.push({ item: this.items[i], position: POSITIONS[tier >> 1], exact: (tier & 1) === 0 });
      }
    }
    return out;
  }
}
