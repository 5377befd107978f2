// Public API of near-duplicate detection.
export { fingerprint, isDuplicate, similarity, blocksOf, DUPLICATE_THRESHOLD, type Fingerprint } from './fingerprint.ts';
export { DuplicateIndex, MAX_BUCKET_SCAN } from './duplicate-index.ts';
export { BANDS, ROWS_PER_BAND, SIGNATURE_SIZE, SHINGLE_WORDS } from './minhash.ts';
export { cleanText, normaliseText, normaliseEmployerName, normaliseOrganisationNumber, wordHashes } from './normalize.ts';
