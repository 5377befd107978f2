// An ad's features: the concept ids filters, stats and matching use, read once when the ad arrives.
// The occupation's group and field and the municipality's region and country are filled in from the
// taxonomy's broader chain when the ad does not give them, so a filter on a group finds every ad of it.
import type { JobSearchAd, JobSearchConceptRef, TaxonomyIndex } from '../../../vocab/index.ts';
import type { AdFeatures } from './types.ts';

const PUBLISHER = 'publisher:';

export function adFeatures(ad: JobSearchAd, taxonomy: TaxonomyIndex): AdFeatures {
  const known = (ref: JobSearchConceptRef | null | undefined) => {
    const id = ref?.concept_id ?? undefined;
    return id && taxonomy.has(id) ? id : undefined;
  };
  const ancestorOfType = (id: string | undefined, type: string) =>
    id === undefined ? undefined : taxonomy.ancestors(id).find((c) => c.type === type)?.id;

  const occupation = known(ad.occupation);
  const occupationGroup = known(ad.occupation_group) ?? ancestorOfType(occupation, 'occupation-group');
  const occupationField = known(ad.occupation_field) ?? ancestorOfType(occupationGroup ?? occupation, 'occupation-field');
  const address = ad.workplace_address;
  const municipality = knownId(address?.municipality_concept_id, taxonomy);
  const region = knownId(address?.region_concept_id, taxonomy) ?? ancestorOfType(municipality, 'region');
  // The taxonomy's regions are Swedish län and stop there: a region implies Sweden.
  const country = knownId(address?.country_concept_id, taxonomy) ?? ancestorOfType(region, 'country') ?? (region ? swedenId(taxonomy) : undefined);
  const ids = (refs: Array<JobSearchConceptRef | null> | null | undefined) =>
    [...new Set((refs ?? []).map(known).filter((id): id is string => id !== undefined))];

  return {
    id: ad.id,
    headline: ad.headline ?? '',
    ...(ad.employer?.name ? { employerName: ad.employer.name } : {}),
    ...(occupation ? { occupation } : {}),
    ...(occupationGroup ? { occupationGroup } : {}),
    ...(occupationField ? { occupationField } : {}),
    ...(municipality ? { municipality } : {}),
    ...(region ? { region } : {}),
    ...(country ? { country } : {}),
    ...positionOf(address?.coordinates),
    ...(known(ad.employment_type) ? { employmentType: known(ad.employment_type) } : {}),
    ...(known(ad.working_hours_type) ? { worktimeExtent: known(ad.working_hours_type) } : {}),
    remote: ad.remote_work === true,
    mustSkills: ids(ad.must_have?.skills),
    niceSkills: ids(ad.nice_to_have?.skills),
    mustLanguages: ids(ad.must_have?.languages),
    niceLanguages: ids(ad.nice_to_have?.languages),
    drivingLicences: ids(ad.driving_license),
    drivingLicenceRequired: ad.driving_license_required === true,
    enriched: (ad.enriched_concepts ?? [])
      .filter((c) => taxonomy.has(c.concept_id))
      .map((c) => ({ id: c.concept_id, type: c.type, confidence: c.confidence })),
    publishedAt: time(ad.publication_date) ?? 0,
    ...(time(ad.application_deadline) !== undefined ? { applicationDeadline: time(ad.application_deadline) } : {}),
    publishers: (ad.source_links ?? [])
      .map((l) => l.source)
      .filter((s): s is string => typeof s === 'string' && s.startsWith(PUBLISHER))
      .map((s) => s.slice(PUBLISHER.length)),
  };
}

const swedenId = (taxonomy: TaxonomyIndex) => taxonomy.byType('country').find((c) => c.countryCode === 'SE' || c.label === 'Sverige')?.id;
const knownId = (id: string | null | undefined, taxonomy: TaxonomyIndex) => (id && taxonomy.has(id) ? id : undefined);

function positionOf(coordinates: number[] | null | undefined): Pick<AdFeatures, 'position'> {
  if (!coordinates || coordinates.length !== 2) return {};
  const [lon, lat] = coordinates;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || (lat === 0 && lon === 0)) return {};
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return {};
  return { position: { lat, lon } };
}

/** JobSearch dates are Swedish wall-clock times without a zone; a day's precision is all sorting needs, so UTC is read. */
function time(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.length === 10 ? `${value}T00:00:00` : value}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
