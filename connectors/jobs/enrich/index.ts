// Enrichment of job ads: taxonomy concepts found in headline and text. See README.md.
export { createEnricher, MAX_TEXT_CHARS, MAX_HEADLINE_CHARS, MIN_CONFIDENCE } from './enricher.ts';
export type { Enricher, EnrichInput } from './enricher.ts';
export { applyEnrichment, OCCUPATION_FILL_CONFIDENCE } from './apply.ts';
