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
const NONE = 255;

export class Autocompleter<T> {
  private readonly items: T[];
  private readonly lengths: Int32Array;
  private readonly starts: Int32Array;
  private readonly owner: Int32Array;
  private readonly svHay: string;
  private readonly foldHay: string;
  // Scratch space reused by every query (searches are synchronous, so this is safe).
  private readonly best: Uint8Array;
  private readonly touched: Int32Array;

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
    this.best = new Uint8Array(keys.length).fill(NONE);
    this.touched = new Int32Array(keys.length);
  }

  get size(): number { return this.items.length; }

  search(query: string, limit = 10): Array<Match<T>> {
    const sv = svKey(query);
    if (sv === '' || limit <= 0) return [];
    // With å/ä/ö in the query the user writes Swedish properly: match exactly, no folding.
    const strict = hasSwedishLetter(sv);
    const needle = strict ? sv : foldKey(sv);
    const hay = strict ? this.svHay : this.foldHay;
    const best = this.best;
    let touched = 0;
    for (let pos = hay.indexOf(needle); pos !== -1; pos = hay.indexOf(needle, pos + 1)) {
      const i = this.owner[pos];
      if (i < 0) continue;
      const start = this.starts[i];
      const where = pos === start ? (needle.length === this.lengths[i] ? 0 : 1) : hay.charCodeAt(pos - 1) === 32 ? 2 : 3;
      const exact = strict || this.svHay.startsWith(sv, pos);
      const tier = where * 2 + (exact ? 0 : 1);
      if (best[i] === NONE) this.touched[touched++] = i;
      if (tier < best[i]) best[i] = tier;
      // Later hits in the same label are word or infix matches; past a prefix match they cannot win.
      if (best[i] <= 3) pos = start + this.lengths[i];
    }
    // Top `limit` per tier by (label length, Swedish order), without sorting every hit.
    const out: Array<Match<T>> = [];
    for (let tier = 0; tier < 8 && out.length < limit; tier++) {
      const top: number[] = [];
      const want = limit - out.length;
      for (let k = 0; k < touched; k++) {
        const i = this.touched[k];
        if (best[i] !== tier) continue;
        if (top.length === want && !this.before(i, top[want - 1])) continue;
        let j = Math.min(top.length, want - 1);
        top[j] = i;
        while (j > 0 && this.before(top[j], top[j - 1])) { [top[j], top[j - 1]] = [top[j - 1], top[j]]; j--; }
      }
      for (const i of top) out.push({ item: this.items[i], position: POSITIONS[tier >> 1], exact: (tier & 1) === 0 });
    }
    for (let k = 0; k < touched; k++) best[this.touched[k]] = NONE;
    return out;
  }

  /** Shorter labels first (closer to what was typed), then Swedish alphabetical order. */
  private before(a: number, b: number): boolean {
    return this.lengths[a] - this.lengths[b] < 0 || (this.lengths[a] === this.lengths[b] && a < b);
  }
}
