// JobSearch API ad JSON <-> JobAd. Pure and lossless for the fields of the format: toJobSearch(fromJobSearch(x))
// gives x back (nulls included). enrichJobAd() separately resolves municipality/region codes to concepts.
import type { TaxonomyIndex } from '../taxonomy/index.ts';
import type {
  ConceptRef, JobAd, JobSearchAd, JobSearchConceptRef, JobSearchRequirements, JobSearchWeightedRef, Requirements, WeightedConcept,
} from './types.ts';

const u = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);
const n = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function clean<T extends object>(o: T): T | undefined {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return Object.keys(o).length ? o : undefined;
}

const ref = (r: JobSearchConceptRef | null | undefined): ConceptRef | undefined =>
  r ? clean({ id: u(r.concept_id), label: u(r.label), legacyId: u(r.legacy_ams_taxonomy_id) }) : undefined;
const weighted = (r: JobSearchWeightedRef): WeightedConcept => ({ ...ref(r), ...(r.weight === null ? {} : { weight: r.weight }) });
const requirements = (r: JobSearchRequirements | null): Requirements | undefined =>
  r ? { skills: r.skills.map(weighted), languages: r.languages.map(weighted), workExperiences: r.work_experiences.map(weighted) } : undefined;

export function fromJobSearch(ad: JobSearchAd): JobAd {
  const d = ad.description;
  const e = ad.employer;
  const a = ad.application_details;
  const w = ad.workplace_address;
  const coords = w?.coordinates;
  return clean({
    id: ad.id,
    externalId: u(ad.external_id),
    headline: u(ad.headline),
    description: d ? clean({ text: u(d.text), companyInformation: u(d.company_information), needs: u(d.needs), requirements: u(d.requirements), conditions: u(d.conditions) }) : undefined,
    applicationDeadline: u(ad.application_deadline),
    numberOfVacancies: u(ad.number_of_vacancies),
    workplaceId: u(ad.workplace_id),
    employmentType: ref(ad.employment_type),
    salaryType: ref(ad.salary_type),
    salaryDescription: u(ad.salary_description),
    duration: ref(ad.duration),
    worktimeExtent: ref(ad.working_hours_type),
    scopeOfWork: ad.scope_of_work ? clean({ min: u(ad.scope_of_work.min), max: u(ad.scope_of_work.max) }) : undefined,
    access: u(ad.access),
    employer: e ? clean({
      id: u(e.id), name: u(e.name), workplace: u(e.workplace), organisationNumber: u(e.organization_number),
      phone: u(e.phone_number), email: u(e.email), url: u(e.url), logoUrl: u(ad.logo_url),
    }) : undefined,
    application: a ? clean({ information: u(a.information), reference: u(a.reference), email: u(a.email), viaAf: u(a.via_af), url: u(a.url), other: u(a.other) }) : undefined,
    experienceRequired: u(ad.experience_required),
    accessToOwnCar: u(ad.access_to_own_car),
    drivingLicenceRequired: u(ad.driving_license_required),
    drivingLicences: ad.driving_license ? ad.driving_license.map((r) => ref(r) ?? {}) : undefined,
    occupation: ref(ad.occupation),
    occupationGroup: ref(ad.occupation_group),
    occupationField: ref(ad.occupation_field),
    workplaceAddress: w ? clean({
      municipalityCode: u(w.municipality_code), municipality: u(w.municipality), municipalityConcept: u(w.municipality_concept_id),
      regionCode: u(w.region_code), region: u(w.region), regionConcept: u(w.region_concept_id),
      countryCode: u(w.country_code), country: u(w.country), countryConcept: u(w.country_concept_id),
      streetAddress: u(w.street_address), postcode: u(w.postcode), city: u(w.city),
      coordinates: coords && coords.length === 2 ? { longitude: coords[0], latitude: coords[1] } : undefined,
    }) : undefined,
    mustHave: requirements(ad.must_have),
    niceToHave: requirements(ad.nice_to_have),
    publicationDate: u(ad.publication_date),
    lastPublicationDate: u(ad.last_publication_date),
    removed: u(ad.removed),
    removedDate: u(ad.removed_date),
    sourceType: u(ad.source_type),
    keywords: u(ad.keywords),
    timestamp: u(ad.timestamp),
    webpageUrl: u(ad.webpage_url),
    remote: u(ad.remote_work),
    sourceLinks: ad.source_links ? ad.source_links.map((l) => clean({ label: u(l.label), url: u(l.url), source: l.source, sourceId: l.source_id }) ?? {}) : undefined,
    enrichedConcepts: ad.enriched_concepts ? ad.enriched_concepts.map((c) => ({ id: c.concept_id, type: c.type, label: c.label, term: c.term, confidence: c.confidence })) : undefined,
  })!;
}

const jsRef = (r: ConceptRef | undefined): JobSearchConceptRef | null =>
  r ? { concept_id: n(r.id), label: n(r.label), legacy_ams_taxonomy_id: n(r.legacyId) } : null;
const jsWeighted = (r: WeightedConcept): JobSearchWeightedRef => ({ ...jsRef(r)!, weight: n(r.weight) });
const jsRequirements = (r: Requirements | undefined): JobSearchRequirements => ({
  skills: (r?.skills ?? []).map(jsWeighted), languages: (r?.languages ?? []).map(jsWeighted), work_experiences: (r?.workExperiences ?? []).map(jsWeighted),
});

export function toJobSearch(ad: JobAd): JobSearchAd {
  const d = ad.description ?? {};
  const e = ad.employer ?? {};
  const a = ad.application ?? {};
  const w = ad.workplaceAddress ?? {};
  const out: JobSearchAd = {
    id: ad.id,
    external_id: n(ad.externalId),
    headline: n(ad.headline),
    application_deadline: n(ad.applicationDeadline),
    number_of_vacancies: n(ad.numberOfVacancies),
    description: { text: n(d.text), company_information: n(d.companyInformation), needs: n(d.needs), requirements: n(d.requirements), conditions: n(d.conditions) },
    workplace_id: n(ad.workplaceId),
    employment_type: jsRef(ad.employmentType),
    salary_type: jsRef(ad.salaryType),
    duration: jsRef(ad.duration),
    working_hours_type: jsRef(ad.worktimeExtent),
    scope_of_work: { min: n(ad.scopeOfWork?.min), max: n(ad.scopeOfWork?.max) },
    access: n(ad.access),
    employer: { id: n(e.id), phone_number: n(e.phone), email: n(e.email), url: n(e.url), organization_number: n(e.organisationNumber), name: n(e.name), workplace: n(e.workplace) },
    application_details: { information: n(a.information), reference: n(a.reference), email: n(a.email), via_af: n(a.viaAf), url: n(a.url), other: n(a.other) },
    experience_required: n(ad.experienceRequired),
    access_to_own_car: n(ad.accessToOwnCar),
    driving_license_required: n(ad.drivingLicenceRequired),
    occupation: jsRef(ad.occupation),
    occupation_group: jsRef(ad.occupationGroup),
    occupation_field: jsRef(ad.occupationField),
    workplace_address: {
      municipality_code: n(w.municipalityCode), municipality: n(w.municipality), region_code: n(w.regionCode), region: n(w.region),
      country_code: n(w.countryCode), country: n(w.country), street_address: n(w.streetAddress), postcode: n(w.postcode), city: n(w.city),
      coordinates: w.coordinates ? [w.coordinates.longitude, w.coordinates.latitude] : null,
      ...(w.municipalityConcept !== undefined ? { municipality_concept_id: w.municipalityConcept } : {}),
      ...(w.regionConcept !== undefined ? { region_concept_id: w.regionConcept } : {}),
      ...(w.countryConcept !== undefined ? { country_concept_id: w.countryConcept } : {}),
    },
    must_have: jsRequirements(ad.mustHave),
    nice_to_have: jsRequirements(ad.niceToHave),
    publication_date: n(ad.publicationDate),
    last_publication_date: n(ad.lastPublicationDate),
    removed: n(ad.removed),
    removed_date: n(ad.removedDate),
    source_type: n(ad.sourceType),
    keywords: n(ad.keywords),
    timestamp: n(ad.timestamp),
  };
  if (ad.webpageUrl !== undefined) out.webpage_url = ad.webpageUrl;
  if (e.logoUrl !== undefined) out.logo_url = e.logoUrl;
  if (ad.salaryDescription !== undefined) out.salary_description = ad.salaryDescription;
  if (ad.drivingLicences !== undefined) out.driving_license = ad.drivingLicences.map((r) => jsRef(r)!);
  if (ad.remote !== undefined) out.remote_work = ad.remote;
  if (ad.sourceLinks !== undefined) {
    out.source_links = ad.sourceLinks.map((l) => ({
      label: n(l.label), url: n(l.url), ...(l.source !== undefined ? { source: l.source } : {}), ...(l.sourceId !== undefined ? { source_id: l.sourceId } : {}),
    }));
  }
  if (ad.enrichedConcepts !== undefined) {
    out.enriched_concepts = ad.enrichedConcepts.map((c) => ({ concept_id: c.id, type: c.type, label: c.label, term: c.term, confidence: c.confidence }));
  }
  return out;
}

/** Resolves the workplace's municipality/region codes to taxonomy concepts (JobSearch ads carry only the codes). */
export function enrichJobAd(ad: JobAd, taxonomy: TaxonomyIndex): JobAd {
  const w = ad.workplaceAddress;
  if (!w) return ad;
  const municipality = w.municipalityConcept ?? (w.municipalityCode ? taxonomy.byLegacyId('municipality', w.municipalityCode)?.id : undefined);
  const region = w.regionConcept ?? (w.regionCode ? taxonomy.byLegacyId('region', w.regionCode)?.id : undefined);
  return { ...ad, workplaceAddress: clean({ ...w, municipalityConcept: municipality, regionConcept: region }) };
}
