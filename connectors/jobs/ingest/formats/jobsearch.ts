// JobSearch/JobStream JSON -> JobAd: a structural check first (wrong types are reasons, missing
// optional parts are fine), then the vocabulary's fromJobSearch on the completed structure.
import { fromJobSearch, type JobAd, type JobSearchAd } from '../../../../vocab/index.ts';
import { isObject, typeName } from './limits.ts';
import { checkStructure, type Spec } from './structure.ts';

const conceptRef: Spec = { object: { concept_id: 'string', label: 'string', legacy_ams_taxonomy_id: 'id' } };
const weightedRef: Spec = { object: { concept_id: 'string', label: 'string', legacy_ams_taxonomy_id: 'id', weight: 'number' } };
const requirements: Spec = { object: { skills: { list: weightedRef }, languages: { list: weightedRef }, work_experiences: { list: weightedRef } } };

const JOBSEARCH_AD: Spec = {
  object: {
    id: 'id', external_id: 'id', headline: 'string', application_deadline: 'string', number_of_vacancies: 'number',
    description: { object: { text: 'string', company_information: 'string', needs: 'string', requirements: 'string', conditions: 'string' } },
    workplace_id: 'id', employment_type: conceptRef, salary_type: conceptRef, duration: conceptRef, working_hours_type: conceptRef,
    scope_of_work: { object: { min: 'number', max: 'number' } },
    access: 'string',
    employer: { object: { id: 'id', phone_number: 'string', email: 'string', url: 'string', organization_number: 'id', name: 'string', workplace: 'string' } },
    application_details: { object: { information: 'string', reference: 'string', email: 'string', via_af: 'boolean', url: 'string', other: 'string' } },
    experience_required: 'boolean', access_to_own_car: 'boolean', driving_license_required: 'boolean',
    occupation: conceptRef, occupation_group: conceptRef, occupation_field: conceptRef,
    workplace_address: {
      object: {
        municipality_code: 'id', municipality: 'string', region_code: 'id', region: 'string', country_code: 'id', country: 'string',
        street_address: 'string', postcode: 'id', city: 'string', coordinates: { tuple: 'number', length: 2 },
        municipality_concept_id: 'string', region_concept_id: 'string', country_concept_id: 'string',
      },
    },
    must_have: requirements, nice_to_have: requirements,
    publication_date: 'string', last_publication_date: 'string', removed: 'boolean', removed_date: 'string', source_type: 'string',
    keywords: { record: { record: { list: 'string' } } },
    timestamp: 'number',
    webpage_url: 'string', logo_url: 'string', salary_description: 'string',
    driving_license: { list: conceptRef, orNull: true },
    remote_work: 'boolean',
    source_links: { list: { object: { label: 'string', url: 'string' } }, orNull: true },
    enriched_concepts: { list: { object: { concept_id: 'string', type: 'string', label: 'string', term: 'string', confidence: 'number' } }, orNull: true },
  },
};

export interface FormatResult { ad?: JobAd; reasons: string[]; sourceId?: string }

export function parseJobSearchAd(item: unknown): FormatResult {
  if (!isObject(item)) return { reasons: [`a JobSearch ad must be an object, got ${typeName(item)}`] };
  const reasons: string[] = [];
  const checked = checkStructure(item, JOBSEARCH_AD, '', reasons) as unknown as JobSearchAd;
  const sourceId = checked?.id ?? undefined;
  if (reasons.length) return { reasons, sourceId };
  // Optional lists the vocabulary expects as absent rather than null; enriched entries must be whole.
  for (const k of ['driving_license', 'source_links', 'enriched_concepts', 'keywords', 'webpage_url', 'logo_url', 'salary_description', 'remote_work', 'workplace_id'] as const) {
    if (checked[k] === null) delete checked[k];
  }
  checked.source_links?.forEach((l, i) => { if (!l.url) reasons.push(`source_links[${i}].url is missing`); });
  checked.enriched_concepts?.forEach((c, i) => {
    for (const k of ['concept_id', 'type', 'label', 'term', 'confidence'] as const) if (c[k] === null) reasons.push(`enriched_concepts[${i}].${k} is missing`);
  });
  if (reasons.length) return { reasons, sourceId };
  const ad = fromJobSearch({ ...checked, id: checked.id ?? '' });
  if (ad.webpageUrl && !(ad.sourceLinks ?? []).some((l) => l.url === ad.webpageUrl)) {
    ad.sourceLinks = [...(ad.sourceLinks ?? []), { url: ad.webpageUrl }];
  }
  return { ad, reasons, sourceId };
}
