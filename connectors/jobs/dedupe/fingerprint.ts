// The fingerprint of an ad for duplicate detection: where it may have duplicates (its blocks:
// employer x municipality) and what its text looks like (a MinHash signature and its LSH bands).
import type { JobAd } from '../../../vocab/index.ts';
import { bandHashes, minhash, shingles, similarity } from './minhash.ts';
import { cleanText, municipalityKey, normaliseEmployerName, normaliseOrganisationNumber, wordHashes } from './normalize.ts';

export interface Fingerprint {
  /** The main block: `org:<number>@<municipality>`, else `name:<name>@<municipality>`. */
  block: string;
  /** Every block the ad belongs to (organisation number and name, when it has both); block is the first. */
  blocks: string[];
  signature: Uint32Array;
  /** LSH band keys, each prefixed with its block, so a lookup only meets ads of the same employer and place. */
  bands: string[];
}

/**
 * Estimated Jaccard similarity at or above which two ads of one block are the same vacancy. Small
 * edits (typos, reordered paragraphs, a board's footer, another deadline) stay well above it;
 * two vacancies of one employer share their company paragraph and phrasing but stay well below.
 */
export const DUPLICATE_THRESHOLD = 0.6;

const NO_PLACE = '-';

export function blocksOf(ad: JobAd): string[] {
  const place = municipalityKey(ad.workplaceAddress) ?? NO_PLACE;
  const out: string[] = [];
  const org = ad.employer?.organisationNumber ? normaliseOrganisationNumber(ad.employer.organisationNumber) : undefined;
  if (org) out.push(`org:${org}@${place}`);
  const name = normaliseEmployerName(ad.employer?.name ?? ad.employer?.workplace ?? '');
  if (name) out.push(`name:${name}@${place}`);
  return out;
}

export function fingerprint(ad: JobAd): Fingerprint {
  const blocks = blocksOf(ad);
  const words = wordHashes(cleanText(`${ad.headline ?? ''}\n${ad.description?.text ?? ''}`));
  const signature = minhash(shingles(words));
  const bandKeys = words.length === 0 ? [] : bandHashes(signature);
  return {
    block: blocks[0] ?? '',
    blocks,
    signature,
    // No text or no employer: nothing to compare, so no bands and never a duplicate.
    bands: blocks.flatMap((block) => bandKeys.map((h, i) => `${block}#${i}:${h}`)),
  };
}

const orgOf = (fp: Fingerprint) => fp.blocks.find((b) => b.startsWith('org:'));

/** Same block (and, when both carry organisation numbers, the same one) and similar enough text. */
export function isDuplicate(a: Fingerprint, b: Fingerprint): boolean {
  if (a.bands.length === 0 || b.bands.length === 0) return false;
  if (!a.blocks.some((block) => b.blocks.includes(block))) return false;
  const orgA = orgOf(a);
  const orgB = orgOf(b);
  if (orgA && orgB && orgA !== orgB) return false;
  return similarity(a.signature, b.signature) >= DUPLICATE_THRESHOLD;
}

export { similarity };
