// In-memory JobTech Taxonomy: lookup by id/type/legacy id, broader/narrower walks, ESCO matches and
// label autocomplete. Built lazily, once per process (see getTaxonomy()).
import { Autocompleter, type Match } from './autocomplete.ts';
import { loadConcepts, loadEscoMatches, type Concept, type EscoMatch } from './data.ts';

export interface SearchOptions { type?: string | string[]; limit?: number }
export interface SearchHit { concept: Concept; position: Match<Concept>['position']; exact: boolean }

export class TaxonomyIndex {
  private readonly byIdMap = new Map<string, Concept>();
  private readonly byTypeMap = new Map<string, Concept[]>();
  private narrowerMap?: Map<string, Concept[]>;
  private escoMap?: Map<string, EscoMatch[]>;
  private readonly completers = new Map<string, Autocompleter<Concept>>();

  constructor(concepts: readonly Concept[], private readonly escoLoader: () => Map<string, EscoMatch[]> = () => new Map()) {
    for (const c of concepts) {
      this.byIdMap.set(c.id, c);
      const list = this.byTypeMap.get(c.type) ?? [];
      list.push(c);
      this.byTypeMap.set(c.type, list);
    }
  }

  get size(): number { return this.byIdMap.size; }
  get(id: string): Concept | undefined { return this.byIdMap.get(id); }
  has(id: string): boolean { return this.byIdMap.has(id); }
  types(): string[] { return [...this.byTypeMap.keys()].sort(); }
  byType(type: string): readonly Concept[] { return this.byTypeMap.get(type) ?? []; }
  byLegacyId(type: string, legacyId: string): Concept | undefined {
    return this.byType(type).find((c) => c.legacyId === legacyId);
  }

  broader(id: string): Concept | undefined {
    const b = this.get(id)?.broader;
    return b === undefined ? undefined : this.get(b);
  }
  /** Broader chain, nearest first: occupation-name -> occupation-group -> occupation-field. */
  ancestors(id: string): Concept[] {
    const out: Concept[] = [];
    const seen = new Set<string>([id]);
    for (let c = this.broader(id); c && !seen.has(c.id); c = this.broader(c.id)) { out.push(c); seen.add(c.id); }
    return out;
  }
  narrower(id: string): readonly Concept[] {
    if (!this.narrowerMap) {
      this.narrowerMap = new Map();
      for (const c of this.byIdMap.values()) {
        if (c.broader === undefined) continue;
        const list = this.narrowerMap.get(c.broader) ?? [];
        list.push(c);
        this.narrowerMap.set(c.broader, list);
      }
    }
    return this.narrowerMap.get(id) ?? [];
  }
  /** Every concept below id, breadth-first. */
  descendants(id: string): Concept[] {
    const out: Concept[] = [];
    const queue = [...this.narrower(id)];
    for (let c = queue.shift(); c; c = queue.shift()) { out.push(c); queue.push(...this.narrower(c.id)); }
    return out;
  }
  escoMatches(id: string): readonly EscoMatch[] {
    this.escoMap ??= this.escoLoader();
    return this.escoMap.get(id) ?? [];
  }

  /** Autocomplete on labels; see normalize.ts for the Swedish matching rules. */
  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    const types = opts.type === undefined ? [] : (Array.isArray(opts.type) ? opts.type : [opts.type]);
    const key = [...types].sort().join(',');
    let completer = this.completers.get(key);
    if (!completer) {
      const items = types.length === 0 ? [...this.byIdMap.values()] : types.flatMap((t) => this.byType(t));
      completer = new Autocompleter(items, (c) => c.label);
      this.completers.set(key, completer);
    }
    return completer.search(query, opts.limit ?? 10).map((m) => ({ concept: m.item, position: m.position, exact: m.exact }));
  }
}

let shared: TaxonomyIndex | undefined;
/** The shipped taxonomy, loaded on first use and then shared. */
export function getTaxonomy(): TaxonomyIndex {
  shared ??= new TaxonomyIndex(loadConcepts(), loadEscoMatches);
  return shared;
}

export type { Concept, EscoMatch, EscoRelation } from './data.ts';
