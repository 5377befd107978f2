// RDF -> JobAd. Reads our own ads losslessly and plain schema:JobPosting data as far as schema.org goes.
import type { Graph, Node } from '../rdf.ts';
import { conceptIdOf, JM, SCHEMA, SKOS } from '../terms.ts';
import type { ConceptRef, JobAd, Requirements, WeightedConcept } from './types.ts';

function clean<T extends object>(o: T): T | undefined {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return Object.keys(o).length ? o : undefined;
}

function readConcept(g: Graph, c: Node | undefined): ConceptRef | undefined {
  if (c === undefined) return undefined;
  return clean({ id: c.startsWith('_:') ? undefined : conceptIdOf(c) ?? c, label: g.string(c, SKOS.prefLabel), legacyId: g.string(c, JM.legacyAmsTaxonomyId) }) ?? {};
}

function readRequirements(g: Graph, ad: Node, p: string): Requirements | undefined {
  const nodes = g.nodes(ad, p);
  const of = (type: string): WeightedConcept[] => nodes.filter((n) => g.types(n).includes(type))
    .map((n) => ({ ...readConcept(g, g.node(n, JM.concept)), ...(g.number(n, JM.weight) === undefined ? {} : { weight: g.number(n, JM.weight)! }) }))
    .sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''));
  return { skills: of(JM.SkillRequirement), languages: of(JM.LanguageRequirement), workExperiences: of(JM.ExperienceRequirement) };
}

export function readJobAd(g: Graph, iri: Node): JobAd {
  const e = g.node(iri, SCHEMA.hiringOrganization);
  const a = g.node(iri, SCHEMA.applicationContact);
  const q = g.node(iri, JM.scopeOfWork);
  const place = g.node(iri, SCHEMA.jobLocation);
  const addr = place && g.node(place, SCHEMA.address);
  const geo = place && g.node(place, SCHEMA.geo);
  const concept = (n: Node | undefined) => (n === undefined ? undefined : conceptIdOf(n) ?? n);
  let keywords: Record<string, Record<string, string[]>> | undefined;
  for (const k of g.nodes(iri, JM.keywords)) {
    const source = g.string(k, JM.keywordSource) ?? '';
    const list = g.node(k, JM.keywordValues);
    keywords ??= {};
    keywords[source] ??= {};
    keywords[source][g.string(k, JM.keywordCategory) ?? ''] = list ? g.listItems(list).map((v) => (typeof v === 'string' ? v : v.value)) : [];
  }
  const hasRequirements = g.nodes(iri, JM.mustHave).length + g.nodes(iri, JM.niceToHave).length > 0 || g.types(iri).includes(JM.JobAd);
  const licences = g.nodes(iri, JM.requiredDrivingLicence);
  const timestamp = g.string(iri, JM.timestamp);
  // Lists in RDF have no order of their own: schema:position keeps the order the ad had.
  const byPosition = (nodes: Node[]) => nodes.map((n) => ({ n, at: g.number(n, SCHEMA.position) ?? Infinity })).sort((a, b) => a.at - b.at).map((x) => x.n);
  const links = byPosition(g.nodes(iri, JM.sourceLink));
  const enriched = byPosition(g.nodes(iri, JM.enrichedConcept));
  return clean({
    id: g.string(iri, SCHEMA.identifier) ?? iri,
    externalId: g.string(iri, JM.externalId),
    headline: g.string(iri, SCHEMA.title),
    description: clean({
      text: g.string(iri, SCHEMA.description), companyInformation: g.string(iri, JM.companyInformation), needs: g.string(iri, JM.needs),
      requirements: g.string(iri, SCHEMA.qualifications), conditions: g.string(iri, JM.conditions),
    }),
    applicationDeadline: g.string(iri, SCHEMA.validThrough),
    numberOfVacancies: g.number(iri, SCHEMA.totalJobOpenings),
    workplaceId: g.string(iri, JM.workplaceId),
    employmentType: readConcept(g, g.node(iri, JM.employmentType)),
    salaryType: readConcept(g, g.node(iri, JM.salaryType)),
    salaryDescription: g.string(iri, JM.salaryDescription),
    duration: readConcept(g, g.node(iri, JM.employmentDuration)),
    worktimeExtent: readConcept(g, g.node(iri, JM.worktimeExtent)),
    scopeOfWork: q ? clean({ min: g.number(q, SCHEMA.minValue), max: g.number(q, SCHEMA.maxValue) }) ?? {} : undefined,
    access: g.string(iri, SCHEMA.jobStartDate),
    employer: e ? clean({
      id: g.string(e, JM.employerId), name: g.string(e, SCHEMA.name), workplace: g.string(e, JM.workplaceName),
      organisationNumber: g.string(e, JM.organisationNumber), phone: g.string(e, SCHEMA.telephone), email: g.string(e, SCHEMA.email),
      url: g.string(e, SCHEMA.url), logoUrl: g.string(e, SCHEMA.logo),
    }) ?? {} : undefined,
    application: a ? clean({
      information: g.string(a, JM.applicationInformation), reference: g.string(a, JM.applicationReference), email: g.string(a, SCHEMA.email),
      viaAf: g.boolean(a, JM.applyViaAf), url: g.string(a, SCHEMA.url), other: g.string(a, JM.otherApplicationInfo),
    }) ?? {} : undefined,
    experienceRequired: g.boolean(iri, JM.experienceRequired),
    accessToOwnCar: g.boolean(iri, JM.accessToOwnCarRequired),
    drivingLicenceRequired: g.boolean(iri, JM.drivingLicenceRequired),
    drivingLicences: licences.length ? licences.map((l) => readConcept(g, l)!) : undefined,
    occupation: readConcept(g, g.node(iri, SCHEMA.occupationalCategory)),
    occupationGroup: readConcept(g, g.node(iri, JM.occupationGroup)),
    occupationField: readConcept(g, g.node(iri, JM.occupationField)),
    workplaceAddress: addr || geo ? clean({
      municipalityCode: addr && g.string(addr, JM.municipalityCode), municipality: addr && g.string(addr, JM.municipalityName),
      municipalityConcept: addr && concept(g.node(addr, JM.municipality)),
      regionCode: addr && g.string(addr, JM.regionCode), region: addr && g.string(addr, SCHEMA.addressRegion),
      regionConcept: addr && concept(g.node(addr, JM.region)),
      countryCode: addr && g.string(addr, JM.countryCode), country: addr && g.string(addr, SCHEMA.addressCountry),
      countryConcept: addr && concept(g.node(addr, JM.country)),
      streetAddress: addr && g.string(addr, SCHEMA.streetAddress), postcode: addr && g.string(addr, SCHEMA.postalCode),
      city: addr && g.string(addr, SCHEMA.addressLocality),
      coordinates: geo ? { longitude: g.number(geo, SCHEMA.longitude) ?? NaN, latitude: g.number(geo, SCHEMA.latitude) ?? NaN } : undefined,
    }) : undefined,
    mustHave: hasRequirements ? readRequirements(g, iri, JM.mustHave) : undefined,
    niceToHave: hasRequirements ? readRequirements(g, iri, JM.niceToHave) : undefined,
    publicationDate: g.string(iri, SCHEMA.datePosted),
    lastPublicationDate: g.string(iri, JM.lastPublicationDate),
    removed: g.boolean(iri, JM.removed),
    removedDate: g.string(iri, JM.removedDate),
    sourceType: g.string(iri, JM.sourceType),
    keywords,
    timestamp: timestamp === undefined ? undefined : Number(timestamp),
    webpageUrl: g.string(iri, SCHEMA.url),
    remote: g.boolean(iri, JM.remote),
    sourceLinks: links.length ? links.map((l) => clean({ label: g.string(l, SCHEMA.name), url: g.string(l, SCHEMA.url), source: g.string(l, JM.sourceName), sourceId: g.string(l, SCHEMA.identifier) }) ?? {}) : undefined,
    enrichedConcepts: enriched.length ? enriched.map((e) => ({
      id: concept(g.node(e, JM.foundConcept)) ?? '', type: g.string(e, JM.conceptType) ?? '', label: g.string(e, SCHEMA.name) ?? '',
      term: g.string(e, JM.matchedTerm) ?? '', confidence: g.number(e, JM.confidence) ?? 0,
    })) : undefined,
  })!;
}

/** Every jm:JobAd or schema:JobPosting in the graph. */
export function readJobAds(g: Graph): JobAd[] {
  const iris = new Set([...g.instancesOf(JM.JobAd), ...g.instancesOf(SCHEMA.JobPosting)]);
  return [...iris].sort().map((iri) => readJobAd(g, iri));
}
