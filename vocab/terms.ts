// IRI constants for every term the vocabulary uses. Code never spells an IRI by hand.
export const NS = {
  jm: 'https://w3id.org/jobtech-mydata/vocab#',
  concept: 'http://data.jobtechdev.se/taxonomy/concept/',
  schema: 'http://schema.org/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  dpv: 'https://w3id.org/dpv#',
  pd: 'https://w3id.org/dpv/pd#',
  dct: 'http://purl.org/dc/terms/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  sh: 'http://www.w3.org/ns/shacl#',
  esco: 'http://data.europa.eu/esco/',
} as const;

/** The vocabulary's own namespace and the IRI of the ontology document. */
export const VOCAB_NAMESPACE = NS.jm;
export const ONTOLOGY_IRI = 'https://w3id.org/jobtech-mydata/vocab';
export const CONTEXT_IRI = 'https://w3id.org/jobtech-mydata/vocab/context.jsonld';
export const SHAPES_IRI = 'https://w3id.org/jobtech-mydata/vocab/shapes';

function terms<const T extends readonly string[]>(base: string, names: T): { [K in T[number]]: string } {
  return Object.fromEntries(names.map((n) => [n, base + n])) as { [K in T[number]]: string };
}

export const JM = terms(NS.jm, [
  // sections
  'ProfileSection', 'SkillsSection', 'ExperienceSection', 'EducationSection', 'LanguagesSection',
  'LicencesSection', 'PreferencesSection', 'ContactSection',
  // profile items
  'SkillClaim', 'WorkExperience', 'EducationRecord', 'LanguageSkill', 'DrivingLicence', 'Reference',
  'CefrLevel', 'RemoteWorkOption', 'TaxonomyScheme',
  'hasSkillClaim', 'hasWorkExperience', 'hasEducation', 'hasLanguageSkill', 'hasDrivingLicence', 'hasCredential',
  'skill', 'selfAssessment', 'lastUsed', 'evidence', 'relationship',
  'occupation', 'employer', 'organisationNumber', 'location',
  'educationLevel', 'educationField', 'institution',
  'language', 'cefrLevel', 'nativeLanguage',
  'drivingLicenceCategory',
  'desiredOccupation', 'desiredLocation', 'desiredEmploymentType', 'desiredWorktimeExtent', 'remoteWork',
  'earliestStartDate', 'salaryExpectation',
  'contactCard', 'homeMunicipality',
  // job ads
  'JobAd', 'Requirement', 'SkillRequirement', 'LanguageRequirement', 'ExperienceRequirement', 'KeywordList',
  'externalId', 'companyInformation', 'needs', 'conditions', 'workplaceId',
  'employmentType', 'salaryType', 'salaryDescription', 'employmentDuration', 'worktimeExtent', 'scopeOfWork',
  'employerId', 'workplaceName', 'applicationInformation', 'applicationReference', 'applyViaAf',
  'otherApplicationInfo', 'experienceRequired', 'accessToOwnCarRequired', 'drivingLicenceRequired',
  'requiredDrivingLicence', 'occupationGroup', 'occupationField',
  'municipality', 'municipalityCode', 'municipalityName', 'region', 'regionCode', 'country', 'countryCode',
  'mustHave', 'niceToHave', 'concept', 'weight', 'legacyAmsTaxonomyId',
  'lastPublicationDate', 'removed', 'removedDate', 'sourceType', 'timestamp',
  'keywords', 'keywordSource', 'keywordCategory', 'keywordValues', 'remote',
  'sourceLink', 'sourceName', 'EnrichedConcept', 'enrichedConcept', 'foundConcept', 'conceptType', 'matchedTerm', 'confidence',
  // taxonomy annotations
  'taxonomyType', 'taxonomyScheme', 'legacyId', 'personalDataCategory',
] as const);

export const SCHEMA = terms(NS.schema, [
  'Person', 'JobPosting', 'Occupation', 'EducationalOccupationalCredential', 'DefinedTerm', 'Rating',
  'Organization', 'EducationalOrganization', 'MonetaryAmount', 'QuantitativeValue', 'Place', 'PostalAddress',
  'GeoCoordinates', 'ContactPoint', 'CreativeWork', 'DefinedTermSet',
  'name', 'description', 'identifier', 'url', 'email', 'telephone', 'logo',
  'ratingValue', 'worstRating', 'bestRating', 'monthsOfExperience',
  'startDate', 'endDate', 'roleName', 'educationalCredentialAwarded',
  'credentialCategory', 'recognizedBy', 'validFrom', 'expires', 'competencyRequired',
  'minValue', 'maxValue', 'currency', 'unitText',
  'title', 'datePosted', 'validThrough', 'totalJobOpenings', 'qualifications', 'jobStartDate',
  'hiringOrganization', 'applicationContact', 'occupationalCategory', 'jobLocation', 'address', 'geo',
  'streetAddress', 'postalCode', 'addressLocality', 'addressRegion', 'addressCountry',
  'latitude', 'longitude', 'skills', 'employmentType', 'inDefinedTermSet', 'termCode', 'WebPage', 'position',
] as const);

export const SKOS = terms(NS.skos, [
  'Concept', 'ConceptScheme', 'prefLabel', 'altLabel', 'definition', 'notation', 'inScheme',
  'broader', 'narrower', 'exactMatch', 'closeMatch', 'broadMatch', 'narrowMatch', 'topConceptOf', 'example',
] as const);

export const FOAF = terms(NS.foaf, ['Document', 'primaryTopic', 'Person'] as const);
export const VCARD = terms(NS.vcard, [
  'Individual', 'Address', 'fn', 'given-name', 'family-name', 'hasEmail', 'hasTelephone', 'hasAddress',
  'street-address', 'postal-code', 'locality', 'country-name', 'url',
] as const);
export const DPV = terms(NS.dpv, ['hasPersonalData', 'PersonalDataCategory'] as const);
export const PD = terms(NS.pd, [
  'ProfessionalExperience', 'EmploymentHistory', 'EducationExperience', 'EducationQualification', 'Language',
  'ProfessionalCertification', 'Preference', 'Contact',
] as const);
export const RDF = terms(NS.rdf, ['type', 'first', 'rest', 'nil', 'value', 'langString', 'Property', 'List'] as const);
export const RDFS = terms(NS.rdfs, ['label', 'comment', 'Class', 'subClassOf', 'subPropertyOf', 'domain', 'range', 'isDefinedBy', 'seeAlso'] as const);
export const OWL = terms(NS.owl, ['Ontology', 'Class', 'ObjectProperty', 'DatatypeProperty', 'AnnotationProperty', 'NamedIndividual', 'versionInfo', 'unionOf'] as const);
export const XSD = terms(NS.xsd, [
  'string', 'integer', 'decimal', 'double', 'boolean', 'date', 'dateTime', 'gYear', 'gYearMonth', 'long', 'anyURI',
] as const);

/** CEFR levels are individuals jm:cefr-A1 … jm:cefr-C2. */
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];
export const cefrIri = (level: CefrLevel): string => `${NS.jm}cefr-${level}`;

/** Remote-work options are individuals jm:remote-on-site, jm:remote-hybrid, jm:remote-fully-remote. */
export const REMOTE_OPTIONS = ['on-site', 'hybrid', 'fully-remote'] as const;
export type RemoteOption = (typeof REMOTE_OPTIONS)[number];
export const remoteIri = (option: RemoteOption): string => `${NS.jm}remote-${option}`;

/** A JobTech Taxonomy concept id <-> its IRI. */
export const conceptIri = (id: string): string => NS.concept + id;
export function conceptIdOf(iri: string): string | undefined {
  return iri.startsWith(NS.concept) ? iri.slice(NS.concept.length) : undefined;
}

/** Each taxonomy type ("skill", "occupation-name", ...) is a skos:ConceptScheme jm:taxonomy-{type}. */
export const schemeIri = (type: string): string => `${NS.jm}taxonomy-${type}`;
export function schemeTypeOf(iri: string): string | undefined {
  const p = `${NS.jm}taxonomy-`;
  return iri.startsWith(p) ? iri.slice(p.length) : undefined;
}

/** Prefixes used when writing Turtle and JSON-LD. */
export const PREFIXES: Record<string, string> = {
  jm: NS.jm, jt: NS.concept, schema: NS.schema, skos: NS.skos, foaf: NS.foaf, vcard: NS.vcard,
  dpv: NS.dpv, pd: NS.pd, dct: NS.dct, rdf: NS.rdf, rdfs: NS.rdfs, owl: NS.owl, xsd: NS.xsd, sh: NS.sh,
  esco: NS.esco,
};
