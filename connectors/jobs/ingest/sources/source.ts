// The one interface every source the aggregator pulls from implements.
import type { SourceBatch } from '../types.ts';

export interface AdSource {
  /** Stable name, used as Origin.source: e.g. `jobstream:https://…`. */
  readonly name: string;
  /** Seconds between pulls for this source (the poller's default when absent). */
  readonly intervalSeconds?: number;
  pull(cursor?: string, signal?: AbortSignal): Promise<SourceBatch>;
}

/** Limits shared by the sources; each has a default. */
export interface SourceLimits { timeoutMs?: number; maxBytes?: number }
