// schema.org JobPosting (JSON-LD, read as JSON) -> JobAd. HTML descriptions become plain text;
// places, employment types and occupations are resolved to taxonomy concepts where the text names one.
import type { JobAd, TaxonomyIndex } from '../../../../vocab/index.ts';
import { conceptByLabel, conceptByLegacyId, refOf, withAncestors } from './concepts.ts';
import { htmlToText, looksLikeHtml } from './html-text.ts';
import type { FormatResult } from './jobsearch.ts';
import { isJobPosting, number, resolve, term, text, types, values, type NodeIndex } from './jsonld-read.ts';
import { isObject, LIMITS, normaliseDateTime, typeName } from './limits.ts';
import { locationOf } from './jsonld-place.ts';

/** schema.org employmentType values the taxonomy has a clear concept for (JobTech ids; labels beside them). */
const WORKTIME_FULL = '6YE1_gAC_R2G'; // worktime-extent "Heltid"
const WORKTIME_PART = '947z_JGS_Uk2'; // worktime-extent "Deltid"
const WORKTIME_BOTH = 'hGCt_6Ni_XPz'; // worktime-extent "Heltid/Deltid"
const EMPLOYMENT_ON_CALL = '1paU_aCR_nGn'; // employment-type "Behovsanställning"

export function parseJobPosting(item: unknown, index: NodeIndex, taxonomy: TaxonomyIndex): FormatResult {
  if (!isObject(item)) return { reasons: [`a JobPosting must be an object, got ${typeName(item)}`] };
  if (!isJobPosting(item)) return { reasons: [`@type must be JobPosting, got ${JSON.stringify(types(item)).slice(0, 100)}`] };
  const reasons: string[] = [];
  const t = (name: string) => text(term(item, name), name, reasons);
  const sourceId = identifierOf(term(item, 'identifier'), reasons) ?? t('url') ?? (typeof item['@id'] === 'string' ? item['@id'] : undefined);
  const url = t('url');
  const ad: JobAd = { id: sourceId ?? '' };
  ad.headline = t('title');
  const description = clean({
    text: richText(term(item, 'description'), 'description', reasons),
    requirements: richText(term(item, 'qualifications'), 'qualifications', reasons),
    needs: richText(term(item, 'responsibilities'), 'responsibilities', reasons),
    conditions: richText(term(item, 'jobBenefits'), 'jobBenefits', reasons),
  });
  if (description) ad.description = description;
  ad.publicationDate = date(t('datePosted'), 'datePosted', false, reasons);
  ad.applicationDeadline = date(t('validThrough'), 'validThrough', true, reasons);
  ad.lastPublicationDate = ad.applicationDeadline;
  ad.numberOfVacancies = number(term(item, 'totalJobOpenings'), 'totalJobOpenings', reasons);
  ad.employer = organisation(resolve(values(term(item, 'hiringOrganization'))[0], index), reasons);
  const locations = values(term(item, 'jobLocation')).map((l) => resolve(l, index));
  if (locations.length) ad.workplaceAddress = locationOf(locations[0], index, taxonomy, reasons);
  if (values(term(item, 'jobLocationType')).some((v) => typeof v === 'string' && /TELECOMMUTE$/i.test(v))) ad.remote = true;
  Object.assign(ad, employmentTypes(values(term(item, 'employmentType'))));
  const occupation = occupationOf(values(term(item, 'occupationalCategory'))[0], taxonomy, reasons);
  if (occupation) Object.assign(ad, occupation);
  skills(ad, values(term(item, 'skills')), taxonomy);
  ad.salaryDescription = salary(term(item, 'baseSalary'), reasons) ?? t('estimatedSalary');
  if (url) { ad.webpageUrl = url; ad.sourceLinks = [{ url }]; }
  return { ad: clean(ad as unknown as Record<string, unknown>) as unknown as JobAd, reasons, sourceId };
}

function identifierOf(v: unknown, reasons: string[]): string | undefined {
  const first = values(v)[0];
  if (isObject(first) && !('@value' in first)) return text(first.value ?? term(first, 'value'), 'identifier.value', reasons);
  return text(first, 'identifier', reasons);
}

function richText(v: unknown, field: string, reasons: string[]): string | undefined {
  const s = text(v, field, reasons);
  if (s === undefined) return undefined;
  if (s.length > LIMITS.html) { reasons.push(`${field} has ${s.length} characters; at most ${LIMITS.html} are read`); return undefined; }
  return looksLikeHtml(s) ? htmlToText(s) : s.trim();
}

function date(v: string | undefined, field: string, endOfDay: boolean, reasons: string[]): string | undefined {
  if (v === undefined) return undefined;
  const d = normaliseDateTime(v, endOfDay);
  if (d === undefined) reasons.push(`${field} "${v.slice(0, 40)}" is not a date`);
  return d;
}

function organisation(v: unknown, reasons: string[]): JobAd['employer'] {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return { name: v };
  if (!isObject(v)) { reasons.push(`hiringOrganization must be an Organization, got ${typeName(v)}`); return undefined; }
  const logo = values(term(v, 'logo'))[0];
  return clean({
    name: text(term(v, 'name'), 'hiringOrganization.name', reasons),
    url: text(term(v, 'url'), 'hiringOrganization.url', reasons) ?? text(term(v, 'sameAs'), 'hiringOrganization.sameAs', reasons),
    logoUrl: isObject(logo) && !('@value' in logo) ? text(term(logo, 'url') ?? term(logo, 'contentUrl'), 'hiringOrganization.logo.url', reasons)
      : text(logo, 'hiringOrganization.logo', reasons),
    organisationNumber: text(term(v, 'taxID') ?? term(v, 'vatID'), 'hiringOrganization.taxID', reasons),
  });
}

function employmentTypes(list: unknown[]): Partial<JobAd> {
  const names = new Set(list.filter((v): v is string => typeof v === 'string').map((v) => v.trim().toUpperCase().replace(/[\s-]+/g, '_')));
  const out: Partial<JobAd> = {};
  const full = names.has('FULL_TIME');
  const part = names.has('PART_TIME');
  if (full || part) out.worktimeExtent = { id: full && part ? WORKTIME_BOTH : full ? WORKTIME_FULL : WORKTIME_PART };
  if (names.has('PER_DIEM')) out.employmentType = { id: EMPLOYMENT_ON_CALL };
  return out;
}

/** occupationalCategory as a taxonomy id, an occupation's label, an SSYK code (occupation group) or a CategoryCode. */
function occupationOf(v: unknown, taxonomy: TaxonomyIndex, reasons: string[]): Partial<JobAd> | undefined {
  const code = isObject(v) && !('@value' in v) ? text(term(v, 'codeValue'), 'occupationalCategory.codeValue', reasons) : undefined;
  const name = isObject(v) && !('@value' in v) ? text(term(v, 'name'), 'occupationalCategory.name', reasons) : text(v, 'occupationalCategory', reasons);
  for (const candidate of [code, name]) {
    if (!candidate) continue;
    const c = taxonomy.get(candidate) ?? conceptByLabel(taxonomy, 'occupation-name', candidate);
    if (c?.type === 'occupation-name') return withAncestors(refOf(c), taxonomy);
    const group = /^\d{4}$/.test(candidate.trim()) ? conceptByLegacyId(taxonomy, 'occupation-group', candidate.trim()) : undefined;
    if (group) return { occupationGroup: refOf(group), occupationField: taxonomy.broader(group.id) && refOf(taxonomy.broader(group.id)!) };
  }
  return name ? { occupation: { label: name.slice(0, LIMITS.shortString) } } : undefined;
}

/** skills: listed texts (or DefinedTerms), or one comma-separated text. Known skills become requirements; the rest keywords. */
function skills(ad: JobAd, list: unknown[], taxonomy: TaxonomyIndex): void {
  const names = list.slice(0, LIMITS.listLength).flatMap((v) => {
    const s = isObject(v) ? (v['@value'] ?? term(v, 'name')) : v;
    return typeof s === 'string' ? s.split(/[,;\n]/).map((x) => x.trim()).filter(Boolean) : [];
  }).slice(0, LIMITS.listLength);
  if (!names.length) return;
  const known = names.map((n) => conceptByLabel(taxonomy, 'skill', n));
  const found = [...new Map(known.filter((c) => c !== undefined).map((c) => [c.id, c])).values()];
  if (found.length) ad.mustHave = { skills: found.map(refOf), languages: [], workExperiences: [] };
  const unknown = names.filter((_, i) => !known[i]).map((n) => n.slice(0, 200));
  if (unknown.length) ad.keywords = { extracted: { skill: unknown } };
}

/** baseSalary (MonetaryAmount, a number or a text) as the text a reader would write. */
function salary(v: unknown, reasons: string[]): string | undefined {
  const first = values(v)[0];
  if (first === undefined) return undefined;
  if (!isObject(first) || '@value' in first) return text(first, 'baseSalary', reasons);
  const currency = text(term(first, 'currency'), 'baseSalary.currency', reasons) ?? '';
  const value = values(term(first, 'value'))[0];
  let amount: string | undefined;
  let unit = '';
  if (isObject(value) && !('@value' in value)) {
    const exact = number(term(value, 'value'), 'baseSalary.value.value', reasons);
    const min = number(term(value, 'minValue'), 'baseSalary.value.minValue', reasons);
    const max = number(term(value, 'maxValue'), 'baseSalary.value.maxValue', reasons);
    amount = exact !== undefined ? fmt(exact) : min !== undefined && max !== undefined ? `${fmt(min)}–${fmt(max)}` : min !== undefined ? `från ${fmt(min)}` : max !== undefined ? `upp till ${fmt(max)}` : undefined;
    unit = UNITS[(text(term(value, 'unitText'), 'baseSalary.value.unitText', reasons) ?? '').toUpperCase()] ?? '';
  } else {
    const n = number(value, 'baseSalary.value', reasons);
    amount = n === undefined ? undefined : fmt(n);
  }
  return amount === undefined ? undefined : [amount, currency, unit].filter(Boolean).join(' ');
}
const UNITS: Record<string, string> = { HOUR: 'per timme', DAY: 'per dag', WEEK: 'per vecka', MONTH: 'per månad', YEAR: 'per år' };
const fmt = (n: number): string => n.toLocaleString('sv-SE');

function clean<T extends Record<string, unknown>>(o: T): T | undefined {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return Object.keys(o).length ? o : undefined;
}
