// A JobStream-compatible endpoint: `/snapshot` on the first pull, then `/stream?date=<cursor>`.
// The cursor is the time of the pull minus an overlap, so that changes made while a pull ran are
// seen again on the next one (ingest is idempotent: an unchanged ad stays unchanged).
import type { TaxonomyIndex } from '../../../../vocab/index.ts';
import type { SourceBatch } from '../types.ts';
import { splitBatch } from './batch.ts';
import { parseJson, readBody, SourceError } from './read-body.ts';
import type { AdSource, SourceLimits } from './source.ts';

export interface JobStreamOptions extends SourceLimits {
  baseUrl: string;
  taxonomy: TaxonomyIndex;
  intervalSeconds?: number;
  overlapSeconds?: number;
  now?: () => Date;
}

/** JobStream dates: local-less ISO time to the second, e.g. 2024-03-01T12:00:00. */
const streamDate = (d: Date): string => d.toISOString().slice(0, 19);

export class JobStreamSource implements AdSource {
  readonly name: string;
  readonly intervalSeconds?: number;
  private readonly base: string;

  constructor(private readonly opts: JobStreamOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '');
    this.name = `jobstream:${this.base}`;
    this.intervalSeconds = opts.intervalSeconds;
  }

  async pull(cursor?: string, signal?: AbortSignal): Promise<SourceBatch> {
    const started = (this.opts.now ?? (() => new Date()))();
    const url = cursor ? `${this.base}/stream?date=${encodeURIComponent(cursor)}` : `${this.base}/snapshot`;
    const { text } = await readBody(url, { ...this.opts, signal, accept: 'application/json', expectType: /json/i });
    const body = parseJson(text, url);
    if (!Array.isArray(body)) throw new SourceError(`${url} sent a JSON ${body === null ? 'null' : typeof body}, expected a list of ads`);
    const { ads, removedSourceIds } = splitBatch(body, 'jobsearch', this.opts.taxonomy);
    const next = new Date(started.getTime() - (this.opts.overlapSeconds ?? 60) * 1000);
    return { ads, removedSourceIds, cursor: streamDate(next) };
  }
}
