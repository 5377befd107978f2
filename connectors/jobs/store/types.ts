// The aggregator's one narrow storage interface. The embedded default is SQLite (sqlite.ts); a
// PostgreSQL implementation can sit behind the same methods, which is why every method is async.
import type { JobSearchAd } from '../../../vocab/index.ts';

/** An ad as stored and published: the JobSearch JSON plus what the aggregator needs to keep it. */
export interface AdRecord {
  /** Our id: stable for a source posting (see ids.ts). */
  id: string;
  /**
   * The ad as JobStream publishes it (removed ads keep their last content with removed: true);
   * as stored, its id and timestamp (updatedAt in ms) are those of the record.
   */
  ad: JobSearchAd;
  /** The stored JSON of `ad` as UTF-8, when read from the store (written out as it is by /snapshot and /stream). */
  json?: Buffer;
  /**
   * When the ad last changed, in microseconds since the epoch, strictly increasing per store: the
   * stream's order. The ad's published `timestamp` is the same instant in milliseconds.
   */
  updatedAt: number;
  removed: boolean;
  /** Duplicate detection: the employer + place block and the MinHash signature (absent for removed ads). */
  block?: string;
  signature?: Uint32Array;
}

/** One publication of a vacancy at one source; several postings may share one ad (duplicates). */
export interface Posting {
  source: string;
  sourceId: string;
  adId: string;
  /** The WebID that posted it (publishers only); only it may change or remove it. */
  publisher?: string;
  /** Hash of the normalised content as last received: an identical re-send changes nothing. */
  contentHash: string;
  url?: string;
  label?: string;
}

/** Position in the change stream: after this (updatedAt, id). */
export interface StreamCursor { updatedAt: number; id: string }

/** Reads and writes of one atomic unit of work (one chunk of a batch). */
export interface AdTransaction {
  ad(id: string): Promise<AdRecord | undefined>;
  posting(source: string, sourceId: string): Promise<Posting | undefined>;
  postingsOf(adId: string): Promise<Posting[]>;
  /** Live ads that share at least one band key (same block): candidates for near-duplicates. */
  duplicateCandidates(bands: readonly string[], limit: number): Promise<Array<{ id: string; signature: Uint32Array }>>;
  /**
   * Writes the ad with a fresh updatedAt (returned), which also becomes the ad's `timestamp`. Given bands replace the ad's earlier ones;
   * without them the ad keeps its bands (its text did not change). A removed ad has none.
   */
  putAd(record: Omit<AdRecord, 'updatedAt'>, bands?: readonly string[]): Promise<number>;
  putPosting(posting: Posting): Promise<void>;
  deletePosting(source: string, sourceId: string): Promise<void>;
}

export interface AdStore {
  /** Runs fn atomically: all of its writes land, or none (fn throws). Transactions do not interleave. */
  transaction<T>(fn: (tx: AdTransaction) => Promise<T>): Promise<T>;
  /** An ad by our id; an id that was merged into another ad gives the surviving ad. */
  get(id: string): Promise<AdRecord | undefined>;
  postingsOf(adId: string): Promise<Posting[]>;
  /** Changes (including removals) after a cursor and before an instant (µs), in stream order. */
  changes(after: StreamCursor, before: number, limit: number): Promise<AdRecord[]>;
  /** Live (not removed) ads in id order after an id. */
  live(afterId: string, limit: number): Promise<AdRecord[]>;
  counts(): Promise<{ live: number; removed: number }>;
  close(): Promise<void>;
}
