/**
 * Duplicate detection on generated ads with known duplicates (board copies with small edits) and
 * hard negatives (same employer, municipality and occupation, different vacancy): precision and
 * recall of the pairs found, microseconds per fingerprint, and how the time grows with the set
 * (linear growth shows as ~5x time for 5x ads).
 *
 *   npx tsx bench/dedupe-quality.ts            # 10k, 50k, 100k vacancies
 *   DEDUPE_SIZES=2000 npx tsx bench/dedupe-quality.ts
 */
import { scoreDedupe } from '../connectors/jobs/dedupe/evaluate.ts';
import { BANDS, DUPLICATE_THRESHOLD, ROWS_PER_BAND, SHINGLE_WORDS } from '../connectors/jobs/dedupe/index.ts';
import { generateDuplicateSet } from '../connectors/jobs/generate/index.ts';
import { getTaxonomy } from '../vocab/index.ts';

const SIZES = (process.env.DEDUPE_SIZES ?? '10000,50000,100000').split(',').map(Number);
const taxonomy = getTaxonomy();

console.log(`MinHash ${BANDS}x${ROWS_PER_BAND}, ${SHINGLE_WORDS}-word shingles, threshold ${DUPLICATE_THRESHOLD}`);
console.log('vacancies      ads  truth pairs  found  precision  recall  hard neg merged   µs/fingerprint  µs/lookup  candidates  total ms  µs/ad');
const perEdit = new Map<string, { copies: number; missed: number }>();
for (const count of SIZES) {
  const set = generateDuplicateSet({ seed: 42, count, taxonomy });
  const s = scoreDedupe(set.ads, set.groups, set.hardNegatives);
  console.log([
    String(count).padStart(9), String(s.ads).padStart(8), String(s.truthPairs).padStart(12), String(s.foundPairs).padStart(6),
    s.precision.toFixed(4).padStart(10), s.recall.toFixed(4).padStart(7), `${s.hardNegativesMerged}/${s.hardNegatives}`.padStart(16),
    s.fingerprintMicros.toFixed(1).padStart(16), s.lookupMicros.toFixed(1).padStart(10), s.meanCandidates.toFixed(1).padStart(11), s.totalMillis.toFixed(0).padStart(9), ((s.totalMillis * 1000) / s.ads).toFixed(1).padStart(6),
  ].join(' '));
  if (count === SIZES[0]) {
    for (const [id, edits] of set.edits) {
      for (const e of edits) {
        const row = perEdit.get(e) ?? { copies: 0, missed: 0 };
        row.copies++;
        if (!s.mergedCopies.has(id)) row.missed++;
        perEdit.set(e, row);
      }
    }
  }
}
console.log(`\ncopies missed by edit (set of ${SIZES[0]} vacancies; a copy has 1-3 edits):`);
for (const [e, r] of [...perEdit].sort()) console.log(`  ${e.padEnd(20)} ${String(r.missed).padStart(5)} of ${r.copies}`);
