/**
 * The jobs aggregator: ingest (parse + validate + enrich + dedupe + store) of generated ads on one
 * core, how the cost grows with size, reopening the store, and the published API over HTTP.
 *
 *   npx tsx bench/jobs-ingest.ts                   # 100,000 ads
 *   BENCH_ADS=20000 BENCH_SECONDS=5 npx tsx bench/jobs-ingest.ts
 */
import autocannon from 'autocannon';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAds } from '../connectors/jobs/generate/index.ts';
import { parseBatch } from '../connectors/jobs/ingest/formats/index.ts';
import { createEnricher } from '../connectors/jobs/enrich/index.ts';
import { AdPipeline } from '../connectors/jobs/pipeline.ts';
import { SqliteAdStore } from '../connectors/jobs/store/sqlite.ts';
import { startTestJobs } from '../connectors/jobs/test-support.ts';
import { getTaxonomy, type JobSearchAd } from '../vocab/index.ts';

const TOTAL = Number(process.env.BENCH_ADS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BATCH = 500;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const taxonomy = getTaxonomy();
  const dataDir = await mkdtemp(join(tmpdir(), 'jobs-bench-'));
  const store = new SqliteAdStore(join(dataDir, 'ads.sqlite'));
  const enricher = createEnricher(taxonomy);
  const pipeline = new AdPipeline({ store, taxonomy, enricher, adUrl: (id) => `http://localhost/ads/${id}` });
  enricher.enrich({ headline: 'uppvärmning', text: 'indexen byggs före mätningen' });

  const ads: JobSearchAd[] = [...generateAds({ seed: 7, count: TOTAL, taxonomy })];
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const counts: Record<string, number> = {};
  const milestones = new Set([10_000, 50_000, 100_000, TOTAL].filter((n) => n <= TOTAL));
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let lastMark = { at: start, ads: 0 };
  console.log(`ingest of ${TOTAL.toLocaleString('en')} generated ads (batches of ${BATCH}), one process:`);
  for (let i = 0; i < ads.length; i += BATCH) {
    const outcomes = await pipeline.ingest(parseBatch(ads.slice(i, i + BATCH), 'jobsearch', taxonomy), { source: 'bench' });
    for (const o of outcomes) counts[o.status] = (counts[o.status] ?? 0) + 1;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const done = Math.min(i + BATCH, ads.length);
    if (milestones.has(done)) {
      const now = performance.now();
      console.log(`  ${done.toLocaleString('en').padStart(7)} ads: ${((done - lastMark.ads) / ((now - lastMark.at) / 1000)).toFixed(0)} ads/s over the last ${(done - lastMark.ads).toLocaleString('en')}`);
      lastMark = { at: now, ads: done };
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  console.log(`  total ${seconds.toFixed(1)} s: ${(TOTAL / seconds).toFixed(0)} ads/s wall, ${(TOTAL / ((cpu.user + cpu.system) / 1e6)).toFixed(0)} ads/s per CPU-second`);
  console.log(`  outcomes ${JSON.stringify(counts)}; memory: RSS ${mb(rssBefore)} before, ${mb(peakRss)} at peak (+${mb(peakRss - rssBefore)}), heap ${mb(process.memoryUsage().heapUsed)}`);
  await store.close();

  const reopenStart = performance.now();
  const reopened = new SqliteAdStore(join(dataDir, 'ads.sqlite'));
  const stored = await reopened.counts();
  console.log(`reopen: ${(performance.now() - reopenStart).toFixed(0)} ms to open the store and count ${stored.live.toLocaleString('en')} live ads`);
  const sampleIds = (await reopened.live('', 2000)).map((r) => r.id);
  const recent = await reopened.changes({ updatedAt: 0, id: '' }, Number.MAX_SAFE_INTEGER, TOTAL);
  await reopened.close();

  // The benchmark is one address asking many times: the per-address limits are off for it.
  const jobs = await startTestJobs({ dataDir, config: { streamsPerMinute: 0, snapshotsPerHour: 0 } });
  try {
    // "One day of changes": the last 5,000 changes (a busy day of new, changed and removed ads in Sweden).
    const dayStart = new Date(Math.floor(recent[Math.max(0, recent.length - 5000)].updatedAt / 1000)).toISOString();
    const day = await (await fetch(new URL(`stream?date=${encodeURIComponent(dayStart)}`, jobs.baseUrl))).json() as unknown[];
    let next = 0;
    const runs: Array<[string, autocannon.Options]> = [
      ['GET /ads/{id} (JSON)', { url: jobs.baseUrl, requests: [{ setupRequest: (r) => ({ ...r, path: `/ads/${sampleIds[next++ % sampleIds.length]}` }) }] }],
      ['GET /ads/{id} (Turtle)', { url: jobs.baseUrl, headers: { accept: 'text/turtle' }, requests: [{ setupRequest: (r) => ({ ...r, path: `/ads/${sampleIds[next++ % sampleIds.length]}` }) }] }],
      [`GET /stream, one day (${day.length.toLocaleString('en')} ads)`, { url: new URL(`stream?date=${encodeURIComponent(dayStart)}`, jobs.baseUrl).href, connections: 2 }],
    ];
    for (const [name, options] of runs) {
      const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
      if (result.non2xx) throw new Error(`${name}: ${result.non2xx} answers were not 2xx`);
      console.log(`${name.padEnd(36)} ${result.requests.average.toFixed(1).padStart(8)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms`);
    }
  } finally {
    await jobs.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
