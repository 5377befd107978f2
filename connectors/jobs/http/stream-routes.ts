// JobStream-compatible publishing: /snapshot (every live ad) and /stream (changes in a time window,
// removals included). Large answers are written page by page, yielding between pages, so one big
// snapshot never holds the event loop or the memory of 100k ads at once.
import express, { type Request, type Response, type Router } from 'express';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { fromSwedishWallTime } from '../../../consent/swedish-time.ts';
import type { JobSearchAd, TaxonomyIndex } from '../../../vocab/index.ts';
import { BadRequest } from '../../../service-kit/errors.ts';
import type { RateLimit } from '../../../service-kit/http/rate-limit.ts';
import type { AdRecord, AdStore } from '../store/types.ts';

/** Ads read per page: one query of under 10 ms (the JSON is read as bytes and written as it is). */
const PAGE = 500;
const NEWLINE = Buffer.from('\n');
const COMMA_NEWLINE = Buffer.from(',\n');

export interface StreamLimits {
  /** Whole snapshots per address per hour (each is every live ad). */
  snapshots: RateLimit;
  /** Stream requests per address per minute. */
  streams: RateLimit;
}

export function streamRoutes(options: { store: AdStore; taxonomy: TaxonomyIndex; limits: StreamLimits }): Router {
  const { store, taxonomy, limits } = options;
  const router = express.Router();

  router.get('/snapshot', async (req, res) => {
    await limits.snapshots.consume(req.ip ?? 'unknown');
    const keep = conceptFilter(req, taxonomy);
    let after = '';
    await writeArray(res, async () => {
      const page = await store.live(after, PAGE);
      if (page.length) after = page[page.length - 1].id;
      return page.length ? page.filter(keep) : undefined;
    });
  });

  router.get('/stream', async (req, res) => {
    await limits.streams.consume(req.ip ?? 'unknown');
    const from = instant(req.query.date, 'date');
    if (from === undefined) throw new BadRequest('date is required: the time to stream changes from, e.g. date=2026-11-30T00:00:00 (Swedish time unless a zone is given)', 'date_required');
    const before = instant(req.query['updated-before-date'], 'updated-before-date') ?? Date.now() + 1;
    if (before <= from) throw new BadRequest('updated-before-date must be later than date', 'invalid_date_range');
    const keep = conceptFilter(req, taxonomy);
    // The store counts in microseconds; a change at `from` itself is in the window.
    let cursor = { updatedAt: from * 1000 - 1, id: '\uffff' };
    await writeArray(res, async () => {
      const page = await store.changes(cursor, before * 1000, PAGE);
      if (page.length) cursor = { updatedAt: page[page.length - 1].updatedAt, id: page[page.length - 1].id };
      return page.length ? page.filter(keep) : undefined;
    });
  });

  return router;
}

/** A time parameter: ISO 8601 with a zone, or a Swedish wall-clock time as JobStream takes it. */
function instant(value: unknown, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new BadRequest(`${name} must be given once`, 'invalid_date');
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? new Date(value) : fromSwedishWallTime(value);
  if (!zoned || Number.isNaN(zoned.getTime())) throw new BadRequest(`${name} must be a date and time like 2026-11-30T08:00:00, got ${value}`, 'invalid_date');
  return zoned.getTime();
}

/** JobStream's occupation-concept-id and location-concept-id filters (any level of the taxonomy). */
function conceptFilter(req: Request, taxonomy: TaxonomyIndex): (record: AdRecord) => boolean {
  const list = (name: string): string[] => {
    const raw = req.query[name];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
    for (const id of values) if (!taxonomy.has(id)) throw new BadRequest(`${name} ${id} is not a concept id in the taxonomy`, 'unknown_concept');
    return values;
  };
  const occupations = new Set(list('occupation-concept-id'));
  const locations = new Set(list('location-concept-id'));
  if (occupations.size === 0 && locations.size === 0) return () => true;
  return ({ ad }) => (occupations.size === 0 || occupationIds(ad).some((id) => occupations.has(id)))
    && (locations.size === 0 || locationIds(ad).some((id) => locations.has(id)));
}

const occupationIds = (ad: JobSearchAd): string[] =>
  [ad.occupation?.concept_id, ad.occupation_group?.concept_id, ad.occupation_field?.concept_id].filter((id): id is string => !!id);
const locationIds = (ad: JobSearchAd): string[] => {
  const w = ad.workplace_address;
  return [w?.municipality_concept_id, w?.region_concept_id, w?.country_concept_id].filter((id): id is string => !!id);
};

/** Resolves when the response can take more, or is gone (one listener each, removed again). */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => { res.off('drain', done); res.off('close', done); resolve(); };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes a JSON array from pages until next() gives undefined, respecting back-pressure. */
async function writeArray(res: Response, next: () => Promise<AdRecord[] | undefined>): Promise<void> {
  res.type('application/json');
  let first = true;
  let closed = false;
  res.on('close', () => { closed = true; });
  res.write('[');
  for (let page = await next(); page && !closed; page = await next()) {
    const pieces: Buffer[] = [];
    for (const record of page) {
      pieces.push(first ? NEWLINE : COMMA_NEWLINE, record.json ?? Buffer.from(JSON.stringify(record.ad)));
      first = false;
    }
    if (pieces.length && !res.write(Buffer.concat(pieces))) await drained(res);
    await yieldToEventLoop();
  }
  res.end(first ? ']' : '\n]');
}
