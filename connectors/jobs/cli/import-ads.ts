// import-ads: read a file or URL of ads, parse it, hand the ads in chunks to the pipeline and print
// what became of them. The entry file opens the store and pipeline and calls runImport with its sink.
import { getTaxonomy } from '../../../vocab/index.ts';
import { AD_FORMATS } from '../ingest/formats/index.ts';
import { splitBatch } from '../ingest/sources/batch.ts';
import { isUrl, parseJson, readBody, SourceError } from '../ingest/sources/read-body.ts';
import type { AdFormat, AdSink, IngestOutcome, Origin, OutcomeStatus, ParsedAd } from '../ingest/types.ts';
import { Progress, type Output } from './progress.ts';

export const USAGE = `usage: import-ads <file|url> [--format jobsearch|legacy|jsonld|auto] [--data-dir <dir>] [--chunk <n>] [--max-bytes <n>]

Reads job ads from a file or an http(s) URL and stores them:
  --format     jobsearch (JobSearch/JobStream JSON), legacy (Platsbanken source format),
               jsonld (schema.org JobPosting) or auto (tell each ad's format; the default)
  --data-dir   where the aggregator keeps its data (default: as the service)
  --chunk      ads handed to the store at a time (default 500)
  --max-bytes  largest file or answer read (default 512 MiB)
Prints how many ads were imported, updated, unchanged, merged as duplicates, removed and rejected.
`;

export interface ImportArgs { location: string; format: AdFormat | 'auto'; dataDir?: string; chunkSize: number; maxBytes: number }

export class UsageError extends Error {}

export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const args: Partial<ImportArgs> = { format: 'auto', chunkSize: 500, maxBytes: 512 * 1024 * 1024 };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const count = (): number => {
      const v = value();
      if (!/^\d{1,12}$/.test(v) || Number(v) < 1) throw new UsageError(`${flag} must be a whole number above 0, got "${v}"`);
      return Number(v);
    };
    switch (flag) {
      case '--format': {
        const f = value();
        if (f !== 'auto' && !(AD_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be one of ${[...AD_FORMATS, 'auto'].join(', ')}, got "${f}"`);
        args.format = f as AdFormat | 'auto';
        break;
      }
      case '--data-dir': args.dataDir = value(); break;
      case '--chunk': args.chunkSize = count(); break;
      case '--max-bytes': args.maxBytes = count(); break;
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
        positional.push(flag);
    }
  }
  if (positional.length !== 1) throw new UsageError(positional.length ? `one file or URL, got ${positional.length}` : 'which file or URL?');
  return { ...args, location: positional[0] } as ImportArgs;
}

export interface ImportSummary { counts: Record<OutcomeStatus, number>; rejected: Array<{ index: number; reasons: string[] }> }

export async function runImport(argv: string[], sink: AdSink, out: { stdout: Output; stderr: Output }): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) { out.stdout.write(USAGE); return 0; }
  let args: ImportArgs;
  try {
    args = parseImportArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    out.stderr.write(`import-ads: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  let batch;
  try {
    const { text } = await readBody(args.location, { maxBytes: args.maxBytes, timeoutMs: 120_000, accept: 'application/json, application/ld+json' });
    batch = splitBatch(parseJson(text, args.location), args.format, getTaxonomy(), Number.MAX_SAFE_INTEGER);
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    out.stderr.write(`import-ads: ${e.message}\n`);
    return 1;
  }
  const origin: Origin = { source: `${isUrl(args.location) ? 'url' : 'file'}:${args.location}` };
  const summary = await deliver(batch.ads, batch.removedSourceIds, sink, origin, args.chunkSize, out.stderr);
  out.stdout.write(formatSummary(summary));
  return 0;
}

async function deliver(ads: ParsedAd[], removals: string[], sink: AdSink, origin: Origin, chunkSize: number, stderr: Output): Promise<ImportSummary> {
  const counts: Record<OutcomeStatus, number> = { imported: 0, updated: 0, unchanged: 0, merged: 0, removed: 0, rejected: 0 };
  const reasonsByIndex = new Map<number, string[]>();
  const tally = (o: IngestOutcome) => {
    counts[o.status]++;
    if (o.status === 'rejected') reasonsByIndex.set(o.index, o.reasons ?? []);
  };
  const progress = new Progress(stderr, ads.length + removals.length);
  let done = 0;
  for (let i = 0; i < ads.length; i += chunkSize) {
    const chunk = ads.slice(i, i + chunkSize);
    const outcomes = await sink.ingest(chunk, origin);
    outcomes.forEach(tally);
    // An ad refused while parsing that the sink did not answer for is still a rejection.
    const answered = new Set(outcomes.map((o) => o.index));
    for (const a of chunk) if (a.reasons.length && !answered.has(a.index)) tally({ index: a.index, status: 'rejected', reasons: a.reasons });
    progress.update(done += chunk.length);
  }
  for (let i = 0; i < removals.length; i += chunkSize) {
    const chunk = removals.slice(i, i + chunkSize);
    (await sink.remove(chunk, origin)).forEach((o) => counts[o.status]++);
    progress.update(done += chunk.length);
  }
  progress.finish();
  const rejected = [...reasonsByIndex].sort((a, b) => a[0] - b[0]).map(([index, reasons]) => ({ index, reasons }));
  return { counts, rejected };
}

const FIRST_REJECTIONS = 10;

export function formatSummary({ counts, rejected }: ImportSummary): string {
  const lines = [
    `imported   ${counts.imported}`, `updated    ${counts.updated}`, `unchanged  ${counts.unchanged}`,
    `merged     ${counts.merged} (as duplicates)`, `removed    ${counts.removed}`, `rejected   ${counts.rejected}`,
  ];
  for (const r of rejected.slice(0, FIRST_REJECTIONS)) lines.push(`  ad ${r.index}: ${r.reasons.slice(0, 3).join('; ')}${r.reasons.length > 3 ? ` (+${r.reasons.length - 3} more)` : ''}`);
  if (rejected.length > FIRST_REJECTIONS) lines.push(`  … and ${rejected.length - FIRST_REJECTIONS} more rejected`);
  return `${lines.join('\n')}\n`;
}
