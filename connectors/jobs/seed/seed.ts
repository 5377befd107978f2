// A first start is not empty: the sample ads plus generated ones, so that a newcomer sees a stream,
// a snapshot and ads to search. A marker file keeps later starts from loading them again.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaxonomyIndex } from '../../../vocab/index.ts';
import { generateAds } from '../generate/index.ts';
import { parseBatch } from '../ingest/formats/index.ts';
import { splitBatch } from '../ingest/sources/batch.ts';
import type { AdSink, IngestOutcome } from '../ingest/types.ts';

const MARKER = 'seeded';
const CHUNK = 500;

export async function seedOnFirstStart(options: { dataDir: string; sink: AdSink; taxonomy: TaxonomyIndex; generated: number }): Promise<IngestOutcome[] | undefined> {
  const marker = join(options.dataDir, MARKER);
  if (existsSync(marker)) return undefined;
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));
  const outcomes = [
    ...await options.sink.ingest(parseBatch(read('./jobsearch-sample.json'), 'jobsearch', options.taxonomy), { source: 'demo:jobsearch-sample', label: 'Exempel' }),
  ];
  // The legacy sample holds one published ad and one taken down (avpublicerad): the latter is a removal.
  const legacy = splitBatch(read('./legacy-sample.json'), 'legacy', options.taxonomy);
  outcomes.push(...await options.sink.ingest(legacy.ads, { source: 'demo:platsbanken-sample', label: 'Exempel' }));
  let batch: unknown[] = [];
  const flush = async () => {
    outcomes.push(...await options.sink.ingest(parseBatch(batch, 'jobsearch', options.taxonomy), { source: 'demo:generated', label: 'Genererad' }));
    batch = [];
  };
  for (const ad of generateAds({ seed: 2026, count: options.generated, taxonomy: options.taxonomy })) {
    batch.push(ad);
    if (batch.length === CHUNK) await flush();
  }
  if (batch.length) await flush();
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return outcomes;
}
