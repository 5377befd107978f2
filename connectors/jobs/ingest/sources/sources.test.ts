import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTaxonomy } from '../../../../vocab/index.ts';
import { JOB_POSTING } from '../formats/fixtures/jobposting.ts';
import type { AdSink, IngestOutcome, Origin, ParsedAd } from '../types.ts';
import { CareerPageSource, jsonLdScripts } from './career-page.ts';
import { FileSource } from './file-source.ts';
import { JobStreamSource } from './jobstream.ts';
import { SourcePoller, type PollerLog } from './poller.ts';
import { hang, html, json, startFixtureServer } from './test-server.ts';

const taxonomy = getTaxonomy();
const ad = (id: string, headline: string) => ({ id, headline, description: { text: `${headline} sökes.` }, employer: { name: 'Lager AB' } });
// As pages embed JSON in a script: "<" escaped, so that "</script>" inside a text cannot end the script.
const embed = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
const CAREER_PAGE = `<!doctype html><html><head>
<script type="application/ld+json">${embed(JOB_POSTING)}</script>
<script type='application/ld+json'>${embed({ '@context': 'https://schema.org', '@graph': [
  { '@id': '#org', '@type': 'Organization', name: 'Graf AB' },
  { '@type': 'JobPosting', identifier: 'g-1', title: 'Lärare', description: '<p>Undervisning</p>', hiringOrganization: { '@id': '#org' } },
] })}</script>
<script type="application/ld+json">{"@type":"BreadcrumbList"}</script>
<script type="application/ld+json">{ broken</script>
<script>var x = "<script type=application/ld+json>";</script>
</head><body><h1>Jobb</h1></body></html>`;

/** The boundary the pipeline implements, recording what it is given. */
class RecordingSink implements AdSink {
  readonly ingested: Array<{ ads: ParsedAd[]; origin: Origin }> = [];
  readonly removed: Array<{ ids: string[]; origin: Origin }> = [];
  async ingest(ads: ParsedAd[], origin: Origin): Promise<IngestOutcome[]> {
    this.ingested.push({ ads, origin });
    return ads.map((a) => (a.ad ? { index: a.index, status: 'imported', id: a.ad.id } : { index: a.index, status: 'rejected', reasons: a.reasons }));
  }
  async remove(ids: string[], origin: Origin): Promise<IngestOutcome[]> {
    this.removed.push({ ids, origin });
    return ids.map((id, index) => ({ index, status: 'removed', id }));
  }
  sources(): string[] { return this.ingested.map((i) => i.origin.source); }
}

class MemoryLog implements PollerLog {
  readonly lines: string[] = [];
  info(m: string) { this.lines.push(`info ${m}`); }
  warn(m: string) { this.lines.push(`warn ${m}`); }
}

describe('ad sources', () => {
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let streamDates: string[];
  before(async () => {
    streamDates = [];
    server = await startFixtureServer({
      '/js/snapshot': json([ad('a1', 'Lagerarbetare'), ad('b1', 'Truckförare')]),
      '/js/stream': (req, res) => {
        streamDates.push(new URL(req.url!, 'http://x').searchParams.get('date') ?? '');
        json([ad('a1', 'Lagerarbetare, natt'), { id: 'b1', removed: true, removed_date: '2024-03-02T10:00:00' }])(req, res);
      },
      '/career': html(CAREER_PAGE),
      '/hang/snapshot': hang,
      '/garbage/snapshot': (_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }).end('<html>oops</html>'); },
      '/object/snapshot': json({ error: 'nope' }),
      '/html-not-json/snapshot': html('<p>hi</p>'),
      '/big/snapshot': (_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }).end(`[${'1,'.repeat(5000)}1]`); },
      '/down/snapshot': json({ message: 'maintenance' }, 503),
    });
  });
  after(() => server.close());

  describe('jobstream', () => {
    it('takes the snapshot first, then the stream from the cursor (time of pull minus overlap), with removals', async () => {
      const source = new JobStreamSource({ baseUrl: `${server.url}/js/`, taxonomy, overlapSeconds: 60, now: () => new Date('2024-03-02T12:00:00Z') });
      const first = await source.pull();
      expect(first.ads.map((a) => a.sourceId)).to.deep.equal(['a1', 'b1']);
      expect(first.removedSourceIds).to.deep.equal([]);
      expect(first.cursor).to.equal('2024-03-02T11:59:00');
      const second = await source.pull(first.cursor);
      expect(streamDates).to.deep.equal(['2024-03-02T11:59:00']);
      expect(second.ads.map((a) => [a.index, a.ad?.headline])).to.deep.equal([[0, 'Lagerarbetare, natt']]);
      expect(second.removedSourceIds).to.deep.equal(['b1']);
    });

    const failures: Array<[string, RegExp]> = [
      ['/hang', /did not answer within 300 ms/],
      ['/garbage', /\/garbage\/snapshot did not send JSON/],
      ['/object', /sent a JSON object, expected a list of ads/],
      ['/html-not-json', /sent text\/html, not what was expected/],
      ['/big', /more than 1000 bytes/],
      ['/down', /answered 503/],
    ];
    for (const [path, message] of failures) {
      it(`fails with a clear message on ${path}`, async () => {
        const source = new JobStreamSource({ baseUrl: server.url + path, taxonomy, timeoutMs: 300, maxBytes: 1000 });
        let error: Error | undefined;
        try { await source.pull(); } catch (e) { error = e as Error; }
        expect(error?.message).to.match(message);
      });
    }
  });

  describe('career page', () => {
    it('finds every JSON-LD script on a page, and only those', () => {
      expect(jsonLdScripts(CAREER_PAGE)).to.have.length(4);
      expect(jsonLdScripts('<script type="application/ld+json">{}')).to.deep.equal([]);
    });

    it('reads the JobPostings of every script (incl. @graph), passing over other JSON-LD and a broken script', async () => {
      const batch = await new CareerPageSource({ url: `${server.url}/career`, taxonomy }).pull();
      expect(batch.ads.map((a) => [a.sourceId, a.reasons])).to.deep.equal([['VA-2024-17', []], ['g-1', []]]);
      expect(batch.ads[1].ad!.employer).to.deep.equal({ name: 'Graf AB' });
      expect(batch.ads[0].ad!.sourceLinks).to.deep.equal([{ url: 'https://verkstad.example/jobb/17' }]);
    });
  });

  describe('files', () => {
    let dir: string;
    before(() => { dir = mkdtempSync(join(tmpdir(), 'ingest-')); });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('reads a legacy file, its unpublished ad as a removal, and skips it while unchanged', async () => {
      const path = join(dir, 'legacy.json');
      writeFileSync(path, readFileSync(new URL('../formats/fixtures/legacy-source-format-sample.json', import.meta.url)));
      const source = new FileSource({ location: path, format: 'legacy', taxonomy });
      const first = await source.pull();
      expect(first.ads.map((a) => a.sourceId)).to.deep.equal(['23483261']);
      expect(first.removedSourceIds).to.deep.equal(['8428019']);
      const again = await source.pull(first.cursor);
      expect(again).to.deep.equal({ ads: [], removedSourceIds: [], cursor: first.cursor });
    });

    it('refuses a file over the size cap and one that is missing', async () => {
      const path = join(dir, 'big.json');
      writeFileSync(path, JSON.stringify([ad('x', 'y')]));
      let error: Error | undefined;
      try { await new FileSource({ location: path, format: 'jobsearch', taxonomy, maxBytes: 10 }).pull(); } catch (e) { error = e as Error; }
      expect(error?.message).to.match(/has \d+ bytes; at most 10 are read/);
      try { await new FileSource({ location: join(dir, 'nope.json'), format: 'jobsearch', taxonomy }).pull(); } catch (e) { error = e as Error; }
      expect(error?.message).to.match(/nope\.json could not be read: ENOENT/);
    });
  });

  describe('SourcePoller', () => {
    const sources = () => [
      new JobStreamSource({ baseUrl: `${server.url}/js`, taxonomy }),
      new JobStreamSource({ baseUrl: `${server.url}/hang`, taxonomy, timeoutMs: 300 }),
      new JobStreamSource({ baseUrl: `${server.url}/garbage`, taxonomy }),
      new CareerPageSource({ url: `${server.url}/career`, taxonomy }),
    ];

    it('delivers what the good sources yield while others time out or send garbage, and goes on from each cursor', async () => {
      const sink = new RecordingSink();
      const log = new MemoryLog();
      const poller = new SourcePoller({ sources: sources(), sink, log, intervalSeconds: 60, labels: { [`career-page:${server.url}/career`]: 'Verkstad' } });
      const reports = await poller.pollOnce();
      expect(reports.map((r) => [r.ok, r.ads])).to.deep.equal([[true, 2], [false, 0], [false, 0], [true, 2]]);
      expect(reports[1].error).to.match(/did not answer within 300 ms/);
      expect(sink.sources()).to.deep.equal([`jobstream:${server.url}/js`, `career-page:${server.url}/career`]);
      expect(sink.ingested[1].origin).to.deep.equal({ source: `career-page:${server.url}/career`, label: 'Verkstad' });
      expect(log.lines.filter((l) => l.startsWith('warn'))).to.have.length(2);
      expect(log.lines.find((l) => l.includes('/garbage'))).to.match(/retrying in 30s: .*did not send JSON/);

      await poller.pollOnce();
      expect(sink.removed).to.deep.equal([{ ids: ['b1'], origin: { source: `jobstream:${server.url}/js` } }]);
      expect(log.lines.filter((l) => l.includes('/garbage')).at(-1)).to.match(/2 in a row\), retrying in 60s/);
    });

    it('keeps the cursor when the sink fails, so the batch comes again', async () => {
      const sink = new RecordingSink();
      let fail = true;
      const flaky: AdSink = { ingest: async (ads, origin) => { if (fail) throw new Error('disk full'); return sink.ingest(ads, origin); }, remove: (ids, o) => sink.remove(ids, o) };
      const source = new JobStreamSource({ baseUrl: `${server.url}/js`, taxonomy });
      const poller = new SourcePoller({ sources: [source], sink: flaky, log: new MemoryLog(), intervalSeconds: 60 });
      const before = server.requests.length;
      expect((await poller.pollOnce())[0]).to.deep.include({ ok: false, error: 'disk full' });
      fail = false;
      await poller.pollOnce();
      expect(server.requests.slice(before)).to.deep.equal(['/js/snapshot', '/js/snapshot']);
    });

    it('pulls on start and waits for the pulls in flight on stop', async () => {
      const sink = new RecordingSink();
      const poller = new SourcePoller({ sources: sources(), sink, log: new MemoryLog(), intervalSeconds: 3600 });
      poller.start();
      await new Promise((r) => setTimeout(r, 50));
      const t0 = Date.now();
      await poller.stop();
      // The hanging source was in flight: stop waited for its timeout (300 ms) rather than leaving it behind.
      expect(Date.now() - t0).to.be.above(150);
      expect(sink.sources()).to.include.members([`jobstream:${server.url}/js`, `career-page:${server.url}/career`]);
    });
  });
});
