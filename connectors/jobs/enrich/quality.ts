// Precision and recall of an enricher on a labelled set, per concept type and overall.
import type { Enricher } from './enricher.ts';
import { LABELLED_TYPES, type LabelledAd } from './labelled-ads.ts';

export interface Score { truePositives: number; falsePositives: number; falseNegatives: number; precision: number; recall: number }
export interface QualityReport {
  byType: Record<string, Score>;
  overall: Score;
  /** What was found but not expected, and expected but not found, per ad (for reading, not scoring). */
  misses: Array<{ headline: string; unexpected: string[]; missing: string[] }>;
}

const LABELLED = new Set<string>(LABELLED_TYPES);

function score(tp: number, fp: number, fn: number): Score {
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

export function measureQuality(enricher: Enricher, ads: readonly LabelledAd[]): QualityReport {
  const counts = new Map<string, [number, number, number]>(LABELLED_TYPES.map((t) => [t, [0, 0, 0]]));
  const misses: QualityReport['misses'] = [];
  for (const ad of ads) {
    const found = enricher.enrich({ headline: ad.headline, text: ad.text }).filter((c) => LABELLED.has(c.type));
    const expected = new Set(Object.values(ad.expected).flat());
    const foundIds = new Set(found.map((c) => c.id));
    const unexpected: string[] = [];
    const missing: string[] = [];
    for (const c of found) {
      const n = counts.get(c.type)!;
      if (expected.has(c.id)) n[0]++;
      else { n[1]++; unexpected.push(`${c.type}:${c.label} <- "${c.term}" ${c.confidence}`); }
    }
    for (const [type, ids] of Object.entries(ad.expected)) {
      for (const id of ids ?? []) if (!foundIds.has(id)) { counts.get(type)![2]++; missing.push(`${type}:${id}`); }
    }
    if (unexpected.length || missing.length) misses.push({ headline: ad.headline, unexpected, missing });
  }
  const byType: Record<string, Score> = {};
  let [tp, fp, fn] = [0, 0, 0];
  for (const [type, [a, b, c]] of counts) {
    byType[type] = score(a, b, c);
    tp += a; fp += b; fn += c;
  }
  return { byType, overall: score(tp, fp, fn), misses };
}
