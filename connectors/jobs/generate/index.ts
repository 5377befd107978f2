// Public API of the ad generator.
export { generateAds, type GenerateOptions } from './generate.ts';
export { isValidOrganisationNumber } from './org-number.ts';
