// The JobSearch/JobStream API ad format (as published by Arbetsförmedlingen) and our JobAd type.

export interface JobSearchConceptRef { concept_id: string | null; label: string | null; legacy_ams_taxonomy_id: string | null }
export interface JobSearchWeightedRef extends JobSearchConceptRef { weight: number | null }
export interface JobSearchRequirements {
  skills: JobSearchWeightedRef[];
  languages: JobSearchWeightedRef[];
  work_experiences: JobSearchWeightedRef[];
}

export interface JobSearchAd {
  id: string;
  external_id: string | null;
  headline: string | null;
  application_deadline: string | null;
  number_of_vacancies: number | null;
  description: {
    text: string | null; company_information: string | null; needs: string | null; requirements: string | null; conditions: string | null;
  } | null;
  workplace_id?: string | null;
  employment_type: JobSearchConceptRef | null;
  salary_type: JobSearchConceptRef | null;
  duration: JobSearchConceptRef | null;
  working_hours_type: JobSearchConceptRef | null;
  scope_of_work: { min: number | null; max: number | null } | null;
  access: string | null;
  employer: {
    id: string | null; phone_number: string | null; email: string | null; url: string | null;
    organization_number: string | null; name: string | null; workplace: string | null;
  } | null;
  application_details: {
    information: string | null; reference: string | null; email: string | null; via_af: boolean | null; url: string | null; other: string | null;
  } | null;
  experience_required: boolean | null;
  access_to_own_car: boolean | null;
  driving_license_required: boolean | null;
  occupation: JobSearchConceptRef | null;
  occupation_group: JobSearchConceptRef | null;
  occupation_field: JobSearchConceptRef | null;
  workplace_address: {
    municipality_code: string | null; municipality: string | null; region_code: string | null; region: string | null;
    country_code: string | null; country: string | null; street_address: string | null; postcode: string | null;
    city: string | null; coordinates: [number, number] | number[] | null;
    municipality_concept_id?: string | null; region_concept_id?: string | null; country_concept_id?: string | null;
  } | null;
  must_have: JobSearchRequirements | null;
  nice_to_have: JobSearchRequirements | null;
  publication_date: string | null;
  last_publication_date: string | null;
  removed: boolean | null;
  removed_date: string | null;
  source_type: string | null;
  keywords?: Record<string, Record<string, string[]>> | null;
  timestamp: number | null;
  // Fields of later API versions; kept when present.
  webpage_url?: string | null;
  logo_url?: string | null;
  salary_description?: string | null;
  driving_license?: JobSearchConceptRef[] | null;
  remote_work?: boolean | null;
  /** Where the same vacancy is published (as JobTech's JobAd Links lists them). */
  source_links?: Array<{ label: string | null; url: string | null; source?: string; source_id?: string }> | null;
  /** Concepts found in the headline and text by enrichment, with ids (our extension of keywords.enriched). */
  enriched_concepts?: Array<{ concept_id: string; type: string; label: string; term: string; confidence: number }> | null;
}

/** A taxonomy concept as an ad cites it: the id plus the label and legacy id the ad carried. */
export interface ConceptRef { id?: string; label?: string; legacyId?: string }
export interface WeightedConcept extends ConceptRef { weight?: number }
export interface Requirements { skills: WeightedConcept[]; languages: WeightedConcept[]; workExperiences: WeightedConcept[] }

export interface JobAd {
  id: string;
  externalId?: string;
  headline?: string;
  description?: { text?: string; companyInformation?: string; needs?: string; requirements?: string; conditions?: string };
  applicationDeadline?: string;
  numberOfVacancies?: number;
  workplaceId?: string;
  employmentType?: ConceptRef;
  salaryType?: ConceptRef;
  salaryDescription?: string;
  duration?: ConceptRef;
  worktimeExtent?: ConceptRef;
  scopeOfWork?: { min?: number; max?: number };
  access?: string;
  employer?: { id?: string; name?: string; workplace?: string; organisationNumber?: string; phone?: string; email?: string; url?: string; logoUrl?: string };
  application?: { information?: string; reference?: string; email?: string; viaAf?: boolean; url?: string; other?: string };
  experienceRequired?: boolean;
  accessToOwnCar?: boolean;
  drivingLicenceRequired?: boolean;
  drivingLicences?: ConceptRef[];
  occupation?: ConceptRef;
  occupationGroup?: ConceptRef;
  occupationField?: ConceptRef;
  workplaceAddress?: {
    municipalityCode?: string; municipality?: string; municipalityConcept?: string;
    regionCode?: string; region?: string; regionConcept?: string;
    countryCode?: string; country?: string; countryConcept?: string;
    streetAddress?: string; postcode?: string; city?: string;
    coordinates?: { longitude: number; latitude: number };
  };
  mustHave?: Requirements;
  niceToHave?: Requirements;
  publicationDate?: string;
  lastPublicationDate?: string;
  removed?: boolean;
  removedDate?: string;
  sourceType?: string;
  /** keywords[source][category] = values in order, e.g. keywords.enriched.skill. */
  keywords?: Record<string, Record<string, string[]>>;
  timestamp?: number;
  webpageUrl?: string;
  remote?: boolean;
  sourceLinks?: SourceLink[];
  enrichedConcepts?: EnrichedConcept[];
}

/**
 * Where the vacancy is published, e.g. a board or the employer's career page: the page, and the
 * source it came from with the id it has there (kept so updates and removals find it).
 */
export interface SourceLink { label?: string; url?: string; source?: string; sourceId?: string }
/** A taxonomy concept found in an ad's text: `term` is the words as written, `confidence` 0..1. */
export interface EnrichedConcept { id: string; type: string; label: string; term: string; confidence: number }
