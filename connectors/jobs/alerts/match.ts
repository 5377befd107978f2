// Which new ads match a citizen's preferences: pure, bounded, table-tested.
import type { JobAd, TaxonomyIndex } from '../../../vocab/index.ts';
import type { AlertProfile } from './subscriptions.ts';

/** Most concepts of each kind a profile may bring to matching (a profile is the citizen's, but still bounded). */
export const MAX_PROFILE_CONCEPTS = 100;

/**
 * An ad matches when every kind of preference the citizen stated is met:
 * - occupations: the ad's occupation, its group or its field (via the taxonomy's broader chain) is one asked for;
 * - places: the ad's municipality, its region (broader) or its country is one asked for, unless the
 *   citizen wants fully remote work and the ad is remote (then place does not matter);
 * - "fully remote" wanted: the ad must be remote;
 * - employment type and working time: the ad's is one asked for (an ad that does not say is not excluded);
 * - skills (when granted and the ad lists any): at least one in common.
 * Removed ads never match. The score (more shared skills first) orders what is sent.
 */
export function matchAd(ad: JobAd, profile: AlertProfile, taxonomy: TaxonomyIndex): { match: boolean; score: number } {
  const no = { match: false, score: 0 };
  if (ad.removed) return no;
  const wants = (ids: string[]) => new Set(ids.slice(0, MAX_PROFILE_CONCEPTS));
  const occupations = wants(profile.occupations);
  if (occupations.size > 0 && !occupationChain(ad, taxonomy).some((id) => occupations.has(id))) return no;
  const remoteOnly = profile.remote === 'fully-remote';
  if (remoteOnly && ad.remote !== true) return no;
  const places = wants(profile.locations);
  if (places.size > 0 && !remoteOnly && !placeChain(ad, taxonomy).some((id) => places.has(id))) return no;
  const types = wants(profile.employmentTypes);
  if (types.size > 0 && ad.employmentType?.id && !types.has(ad.employmentType.id)) return no;
  const extents = wants(profile.worktimeExtents);
  if (extents.size > 0 && ad.worktimeExtent?.id && !extents.has(ad.worktimeExtent.id)) return no;
  let score = 0;
  if (profile.skills?.length) {
    const adSkills = skillsOf(ad);
    if (adSkills.size > 0) {
      score = profile.skills.slice(0, MAX_PROFILE_CONCEPTS).filter((id) => adSkills.has(id)).length;
      if (score === 0) return no;
    }
  }
  return { match: true, score };
}

/** The ad's occupation ids and everything broader, nearest first. */
export function occupationChain(ad: JobAd, taxonomy: TaxonomyIndex): string[] {
  const ids = [ad.occupation?.id, ad.occupationGroup?.id, ad.occupationField?.id].filter((id): id is string => !!id);
  return [...new Set([...ids, ...ids.flatMap((id) => taxonomy.ancestors(id).map((c) => c.id))])];
}

/** The ad's place ids (municipality, region, country) and everything broader. */
export function placeChain(ad: JobAd, taxonomy: TaxonomyIndex): string[] {
  const address = ad.workplaceAddress;
  if (!address) return [];
  const ids = [address.municipalityConcept, address.regionConcept, address.countryConcept].filter((id): id is string => !!id);
  if (address.municipalityCode && !address.municipalityConcept) {
    const byCode = taxonomy.byLegacyId('municipality', address.municipalityCode);
    if (byCode) ids.push(byCode.id);
  }
  return [...new Set([...ids, ...ids.flatMap((id) => taxonomy.ancestors(id).map((c) => c.id))])];
}

function skillsOf(ad: JobAd): Set<string> {
  const ids = [...(ad.mustHave?.skills ?? []), ...(ad.niceToHave?.skills ?? [])].map((s) => s.id);
  for (const c of ad.enrichedConcepts ?? []) if (c.type === 'skill') ids.push(c.id);
  return new Set(ids.filter((id): id is string => !!id));
}
