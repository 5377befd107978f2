// Public API of the ad generator.
export { generateAds, type GenerateOptions } from './generate.ts';
export { isValidOrganisationNumber } from './org-number.ts';
export { generateDuplicateSet, type DuplicateSet, type DuplicateSetOptions } from './duplicates.ts';
export { generateVariant } from './generate.ts';
