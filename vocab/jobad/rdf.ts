// JobAd <-> RDF: schema:JobPosting terms where schema.org has them, jm: terms for the rest.
import { bool, dec, Graph, int, str, typed, type Lit, type Node } from '../rdf.ts';
import { conceptIri, JM, RDF, SCHEMA, SKOS, XSD } from '../terms.ts';
import type { ConceptRef, JobAd, Requirements } from './types.ts';

/** Default IRI of an ad: its JobSearch API URL, which dereferences to the ad itself. */
export const JOBSEARCH_AD_BASE = 'https://jobsearch.api.jobtechdev.se/ad/';
export const jobAdIri = (id: string, base = JOBSEARCH_AD_BASE): string => base + encodeURIComponent(id);

const s_ = (v: string | undefined): Lit | undefined => (v === undefined ? undefined : str(v));
const dt = (v: string | undefined): Lit | undefined => (v === undefined ? undefined : typed(v, XSD.dateTime));
const b_ = (v: boolean | undefined): Lit | undefined => (v === undefined ? undefined : bool(v));
const i_ = (v: number | undefined): Lit | undefined => (v === undefined ? undefined : int(v));
const url = (v: string | undefined): Lit | undefined => (v === undefined ? undefined : typed(v, XSD.anyURI));

const REQUIREMENT_KINDS = [
  ['skills', JM.SkillRequirement], ['languages', JM.LanguageRequirement], ['workExperiences', JM.ExperienceRequirement],
] as const;

function writeConcept(g: Graph, r: ConceptRef | undefined): Node | undefined {
  if (!r) return undefined;
  const c = r.id !== undefined ? conceptIri(r.id) : g.blank();
  g.add(c, SKOS.prefLabel, r.label === undefined ? undefined : str(r.label, 'sv')).add(c, JM.legacyAmsTaxonomyId, s_(r.legacyId));
  return c;
}

/** Adds the ad to g and returns its IRI. */
export function writeJobAd(g: Graph, ad: JobAd, iri = jobAdIri(ad.id)): Node {
  const d = ad.description ?? {};
  g.add(iri, RDF.type, JM.JobAd).add(iri, RDF.type, SCHEMA.JobPosting).add(iri, SCHEMA.identifier, str(ad.id))
    .add(iri, JM.externalId, s_(ad.externalId)).add(iri, SCHEMA.title, s_(ad.headline))
    .add(iri, SCHEMA.description, s_(d.text)).add(iri, JM.companyInformation, s_(d.companyInformation)).add(iri, JM.needs, s_(d.needs))
    .add(iri, SCHEMA.qualifications, s_(d.requirements)).add(iri, JM.conditions, s_(d.conditions))
    .add(iri, SCHEMA.validThrough, dt(ad.applicationDeadline)).add(iri, SCHEMA.totalJobOpenings, i_(ad.numberOfVacancies))
    .add(iri, JM.workplaceId, s_(ad.workplaceId))
    .add(iri, JM.employmentType, writeConcept(g, ad.employmentType)).add(iri, JM.salaryType, writeConcept(g, ad.salaryType))
    .add(iri, JM.salaryDescription, s_(ad.salaryDescription))
    .add(iri, JM.employmentDuration, writeConcept(g, ad.duration)).add(iri, JM.worktimeExtent, writeConcept(g, ad.worktimeExtent))
    .add(iri, SCHEMA.jobStartDate, s_(ad.access))
    .add(iri, JM.experienceRequired, b_(ad.experienceRequired)).add(iri, JM.accessToOwnCarRequired, b_(ad.accessToOwnCar))
    .add(iri, JM.drivingLicenceRequired, b_(ad.drivingLicenceRequired))
    .addAll(iri, JM.requiredDrivingLicence, (ad.drivingLicences ?? []).map((r) => writeConcept(g, r)!))
    .add(iri, SCHEMA.occupationalCategory, writeConcept(g, ad.occupation)).add(iri, JM.occupationGroup, writeConcept(g, ad.occupationGroup))
    .add(iri, JM.occupationField, writeConcept(g, ad.occupationField))
    .add(iri, SCHEMA.datePosted, dt(ad.publicationDate)).add(iri, JM.lastPublicationDate, dt(ad.lastPublicationDate))
    .add(iri, JM.removed, b_(ad.removed)).add(iri, JM.removedDate, dt(ad.removedDate)).add(iri, JM.sourceType, s_(ad.sourceType))
    .add(iri, JM.timestamp, ad.timestamp === undefined ? undefined : typed(String(ad.timestamp), XSD.long))
    .add(iri, SCHEMA.url, url(ad.webpageUrl)).add(iri, JM.remote, b_(ad.remote));
  if (ad.scopeOfWork) {
    const q = g.blank();
    g.add(iri, JM.scopeOfWork, q).add(q, RDF.type, SCHEMA.QuantitativeValue).add(q, SCHEMA.unitText, str('PERCENT'))
      .add(q, SCHEMA.minValue, i_(ad.scopeOfWork.min)).add(q, SCHEMA.maxValue, i_(ad.scopeOfWork.max));
  }
  if (ad.employer) {
    const e = ad.employer;
    const o = g.blank();
    g.add(iri, SCHEMA.hiringOrganization, o).add(o, RDF.type, SCHEMA.Organization).add(o, JM.employerId, s_(e.id))
      .add(o, SCHEMA.name, s_(e.name)).add(o, JM.workplaceName, s_(e.workplace)).add(o, JM.organisationNumber, s_(e.organisationNumber))
      .add(o, SCHEMA.telephone, s_(e.phone)).add(o, SCHEMA.email, s_(e.email)).add(o, SCHEMA.url, url(e.url)).add(o, SCHEMA.logo, url(e.logoUrl));
  }
  if (ad.application) {
    const a = ad.application;
    const c = g.blank();
    g.add(iri, SCHEMA.applicationContact, c).add(c, RDF.type, SCHEMA.ContactPoint).add(c, JM.applicationInformation, s_(a.information))
      .add(c, JM.applicationReference, s_(a.reference)).add(c, SCHEMA.email, s_(a.email)).add(c, JM.applyViaAf, b_(a.viaAf))
      .add(c, SCHEMA.url, url(a.url)).add(c, JM.otherApplicationInfo, s_(a.other));
  }
  if (ad.workplaceAddress) writeWorkplace(g, iri, ad.workplaceAddress);
  ad.sourceLinks?.forEach((l, position) => {
    const n = g.blank();
    g.add(iri, JM.sourceLink, n).add(n, RDF.type, SCHEMA.WebPage).add(n, SCHEMA.url, url(l.url)).add(n, SCHEMA.name, s_(l.label))
      .add(n, JM.sourceName, s_(l.source)).add(n, SCHEMA.identifier, s_(l.sourceId)).add(n, SCHEMA.position, int(position));
  });
  ad.enrichedConcepts?.forEach((c, position) => {
    const n = g.blank();
    g.add(iri, JM.enrichedConcept, n).add(n, RDF.type, JM.EnrichedConcept).add(n, JM.foundConcept, conceptIri(c.id))
      .add(n, JM.conceptType, str(c.type)).add(n, SCHEMA.name, str(c.label)).add(n, JM.matchedTerm, str(c.term))
      .add(n, JM.confidence, dec(c.confidence)).add(n, SCHEMA.position, int(position));
  });
  writeRequirements(g, iri, JM.mustHave, ad.mustHave);
  writeRequirements(g, iri, JM.niceToHave, ad.niceToHave);
  for (const [source, categories] of Object.entries(ad.keywords ?? {})) {
    for (const [category, values] of Object.entries(categories)) {
      const k = g.blank();
      g.add(iri, JM.keywords, k).add(k, RDF.type, JM.KeywordList).add(k, JM.keywordSource, str(source))
        .add(k, JM.keywordCategory, str(category)).add(k, JM.keywordValues, g.list(values.map((v) => str(v))));
    }
  }
  return iri;
}

function writeWorkplace(g: Graph, iri: Node, w: NonNullable<JobAd['workplaceAddress']>): void {
  const place = g.blank();
  const a = g.blank();
  g.add(iri, SCHEMA.jobLocation, place).add(place, RDF.type, SCHEMA.Place).add(place, SCHEMA.address, a).add(a, RDF.type, SCHEMA.PostalAddress)
    .add(a, JM.municipalityCode, s_(w.municipalityCode)).add(a, JM.municipalityName, s_(w.municipality))
    .add(a, JM.municipality, w.municipalityConcept && conceptIri(w.municipalityConcept))
    .add(a, JM.regionCode, s_(w.regionCode)).add(a, SCHEMA.addressRegion, s_(w.region)).add(a, JM.region, w.regionConcept && conceptIri(w.regionConcept))
    .add(a, JM.countryCode, s_(w.countryCode)).add(a, SCHEMA.addressCountry, s_(w.country)).add(a, JM.country, w.countryConcept && conceptIri(w.countryConcept))
    .add(a, SCHEMA.streetAddress, s_(w.streetAddress)).add(a, SCHEMA.postalCode, s_(w.postcode)).add(a, SCHEMA.addressLocality, s_(w.city));
  if (w.coordinates) {
    const geo = g.blank();
    g.add(place, SCHEMA.geo, geo).add(geo, RDF.type, SCHEMA.GeoCoordinates)
      .add(geo, SCHEMA.longitude, dec(w.coordinates.longitude)).add(geo, SCHEMA.latitude, dec(w.coordinates.latitude));
  }
}

function writeRequirements(g: Graph, iri: Node, p: string, r: Requirements | undefined): void {
  if (!r) return;
  for (const [key, type] of REQUIREMENT_KINDS) {
    for (const w of r[key]) {
      const n = g.blank();
      g.add(iri, p, n).add(n, RDF.type, type).add(n, JM.concept, writeConcept(g, w)).add(n, JM.weight, i_(w.weight));
    }
  }
}

export { readJobAd, readJobAds } from './read.ts';
