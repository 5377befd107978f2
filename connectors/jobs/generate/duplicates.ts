// A set of ads with known duplicates, for measuring duplicate detection: each vacancy is published
// once and sometimes copied to other boards with small edits (same vacancy: must merge), and some
// employers publish another vacancy of the same occupation in the same place (must not merge).
import type { JobSearchAd, TaxonomyIndex } from '../../../vocab/index.ts';
import { boardCopy } from './edits.ts';
import { generateAds, generateVariant } from './generate.ts';
import { Random } from './prng.ts';

export interface DuplicateSetOptions {
  seed: number;
  /** Number of distinct vacancies (the set has about 1.5 times as many ads). */
  count: number;
  taxonomy: TaxonomyIndex;
  /** Share of vacancies that get board copies (default 0.3) and that get a hard negative (default 0.15). */
  copyRate?: number;
  hardNegativeRate?: number;
}

export interface DuplicateSet {
  /** All ads, each vacancy's original first, then its copies and hard negatives right after it. */
  ads: JobSearchAd[];
  /** Ids that are the same vacancy (groups of two or more). */
  groups: string[][];
  /** Pairs of ids of one employer, municipality and occupation that are different vacancies. */
  hardNegatives: Array<[string, string]>;
  /** Which edits made each copy (copy id -> edit names). */
  edits: Map<string, string[]>;
}

export function generateDuplicateSet(options: DuplicateSetOptions): DuplicateSet {
  const { seed, count, taxonomy } = options;
  const copyRate = options.copyRate ?? 0.3;
  const hardNegativeRate = options.hardNegativeRate ?? 0.15;
  const random = new Random(seed, 0xd00b);
  const out: DuplicateSet = { ads: [], groups: [], hardNegatives: [], edits: new Map() };
  let n = 0;
  for (const ad of generateAds({ seed, count, taxonomy })) {
    out.ads.push(ad);
    if (random.chance(copyRate)) {
      const group = [ad.id];
      for (let k = random.int(1, 3); k > 0; k--) {
        const copy = boardCopy(ad, random, `${ad.id}-copy${k}`);
        out.ads.push(copy.ad);
        out.edits.set(copy.ad.id, copy.edits);
        group.push(copy.ad.id);
      }
      out.groups.push(group);
    }
    if (random.chance(hardNegativeRate)) {
      const other = generateVariant(taxonomy, ad, seed, n, `${ad.id}-other`);
      out.ads.push(other);
      out.hardNegatives.push([ad.id, other.id]);
    }
    n++;
  }
  return out;
}
