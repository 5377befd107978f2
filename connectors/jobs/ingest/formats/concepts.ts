// Taxonomy look-ups the formats need, built once per taxonomy: legacy id -> concept per type and
// label -> concept per type (exact label, case-insensitive). TaxonomyIndex.byLegacyId is a linear scan.
import type { Concept, ConceptRef, JobAd, TaxonomyIndex } from '../../../../vocab/index.ts';

interface Lookups { legacy: Map<string, Concept>; label: Map<string, Concept> }
const cache = new WeakMap<TaxonomyIndex, Lookups>();

function lookups(taxonomy: TaxonomyIndex): Lookups {
  let l = cache.get(taxonomy);
  if (!l) {
    l = { legacy: new Map(), label: new Map() };
    for (const type of taxonomy.types()) {
      for (const c of taxonomy.byType(type)) {
        if (c.legacyId !== undefined) l.legacy.set(`${type}\n${c.legacyId}`, c);
        const key = `${type}\n${c.label.toLocaleLowerCase('sv')}`;
        if (!l.label.has(key)) l.label.set(key, c);
      }
    }
    cache.set(taxonomy, l);
  }
  return l;
}

export const conceptByLegacyId = (taxonomy: TaxonomyIndex, type: string, legacyId: string): Concept | undefined =>
  lookups(taxonomy).legacy.get(`${type}\n${legacyId}`);

export const conceptByLabel = (taxonomy: TaxonomyIndex, type: string, label: string): Concept | undefined =>
  label.length > 200 ? undefined : lookups(taxonomy).label.get(`${type}\n${label.trim().toLocaleLowerCase('sv')}`);

/** A reference to a concept as the ad should carry it: id, the taxonomy's label, legacy id. */
export const refOf = (c: Concept): ConceptRef => ({ id: c.id, label: c.label, ...(c.legacyId === undefined ? {} : { legacyId: c.legacyId }) });

/** An occupation with the group and field the taxonomy puts it under. */
export function withAncestors(occupation: ConceptRef, taxonomy: TaxonomyIndex): Partial<JobAd> {
  const out: Partial<JobAd> = { occupation };
  if (occupation.id === undefined) return out;
  for (const a of taxonomy.ancestors(occupation.id)) {
    if (a.type === 'occupation-group') out.occupationGroup = refOf(a);
    if (a.type === 'occupation-field') out.occupationField = refOf(a);
  }
  return out;
}
