// Runs duplicate detection over a set with known duplicates, as ingest would (each ad either merges
// into an indexed one or is indexed itself), and scores the pairs it finds against the truth.
import { fromJobSearch, type JobSearchAd } from '../../../vocab/index.ts';
import { DuplicateIndex } from './duplicate-index.ts';
import { fingerprint } from './fingerprint.ts';

export interface DedupeScore {
  ads: number;
  truthPairs: number;
  foundPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  /** Hard-negative pairs (same employer, place and occupation, different vacancy) that were merged. */
  hardNegativesMerged: number;
  hardNegatives: number;
  /** Mean time to fingerprint one ad (conversion excluded), in microseconds. */
  fingerprintMicros: number;
  /** Mean time to look an ad up and index it, in microseconds. */
  lookupMicros: number;
  /** Mean number of candidate ids a lookup compared. */
  meanCandidates: number;
  /** Time of fingerprint + lookup + add for all ads, in milliseconds. */
  totalMillis: number;
  /** Ids of ads that were merged into the right vacancy. */
  mergedCopies: Set<string>;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

function pairsOfClusters(clusters: Iterable<string[]>): Set<string> {
  const out = new Set<string>();
  for (const c of clusters) for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) out.add(pairKey(c[i], c[j]));
  return out;
}

export function scoreDedupe(ads: readonly JobSearchAd[], groups: readonly string[][], hardNegatives: ReadonlyArray<[string, string]>): DedupeScore {
  const index = new DuplicateIndex();
  const clusterOf = new Map<string, string>();
  let fingerprintTime = 0;
  let candidates = 0;
  let lookupTime = 0;
  for (const raw of ads) {
    const ad = fromJobSearch(raw); // conversion is ingest's cost, not dedupe's: outside the clocks
    const t = performance.now();
    const fp = fingerprint(ad);
    const t2 = performance.now();
    fingerprintTime += t2 - t;
    candidates += index.candidates(fp).length;
    const survivor = index.findDuplicate(fp);
    if (survivor) clusterOf.set(ad.id, survivor);
    else { index.add(ad.id, fp); clusterOf.set(ad.id, ad.id); }
    lookupTime += performance.now() - t2;
  }
  const clusters = new Map<string, string[]>();
  for (const [id, root] of clusterOf) clusters.set(root, [...(clusters.get(root) ?? []), id]);
  const found = pairsOfClusters(clusters.values());
  const truth = pairsOfClusters(groups);
  let correct = 0;
  for (const p of found) if (truth.has(p)) correct++;
  const vacancyOf = new Map<string, string>();
  for (const g of groups) for (const id of g) vacancyOf.set(id, g[0]);
  const mergedCopies = new Set<string>();
  for (const [id, root] of clusterOf) if (root !== id && vacancyOf.get(id) !== undefined && vacancyOf.get(id) === vacancyOf.get(root)) mergedCopies.add(id);
  const merged = hardNegatives.filter(([a, b]) => clusterOf.get(a) === clusterOf.get(b)).length;
  return {
    ads: ads.length, truthPairs: truth.size, foundPairs: found.size, correctPairs: correct,
    precision: found.size ? correct / found.size : 1, recall: truth.size ? correct / truth.size : 1,
    hardNegativesMerged: merged, hardNegatives: hardNegatives.length,
    fingerprintMicros: (fingerprintTime * 1000) / ads.length, totalMillis: fingerprintTime + lookupTime, mergedCopies,
    lookupMicros: (lookupTime * 1000) / ads.length, meanCandidates: candidates / ads.length,
  };
}
