// A body of ads -> what a source yields: the ads (parsed and validated) and the source ids of ads
// the body marks as removed (JobStream `removed: true`, legacy `avpublicerad: true`).
import type { TaxonomyIndex } from '../../../../vocab/index.ts';
import { parseBatch } from '../formats/index.ts';
import { isObject } from '../formats/limits.ts';
import type { AdFormat, ParsedAd } from '../types.ts';

export interface SplitBatch { ads: ParsedAd[]; removedSourceIds: string[] }

const removedId = (item: unknown): string | undefined => {
  if (!isObject(item)) return undefined;
  const flagged = item.removed === true || item.avpublicerad === true;
  const id = item.id ?? item.annonsId;
  return flagged && (typeof id === 'string' || Number.isSafeInteger(id)) ? String(id) : undefined;
};

/** Removals are taken out before parsing (a JobStream removal carries no ad); indexes stay those of the body. */
export function splitBatch(body: unknown, format: AdFormat | 'auto', taxonomy: TaxonomyIndex, maxAds?: number): SplitBatch {
  const list = isObject(body) && Array.isArray(body.testannonser) ? body.testannonser
    : isObject(body) && Array.isArray(body.hits) ? body.hits : body;
  if (!Array.isArray(list) || format === 'jsonld') return { ads: parseBatch(body, format, taxonomy, { maxAds }), removedSourceIds: [] };
  const removedSourceIds: string[] = [];
  const kept: unknown[] = [];
  const positions: number[] = [];
  list.forEach((item, i) => {
    const id = removedId(item);
    if (id !== undefined) removedSourceIds.push(id);
    else { kept.push(item); positions.push(i); }
  });
  const ads = parseBatch(kept, format === 'auto' && isObject(body) && 'testannonser' in body ? 'legacy' : format, taxonomy, { maxAds })
    .map((p) => ({ ...p, index: positions[p.index] ?? list.length }));
  return { ads, removedSourceIds };
}
