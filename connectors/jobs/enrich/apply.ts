// applyEnrichment(): what enrichment found, added to an ad. The source's structured fields are
// the truth and stay as they are; the only one filled from text is a missing occupation, and only
// from a confident find.
import type { EnrichedConcept, JobAd } from '../../../vocab/index.ts';

/** A missing occupation is taken from the text only at this confidence or more. */
export const OCCUPATION_FILL_CONFIDENCE = 0.8;

/** keywords.enriched categories as JobSearch names them, by concept type. */
const KEYWORD_CATEGORY: Record<string, string> = {
  'occupation-name': 'occupation', skill: 'skill', municipality: 'location', region: 'location', country: 'location', language: 'language',
};

export function applyEnrichment(ad: JobAd, found: EnrichedConcept[]): JobAd {
  const concepts = [...found].sort((a, b) => b.confidence - a.confidence);
  const ours: Record<string, string[]> = { occupation: [], skill: [], location: [], language: [] };
  for (const c of concepts) {
    const category = KEYWORD_CATEGORY[c.type];
    if (category) ours[category].push(c.label.toLowerCase());
  }
  // Keywords the source already enriched are kept, ours added after them.
  const given = ad.keywords?.enriched ?? {};
  const enriched: Record<string, string[]> = { ...given };
  for (const [category, values] of Object.entries(ours)) enriched[category] = [...new Set([...(given[category] ?? []), ...values])];

  const out: JobAd = { ...ad, enrichedConcepts: concepts, keywords: { ...ad.keywords, enriched } };
  const hasOccupation = ad.occupation !== undefined && (ad.occupation.id !== undefined || ad.occupation.label !== undefined || ad.occupation.legacyId !== undefined);
  const top = concepts.find((c) => c.type === 'occupation-name');
  if (!hasOccupation && top && top.confidence >= OCCUPATION_FILL_CONFIDENCE) out.occupation = { id: top.id, label: top.label };
  return out;
}
