// validateAd: every reason an ad cannot be stored, each naming its field in the JobSearch format's
// names (the public format of ads), e.g. `occupation.concept_id "xyz" is not a concept in the taxonomy`.
import { toJobSearch, type JobAd, type JobSearchAd, type JobSearchConceptRef, type TaxonomyIndex } from '../../../../vocab/index.ts';
import { isObject, isXsdDateTime, LIMITS } from './limits.ts';

const CONCEPT_FIELDS = [
  ['occupation', 'occupation-name'], ['occupation_group', 'occupation-group'], ['occupation_field', 'occupation-field'],
  ['employment_type', 'employment-type'], ['working_hours_type', 'worktime-extent'], ['duration', 'employment-duration'],
  ['salary_type', 'wage-type'],
] as const;
const REQUIREMENT_FIELDS = [['skills', 'skill'], ['languages', 'language'], ['work_experiences', 'occupation-name']] as const;
const PLACE_FIELDS = [['municipality_concept_id', 'municipality'], ['region_concept_id', 'region'], ['country_concept_id', 'country']] as const;
const DATE_FIELDS = ['application_deadline', 'publication_date', 'last_publication_date', 'removed_date'] as const;
/** Paths (list indexes removed) whose text may be long. */
const LONG_TEXT = new Set(['description.text', 'description.company_information', 'description.needs', 'description.requirements',
  'description.conditions', 'application_details.information', 'application_details.other']);

export function validateAd(ad: JobAd, taxonomy: TaxonomyIndex): string[] {
  const js = toJobSearch(ad);
  const reasons: string[] = [];
  required(js, reasons);
  concepts(js, taxonomy, reasons);
  for (const f of DATE_FIELDS) {
    const v = js[f];
    if (v !== null && !isXsdDateTime(v)) reasons.push(`${f} "${v.slice(0, 40)}" is not a date and time (e.g. 2024-03-01T00:00:00)`);
  }
  numbers(js, reasons);
  urls(js, reasons);
  sizes(js, '', reasons);
  return reasons;
}

function required(js: JobSearchAd, reasons: string[]): void {
  if (!js.headline?.trim()) reasons.push('headline is missing');
  const d = js.description;
  if (!d || ![d.text, d.company_information, d.needs, d.requirements, d.conditions].some((t) => t?.trim())) reasons.push('description.text is missing (an ad needs some text)');
  if (!js.employer?.name?.trim()) reasons.push('employer.name is missing');
}

function concepts(js: JobSearchAd, taxonomy: TaxonomyIndex, reasons: string[]): void {
  const check = (field: string, id: string | null | undefined, type: string) => {
    if (id === null || id === undefined) return;
    const c = taxonomy.get(id);
    if (!c) reasons.push(`${field} "${id.slice(0, 60)}" is not a concept in the taxonomy`);
    else if (c.type !== type) reasons.push(`${field} "${id}" is a ${c.type} concept, expected ${type}`);
  };
  const ref = (field: string, r: JobSearchConceptRef | null | undefined, type: string) => check(`${field}.concept_id`, r?.concept_id, type);
  for (const [f, type] of CONCEPT_FIELDS) ref(f, js[f], type);
  for (const part of ['must_have', 'nice_to_have'] as const) {
    for (const [f, type] of REQUIREMENT_FIELDS) js[part]?.[f].forEach((r, i) => ref(`${part}.${f}[${i}]`, r, type));
  }
  js.driving_license?.forEach((r, i) => ref(`driving_license[${i}]`, r, 'driving-license'));
  for (const [f, type] of PLACE_FIELDS) check(`workplace_address.${f}`, js.workplace_address?.[f], type);
  js.enriched_concepts?.forEach((c, i) => check(`enriched_concepts[${i}].concept_id`, c.concept_id, c.type));
}

function numbers(js: JobSearchAd, reasons: string[]): void {
  const range = (field: string, v: number | null | undefined, min: number, max: number, integer = false) => {
    if (v === null || v === undefined) return;
    if (!Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      reasons.push(`${field} ${v} is out of range: expected ${integer ? 'a whole number ' : ''}from ${min} to ${max}`);
    }
  };
  range('number_of_vacancies', js.number_of_vacancies, 0, LIMITS.vacancies, true);
  range('scope_of_work.min', js.scope_of_work?.min, 0, 100);
  range('scope_of_work.max', js.scope_of_work?.max, 0, 100);
  const s = js.scope_of_work;
  if (s?.min != null && s.max != null && s.min > s.max) reasons.push(`scope_of_work.min ${s.min} is above scope_of_work.max ${s.max}`);
  const c = js.workplace_address?.coordinates;
  if (c) { range('workplace_address.coordinates[0] (longitude)', c[0], -180, 180); range('workplace_address.coordinates[1] (latitude)', c[1], -90, 90); }
  range('timestamp', js.timestamp, 0, 8.64e15, true);
  for (const part of ['must_have', 'nice_to_have'] as const) {
    for (const [f] of REQUIREMENT_FIELDS) js[part]?.[f].forEach((r, i) => range(`${part}.${f}[${i}].weight`, r.weight, 0, LIMITS.weight, true));
  }
  js.enriched_concepts?.forEach((e, i) => range(`enriched_concepts[${i}].confidence`, e.confidence, 0, 1));
}

/** Links we hand on to readers must be web addresses (never javascript: or data:). */
function urls(js: JobSearchAd, reasons: string[]): void {
  const check = (field: string, v: string | null | undefined) => {
    if (v === null || v === undefined) return;
    if (!/^https?:\/\/[^\s/?#]+/i.test(v) || !parsesAsUrl(v)) reasons.push(`${field} "${v.slice(0, 80)}" is not an http(s) URL`);
  };
  check('webpage_url', js.webpage_url);
  check('logo_url', js.logo_url);
  check('employer.url', js.employer?.url);
  check('application_details.url', js.application_details?.url);
  js.source_links?.forEach((l, i) => check(`source_links[${i}].url`, l.url));
}

/** String lengths and list lengths, anywhere in the ad. */
function sizes(v: unknown, path: string, reasons: string[]): void {
  if (typeof v === 'string') {
    const plain = path.replace(/\[\d+\]/g, '');
    const max = plain === 'headline' ? LIMITS.headline : LONG_TEXT.has(plain) ? LIMITS.text : LIMITS.shortString;
    if (v.length > max) reasons.push(`${path} has ${v.length} characters; at most ${max} are allowed`);
  } else if (Array.isArray(v)) {
    const max = path === 'enriched_concepts' ? LIMITS.enrichedConcepts : LIMITS.listLength;
    if (v.length > max) reasons.push(`${path} has ${v.length} entries; at most ${max} are allowed`);
    else v.forEach((x, i) => sizes(x, `${path}[${i}]`, reasons));
  } else if (isObject(v)) {
    const keys = Object.keys(v);
    if (keys.length > LIMITS.listLength) reasons.push(`${path} has ${keys.length} keys; at most ${LIMITS.listLength} are allowed`);
    else for (const k of keys) sizes(v[k], path ? `${path}.${k}` : k, reasons);
  }
}

/** new URL() rather than URL.canParse: the latter answers wrongly for non-ASCII hosts once optimised on Node 20. */
export function parsesAsUrl(v: string): boolean {
  try { new URL(v); return true; } catch { return false; }
}
