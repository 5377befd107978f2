// SourcePoller: pulls each source on its own interval and hands what it yields to the sink. A source
// that fails (timeout, error, garbage) is logged and retried with a growing delay; the others go on.
// The cursor moves on only once the sink has taken the batch, so nothing is lost to a failed store.
import type { AdSink, IngestOutcome, Origin, ParsedAd } from '../types.ts';
import type { AdSource } from './source.ts';

export interface PollerLog { info(message: string): void; warn(message: string): void }

export interface SourcePollerOptions {
  sources: readonly AdSource[];
  sink: AdSink;
  log: PollerLog;
  /** Seconds between pulls of a source that does not set its own. */
  intervalSeconds: number;
  /** First retry delay after a failure, doubled on each further failure up to maxRetrySeconds. */
  retrySeconds?: number;
  maxRetrySeconds?: number;
  /** Ads handed to the sink per call. */
  chunkSize?: number;
  /** Optional label for the ads' source links (e.g. the board's name), per source name. */
  labels?: Record<string, string>;
}

export interface PullReport { source: string; ok: boolean; ads: number; removed: number; outcomes: IngestOutcome[]; error?: string }

interface SourceState { cursor?: string; failures: number; timer?: NodeJS.Timeout; inFlight?: Promise<PullReport> }

export class SourcePoller {
  private readonly states = new Map<AdSource, SourceState>();
  private running = false;

  constructor(private readonly opts: SourcePollerOptions) {
    for (const s of opts.sources) this.states.set(s, { failures: 0 });
  }

  /** Pulls every source once, side by side; a failing source is reported, never thrown. */
  async pollOnce(): Promise<PullReport[]> {
    return Promise.all(this.opts.sources.map((s) => this.pull(s)));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const s of this.opts.sources) this.schedule(s, 0);
  }

  /** Stops scheduling and waits for the pulls in flight to finish. */
  async stop(): Promise<void> {
    this.running = false;
    for (const state of this.states.values()) clearTimeout(state.timer);
    await Promise.all([...this.states.values()].map((s) => s.inFlight?.catch(() => undefined)));
  }

  private schedule(source: AdSource, delaySeconds: number): void {
    const state = this.states.get(source)!;
    state.timer = setTimeout(() => {
      if (!this.running) return;
      void this.pull(source).then(() => {
        if (this.running) this.schedule(source, this.delayAfter(source));
      });
    }, delaySeconds * 1000);
    state.timer.unref?.();
  }

  private delayAfter(source: AdSource): number {
    const state = this.states.get(source)!;
    const interval = source.intervalSeconds ?? this.opts.intervalSeconds;
    if (state.failures === 0) return interval;
    const retry = (this.opts.retrySeconds ?? 30) * 2 ** (state.failures - 1);
    return Math.min(retry, this.opts.maxRetrySeconds ?? Math.max(interval, 3600));
  }

  private pull(source: AdSource): Promise<PullReport> {
    const state = this.states.get(source)!;
    // One pull of a source at a time: a second caller shares the one in flight.
    state.inFlight ??= this.pullNow(source, state).finally(() => { state.inFlight = undefined; });
    return state.inFlight;
  }

  private async pullNow(source: AdSource, state: SourceState): Promise<PullReport> {
    const origin: Origin = { source: source.name, ...(this.opts.labels?.[source.name] ? { label: this.opts.labels[source.name] } : {}) };
    try {
      const batch = await source.pull(state.cursor);
      const outcomes: IngestOutcome[] = [];
      const size = this.opts.chunkSize ?? 500;
      for (let i = 0; i < batch.ads.length; i += size) outcomes.push(...await this.opts.sink.ingest(batch.ads.slice(i, i + size), origin));
      for (let i = 0; i < batch.removedSourceIds.length; i += size) outcomes.push(...await this.opts.sink.remove(batch.removedSourceIds.slice(i, i + size), origin));
      state.cursor = batch.cursor;
      if (state.failures) this.opts.log.info(`${source.name}: back after ${state.failures} failed pull(s)`);
      state.failures = 0;
      const rejected = countRejected(batch.ads);
      this.opts.log.info(`${source.name}: ${batch.ads.length} ads (${rejected} refused), ${batch.removedSourceIds.length} removals`);
      return { source: source.name, ok: true, ads: batch.ads.length, removed: batch.removedSourceIds.length, outcomes };
    } catch (e) {
      state.failures++;
      const error = (e as Error).message;
      this.opts.log.warn(`${source.name}: pull failed (${state.failures} in a row), retrying in ${this.delayAfter(source)}s: ${error}`);
      return { source: source.name, ok: false, ads: 0, removed: 0, outcomes: [], error };
    }
  }
}

const countRejected = (ads: ParsedAd[]): number => ads.filter((a) => a.reasons.length > 0).length;
