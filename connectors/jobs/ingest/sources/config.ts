// JOBS_SOURCES: the sources to pull, written so that a person can type them in a shell:
//   JOBS_SOURCES="jobstream=https://jobstream.example@5m career-page=https://jobs.example/careers@1h"
// Entries are separated by spaces, commas or new lines; each is `kind=location[@interval]`, the
// interval in seconds or with a unit (s, m, h, d). A JSON list of {kind, location, interval?} also works.
import type { TaxonomyIndex } from '../../../../vocab/index.ts';
import { CareerPageSource } from './career-page.ts';
import { FileSource } from './file-source.ts';
import { JobStreamSource } from './jobstream.ts';
import { parsesAsUrl } from '../formats/validate.ts';
import { isUrl } from './read-body.ts';
import type { AdSource, SourceLimits } from './source.ts';

export const SOURCE_KINDS = ['jobstream', 'jobsearch-file', 'legacy-file', 'career-page'] as const;
export type SourceKind = typeof SOURCE_KINDS[number];

export interface SourceConfig { kind: SourceKind; location: string; intervalSeconds?: number }

export class SourcesConfigError extends Error {
  constructor(message: string) { super(`JOBS_SOURCES: ${message}`); this.name = 'SourcesConfigError'; }
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
const MIN_INTERVAL = 10;
const MAX_INTERVAL = 7 * 86_400;
const MAX_ENTRIES = 100;

export function parseInterval(text: string): number | undefined {
  const m = /^(\d{1,7})([smhd]?)$/.exec(text.trim());
  return m ? Number(m[1]) * UNIT_SECONDS[m[2] || 's'] : undefined;
}

export function parseSourcesConfig(value: string | undefined): SourceConfig[] {
  const text = value?.trim() ?? '';
  if (text === '') return [];
  const entries = text.startsWith('[') ? fromJson(text) : text.split(/[\s,]+/).filter(Boolean).map((e, i) => fromText(e, i + 1));
  if (entries.length > MAX_ENTRIES) throw new SourcesConfigError(`${entries.length} sources; at most ${MAX_ENTRIES}`);
  return entries;
}

function fromText(entry: string, n: number): SourceConfig {
  const eq = entry.indexOf('=');
  if (eq <= 0) throw new SourcesConfigError(`entry ${n} "${entry}" is not kind=location[@interval]`);
  const kind = entry.slice(0, eq);
  let location = entry.slice(eq + 1);
  let interval: string | undefined;
  const at = /@([^@/]*)$/.exec(location);
  if (at && parseInterval(at[1]) !== undefined) { interval = at[1]; location = location.slice(0, at.index); }
  return checked({ kind, location, interval }, `entry ${n} "${entry}"`);
}

function fromJson(text: string): SourceConfig[] {
  let list: unknown;
  try { list = JSON.parse(text); } catch (e) { throw new SourcesConfigError(`not valid JSON: ${(e as Error).message}`); }
  if (!Array.isArray(list)) throw new SourcesConfigError('a JSON value must be a list of {kind, location, interval?}');
  return list.map((e, i) => {
    const where = `entry ${i + 1} ${JSON.stringify(e)?.slice(0, 120)}`;
    if (typeof e !== 'object' || e === null) throw new SourcesConfigError(`${where} is not an object {kind, location, interval?}`);
    const { kind, location, url, interval } = e as Record<string, unknown>;
    return checked({ kind, location: location ?? url, interval: typeof interval === 'number' ? String(interval) : interval }, where);
  });
}

function checked(e: { kind: unknown; location: unknown; interval: unknown }, where: string): SourceConfig {
  if (typeof e.kind !== 'string' || !(SOURCE_KINDS as readonly string[]).includes(e.kind)) {
    throw new SourcesConfigError(`${where}: unknown kind "${String(e.kind)}"; expected one of ${SOURCE_KINDS.join(', ')}`);
  }
  const kind = e.kind as SourceKind;
  if (typeof e.location !== 'string' || e.location === '') throw new SourcesConfigError(`${where}: the location is missing`);
  if ((kind === 'jobstream' || kind === 'career-page') && (!isUrl(e.location) || !parsesAsUrl(e.location))) {
    throw new SourcesConfigError(`${where}: ${kind} needs an http(s) URL, got "${e.location}"`);
  }
  if (e.interval === undefined || e.interval === '') return { kind, location: e.location };
  const seconds = typeof e.interval === 'string' ? parseInterval(e.interval) : undefined;
  if (seconds === undefined) throw new SourcesConfigError(`${where}: interval "${String(e.interval)}" is not a number of seconds or e.g. 30s, 5m, 1h, 1d`);
  if (seconds < MIN_INTERVAL || seconds > MAX_INTERVAL) throw new SourcesConfigError(`${where}: interval ${seconds}s is outside ${MIN_INTERVAL}s..${MAX_INTERVAL / 86_400}d`);
  return { kind, location: e.location, intervalSeconds: seconds };
}

export function createSource(config: SourceConfig, taxonomy: TaxonomyIndex, limits: SourceLimits = {}): AdSource {
  const common = { ...limits, taxonomy, intervalSeconds: config.intervalSeconds };
  switch (config.kind) {
    case 'jobstream': return new JobStreamSource({ ...common, baseUrl: config.location });
    case 'jobsearch-file': return new FileSource({ ...common, location: config.location, format: 'jobsearch', kind: config.kind });
    case 'legacy-file': return new FileSource({ ...common, location: config.location, format: 'legacy', kind: config.kind });
    case 'career-page': return new CareerPageSource({ ...common, url: config.location });
  }
}
