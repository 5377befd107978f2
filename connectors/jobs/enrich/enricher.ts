// createEnricher(): finds taxonomy concepts in an ad's headline and text. Per ad the work is one
// pass over the words plus a few Map lookups per word (no regular expression per label), and the
// text read is capped, so an ad of any size costs at most a bounded amount.
import type { Concept, EnrichedConcept, TaxonomyIndex } from '../../../vocab/index.ts';
import { buildLabelIndex, type LabelIndex } from './label-index.ts';
import { findLicences } from './licences.ts';
import { findSurfaces, WordForms } from './match.ts';
import { resolveHit, type Mention } from './resolve.ts';
import { tokenise, type Tokenised } from './tokens.ts';

export interface EnrichInput { headline?: string; text?: string }
export interface Enricher {
  enrich(input: EnrichInput): EnrichedConcept[];
}

/** Text past this many characters is not read (an ad is a few thousand). */
export const MAX_TEXT_CHARS = 20_000;
export const MAX_HEADLINE_CHARS = 500;
/** Concepts found with less confidence are not reported. */
export const MIN_CONFIDENCE = 0.5;
/** Each further mention of a concept adds this much, up to REPEAT_BONUS_MAX. */
const REPEAT_BONUS = 0.04;
const REPEAT_BONUS_MAX = 0.08;
const LICENCE_CONFIDENCE = 0.95;
/** Weight of an occupation found only in the text when the headline names one. */
const TEXT_OCCUPATION_WEIGHT = 0.6;

export function createEnricher(taxonomy: TaxonomyIndex): Enricher {
  let index: LabelIndex | undefined;
  let licences: Map<string, Concept> | undefined;
  return {
    enrich(input) {
      index ??= buildLabelIndex(taxonomy);
      licences ??= new Map(taxonomy.byType('driving-license').map((c) => [c.label, c]));
      return enrichAd(index, licences, input);
    },
  };
}

function enrichAd(index: LabelIndex, licences: Map<string, Concept>, input: EnrichInput): EnrichedConcept[] {
  const fields: Array<{ words: Tokenised; inHeadline: boolean }> = [];
  if (typeof input.headline === 'string' && input.headline !== '') fields.push({ words: tokenise(input.headline, MAX_HEADLINE_CHARS), inHeadline: true });
  if (typeof input.text === 'string' && input.text !== '') fields.push({ words: tokenise(input.text, MAX_TEXT_CHARS), inHeadline: false });

  let adWords: Set<string> | undefined;
  const evidence = (qualifierForms: readonly string[][]): number => {
    if (!adWords) {
      adWords = new Set();
      for (const f of fields) for (const t of f.words.tokens) adWords.add(t.norm);
    }
    let n = 0;
    for (const forms of qualifierForms) if (forms.some((f) => adWords!.has(f))) n++;
    return n;
  };

  const mentions: Mention[] = [];
  for (const { words, inHeadline } of fields) {
    const { tokens, text } = words;
    const used = new Set<number>();
    for (const l of findLicences(tokens)) {
      const concept = licences.get(l.label);
      for (let i = l.first; i <= l.last; i++) used.add(i);
      if (!concept) continue;
      const term = text.slice(tokens[l.first].start, tokens[l.last].end);
      mentions.push({ concept, confidence: LICENCE_CONFIDENCE * (inHeadline ? 1 : 0.9), term, inHeadline });
    }
    const forms = new WordForms(tokens, index);
    const ctx = { index, tokens, text, inHeadline, evidence };
    for (const hit of findSurfaces(tokens, used, index, forms)) mentions.push(...resolveHit(hit, ctx));
  }
  // The headline names the job: other occupations in the text are mostly colleagues ("du arbetar med läkare").
  if (mentions.some((m) => m.inHeadline && m.concept.type === 'occupation-name')) {
    for (const m of mentions) if (!m.inHeadline && m.concept.type === 'occupation-name') m.confidence *= TEXT_OCCUPATION_WEIGHT;
  }
  return aggregate(mentions);
}

/** One result per concept: the best mention's confidence and words, a little more for each repeat. */
function aggregate(mentions: Mention[]): EnrichedConcept[] {
  const byId = new Map<string, { best: Mention; count: number }>();
  for (const m of mentions) {
    const seen = byId.get(m.concept.id);
    if (!seen) byId.set(m.concept.id, { best: m, count: 1 });
    else {
      seen.count++;
      if (m.confidence > seen.best.confidence) seen.best = m;
    }
  }
  const out: EnrichedConcept[] = [];
  for (const { best, count } of byId.values()) {
    const confidence = Math.min(1, best.confidence + Math.min(REPEAT_BONUS_MAX, REPEAT_BONUS * (count - 1)));
    if (confidence < MIN_CONFIDENCE) continue;
    out.push({ id: best.concept.id, type: best.concept.type, label: best.concept.label, term: best.term, confidence: Math.round(confidence * 100) / 100 });
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.type.localeCompare(b.type) || a.label.localeCompare(b.label));
}
