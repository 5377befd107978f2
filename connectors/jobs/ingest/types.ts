// The contract between the parts of ingest: formats and sources produce ParsedAd items; the
// pipeline (normalise, enrich, dedupe, store) turns each into one IngestOutcome.
import type { JobAd } from '../../../vocab/index.ts';

export type AdFormat = 'jobsearch' | 'jsonld' | 'legacy';

/** One ad of a batch after parsing and validation: an ad with no reasons, or reasons with no ad. */
export interface ParsedAd {
  /** Position in the batch as sent. */
  index: number;
  ad?: JobAd;
  /** Why the ad was refused (empty when it was accepted). */
  reasons: string[];
  /** The id the ad has at its source (JobSearch `id`, legacy `annonsId`, JobPosting `identifier`). */
  sourceId?: string;
}

/** Where a batch came from: a configured source, the command line, or a publisher's WebID. */
export interface Origin {
  /** Stable name of the source, e.g. `jobstream:https://…`, `file:ads.json`, `publisher`. */
  source: string;
  /** The WebID that posted the ads (publishers only); only it may change or remove them. */
  publisher?: string;
  /** Label for the ad's source link, e.g. the board's name. */
  label?: string;
}

export type OutcomeStatus = 'imported' | 'updated' | 'unchanged' | 'merged' | 'removed' | 'rejected';

export interface IngestOutcome {
  index: number;
  status: OutcomeStatus;
  /** Our id of the ad (for merged: the surviving ad). */
  id?: string;
  url?: string;
  /** For merged duplicates: the id of the ad this one became part of. */
  duplicateOf?: string;
  reasons?: string[];
}

/** What a source yields on one pull: ads to add or replace, source ids to remove, where to go on. */
export interface SourceBatch {
  ads: ParsedAd[];
  removedSourceIds: string[];
  /** Opaque position to pass to the next pull (e.g. the JobStream date); undefined = start over. */
  cursor?: string;
}

/** Takes parsed ads from any origin; implemented by the pipeline in connectors/jobs/pipeline.ts. */
export interface AdSink {
  ingest(ads: ParsedAd[], origin: Origin): Promise<IngestOutcome[]>;
  remove(sourceIds: string[], origin: Origin): Promise<IngestOutcome[]>;
}
