// From a surface found in the words to the concept it means, with a confidence. This is where
// ambiguity is weighed: several concepts share a name (the ad's other words choose, or a general
// title stands in), short labels must be written as the taxonomy writes them, places must look like
// names, and a language must be spoken of as a language.
import type { Concept } from '../../../vocab/index.ts';
import type { LabelIndex } from './label-index.ts';
import type { RawHit } from './match.ts';
import type { Surface } from './surfaces.ts';
import type { Token } from './tokens.ts';

export interface Mention { concept: Concept; confidence: number; term: string; inHeadline: boolean }

export interface ResolveContext {
  index: LabelIndex;
  tokens: readonly Token[];
  text: string;
  inHeadline: boolean;
  /** How many of these qualifier words the ad uses (each given as the forms it may be written in). */
  evidence(qualifierForms: readonly string[][]): number;
}

const PLACE_TYPES = new Set(['municipality', 'region', 'country']);
const PLACE_CUE_BEFORE = new Set(['i', 'på', 'till', 'från', 'utanför', 'nära', 'ort', 'arbetsort', 'placering', 'placeringsort', 'stationerad', 'kontor', 'kontoret', 'region', 'centrala', 'norra', 'södra', 'västra', 'östra']);
const PLACE_CUE_AFTER = new Set(['kommun', 'kommuns', 'län', 'stad', 'centrum', 'området', 'kommunen']);
/** Municipalities whose name is also a common word or first name: found only with a place cue. */
const COMMON_WORD_PLACES = new Set(['vara', 'mark', 'kil', 'eda', 'ale', 'nora', 'mora', 'bjuv', 'salem', 'sala', 'orsa', 'tibro', 'ydre', 'åre', 'boden', 'lund']);
const LANGUAGE_CUES = new Set([
  'kunskap', 'kunskaper', 'språk', 'språket', 'språkkunskaper', 'talar', 'tala', 'skriver', 'skriva', 'flytande', 'behärskar', 'behärska',
  'tal', 'skrift', 'modersmål', 'obehärskad', 'obehärskat', 'muntligt', 'skriftligt', 'muntlig', 'skriftlig', 'god', 'goda', 'mycket',
  'meriterande', 'krav', 'kommunicera', 'kommunikation', 'svenska', 'engelska', 'på',
]);
const WEAK_LANGUAGE_CUES = ['på', 'god', 'goda', 'mycket', 'svenska', 'engelska', 'krav', 'meriterande'];
const LANGUAGE_STRONG_CUES = new Set([...LANGUAGE_CUES].filter((w) => !WEAK_LANGUAGE_CUES.includes(w)));
const LANGUAGE_WINDOW = 6;

const TEXT_WEIGHT = 0.85;

export function resolveHit(hit: RawHit, ctx: ResolveContext): Mention[] {
  const first = ctx.tokens[hit.first];
  const term = ctx.text.slice(first.start, ctx.tokens[hit.last].end);
  const byType = new Map<string, Surface[]>();
  for (const s of hit.surfaces) {
    const list = byType.get(s.concept.type) ?? [];
    list.push(s);
    byType.set(s.concept.type, list);
  }
  const general = ctx.index.generalTitles.get(hit.key);
  if (general && !byType.has(general.type)) byType.set(general.type, []);
  const someTypeIsFull = hit.surfaces.some((s) => s.kind === 'full');

  const out: Mention[] = [];
  for (const [type, surfaces] of byType) {
    if (hit.compound && PLACE_TYPES.has(type)) continue;
    if (hit.compound && type === 'language') continue;
    const chosen = choose(surfaces, type === general?.type ? general : undefined, someTypeIsFull, ctx);
    if (!chosen) continue;
    let confidence = chosen.confidence * gate(hit, chosen.surface, type, ctx);
    if (confidence <= 0) continue;
    if (hit.formKind === 'inflected') confidence *= 0.95;
    if (hit.compound === 'tail') confidence *= 0.75;
    if (hit.compound === 'head') confidence *= 0.7;
    if (!ctx.inHeadline) confidence *= TEXT_WEIGHT;
    out.push({ concept: chosen.concept, confidence, term, inHeadline: ctx.inHeadline });
  }
  return out;
}

interface Choice { concept: Concept; confidence: number; surface?: Surface }

function choose(surfaces: Surface[], general: Concept | undefined, someTypeIsFull: boolean, ctx: ResolveContext): Choice | undefined {
  const fulls = surfaces.filter((s) => s.kind === 'full');
  if (fulls.length > 0) {
    const distinct = new Set(fulls.map((s) => s.concept.id));
    if (distinct.size === 1) return { concept: fulls[0].concept, confidence: 0.95, surface: fulls[0] };
    const best = byEvidence(fulls, ctx, false);
    return { concept: (best ?? fulls[0]).concept, confidence: best ? 0.85 : 0.7, surface: best ?? fulls[0] };
  }
  const eligible = surfaces.filter((s) => !s.needsEvidence && !someTypeIsFull);
  const best = byEvidence(surfaces, ctx, general !== undefined);
  if (best) return { concept: best.concept, confidence: 0.85, surface: best };
  if (general) return { concept: general, confidence: 0.8 };
  const distinct = new Set(eligible.map((s) => s.concept.id));
  if (distinct.size === 1) return { concept: eligible[0].concept, confidence: 0.85, surface: eligible[0] };
  return undefined;
}

/**
 * The surface whose qualifier the ad uses most (shorter label on ties). At least half of the
 * qualifier's words must be in the ad; against a general title, all of them or two.
 */
function byEvidence(surfaces: Surface[], ctx: ResolveContext, againstGeneral: boolean): Surface | undefined {
  let best: Surface | undefined;
  let bestScore = 0;
  for (const s of surfaces) {
    if (s.qualifier.length === 0) continue;
    const used = ctx.evidence(s.qualifierForms);
    const enough = againstGeneral ? used >= 2 || used === s.qualifier.length : used * 2 >= s.qualifier.length;
    if (!enough) continue;
    const score = used / s.qualifier.length;
    if (score > bestScore || (score === bestScore && best && s.concept.label.length < best.concept.label.length)) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

/** Multiplier for how the words are written where they were found; 0 = not this concept here. */
function gate(hit: RawHit, surface: Surface | undefined, type: string, ctx: ResolveContext): number {
  const first = ctx.tokens[hit.first];
  if (surface?.shortCase && !hit.compound) {
    const writtenCaps = surface.shortCase === 'caps';
    if (writtenCaps ? !first.allCaps : !first.capital) return 0;
    // "Vi", "Go": a capital at a sentence start is no sign of a name.
    if (!writtenCaps && first.sentenceStart) return 0;
    if (surface.letterCount <= 2) return type === 'skill' ? 0.6 : 0.8;
  }
  if (PLACE_TYPES.has(type)) return placeGate(hit, type, ctx);
  if (type === 'language') return languageGate(hit, ctx);
  return 1;
}

function placeGate(hit: RawHit, type: string, ctx: ResolveContext): number {
  const { tokens } = ctx;
  const first = tokens[hit.first];
  if (!first.capital || hit.formKind === 'inflected') return 0;
  const before = tokens[hit.first - 1];
  const after = tokens[hit.last + 1];
  const cue = (before !== undefined && !first.sentenceStart && PLACE_CUE_BEFORE.has(before.norm)) ||
    (after !== undefined && !after.sentenceStart && PLACE_CUE_AFTER.has(after.norm));
  if (type === 'municipality' && hit.first === hit.last && COMMON_WORD_PLACES.has(first.norm) && !cue) return 0;
  // A name of several capitalised words ("Stockholms län", "Upplands Väsby") is a name wherever it stands.
  let g = cue || hit.last > hit.first ? 1 : first.sentenceStart ? 0.65 : 0.9;
  // "kontakta Nora Svensson": a capitalised word right after reads as a person's name.
  if (!cue && after && after.capital && !after.sentenceStart) g *= 0.6;
  if (hit.formKind === 'genitive') g *= 0.85;
  if (type === 'country') g *= 0.8;
  return g;
}

function languageGate(hit: RawHit, ctx: ResolveContext): number {
  const { tokens } = ctx;
  let strong = false;
  let weak = 0;
  for (let i = Math.max(0, hit.first - LANGUAGE_WINDOW); i <= Math.min(tokens.length - 1, hit.last + LANGUAGE_WINDOW); i++) {
    if (i >= hit.first && i <= hit.last) continue;
    const w = tokens[i].norm;
    if (LANGUAGE_STRONG_CUES.has(w)) strong = true;
    else if (LANGUAGE_CUES.has(w)) weak++;
  }
  return strong ? 1 : weak >= 2 ? 0.7 : 0.45;
}
