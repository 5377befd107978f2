// The contracts of the search's ad index: what it keeps per ad (features), what a query is once
// its parameters are checked and resolved to concept ids, and what a search answers. The query
// parser (query/), the matcher (match/) and the candidate search read the index only through these.
import type { JobSearchAd } from '../../../vocab/index.ts';

/** What the index keeps per ad for filters, stats and matching: concept ids, with the taxonomy's broader chain resolved. */
export interface AdFeatures {
  id: string;
  headline: string;
  employerName?: string;
  occupation?: string;
  occupationGroup?: string;
  occupationField?: string;
  municipality?: string;
  region?: string;
  country?: string;
  /** The workplace's coordinates, when the ad gives them. */
  position?: { lat: number; lon: number };
  employmentType?: string;
  /** The working_hours_type concept (full time / part time). */
  worktimeExtent?: string;
  remote: boolean;
  /** Skill concept ids the ad requires / would like. */
  mustSkills: string[];
  niceSkills: string[];
  mustLanguages: string[];
  niceLanguages: string[];
  /** Driving licence concept ids the ad names; `drivingLicenceRequired` when it demands one. */
  drivingLicences: string[];
  drivingLicenceRequired: boolean;
  /** Concepts enrichment found in the headline and text, by type (skill, occupation-name, language, …). */
  enriched: Array<{ id: string; type: string; confidence: number }>;
  /** Milliseconds since the epoch. */
  publishedAt: number;
  applicationDeadline?: number;
  /** WebIDs that published the ad through the aggregator (from its `publisher:` source links). */
  publishers: string[];
}

/** Fields a concept filter (and `stats`) can name, as the JobSearch parameters call them. */
export const CONCEPT_FIELDS = [
  'occupation-name', 'occupation-group', 'occupation-field', 'skill', 'language', 'driving-license',
  'employment-type', 'worktime-extent', 'municipality', 'region', 'country',
] as const;
export type ConceptField = (typeof CONCEPT_FIELDS)[number];

/** One parameter's concepts: an ad passes when it has any of `anyOf` and none of `noneOf`. */
export interface ConceptFilter { field: ConceptField; anyOf: string[]; noneOf: string[] }

export type SortOrder = 'relevance' | 'pubdate-desc' | 'pubdate-asc' | 'applydate-asc';

/** A search, its parameters checked and names resolved to concept ids. Filters AND together. */
export interface SearchQuery {
  /** Free text as typed (`q`); the index analyses it. */
  text?: string;
  filters: ConceptFilter[];
  /** Ads within radiusKm of any of these points. */
  positions?: Array<{ lat: number; lon: number; radiusKm: number }>;
  remote?: boolean;
  publishedAfter?: number;
  publishedBefore?: number;
  sort: SortOrder;
  offset: number;
  limit: number;
  /** Fields to count hits per concept for. */
  stats: ConceptField[];
  /** Values per stats field (JobSearch's stats.limit). */
  statsLimit: number;
}

export interface StatsValue { term: string; concept_id: string; code: string | null; count: number }
export interface SearchResult {
  total: number;
  hits: Array<{ id: string; relevance: number }>;
  stats: Array<{ type: ConceptField; values: StatsValue[] }>;
  /** Concepts recognised among the words of `text`, by JobSearch's freetext_concepts keys. */
  freetextConcepts: Record<string, string[]>;
}

/** A suggestion for a prefix typed into a search box. */
export interface Completion { value: string; found_phrase: string; type: string; occurrences: number; concept_id?: string }

/** What the matcher and the candidate search need: ads by id and by the concepts they carry. */
export interface AdReader {
  readonly size: number;
  features(id: string): AdFeatures | undefined;
  /** The ad as the aggregator published it (JobSearch JSON). */
  ad(id: string): JobSearchAd | undefined;
  /** Ads carrying any of these concept ids in any concept field, each once. */
  withAnyConcept(ids: Iterable<string>): Iterable<AdFeatures>;
  all(): Iterable<AdFeatures>;
}

/** The replica of the aggregator's live ads: changed only by the stream follower. */
export interface AdIndex extends AdReader {
  upsert(ad: JobSearchAd): void;
  remove(id: string): void;
  search(query: SearchQuery): SearchResult;
  complete(prefix: string, limit: number): Completion[];
}
