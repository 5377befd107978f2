import { expect } from 'chai';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json, startFixtureServer } from '../ingest/sources/test-server.ts';
import type { AdSink, IngestOutcome, Origin, ParsedAd } from '../ingest/types.ts';
import { parseImportArgs, runImport, USAGE } from './import-ads.ts';

const FIXTURES = new URL('../ingest/formats/fixtures/', import.meta.url);
const ad = (i: number) => ({ id: `ad-${i}`, headline: `Lagerarbetare ${i}`, description: { text: 'Plock och pack.' }, employer: { name: 'Lager AB' } });

/** The pipeline's boundary, recording each call; every third ad it has already seen is "unchanged". */
class RecordingSink implements AdSink {
  readonly calls: Array<{ kind: 'ingest' | 'remove'; size: number; origin: Origin }> = [];
  async ingest(ads: ParsedAd[], origin: Origin): Promise<IngestOutcome[]> {
    this.calls.push({ kind: 'ingest', size: ads.length, origin });
    return ads.filter((a) => a.ad).map((a) => ({ index: a.index, status: a.index % 3 === 2 ? 'unchanged' : 'imported', id: a.ad!.id }));
  }
  async remove(ids: string[], origin: Origin): Promise<IngestOutcome[]> {
    this.calls.push({ kind: 'remove', size: ids.length, origin });
    return ids.map((id, index) => ({ index, status: 'removed', id }));
  }
}

class Capture { text = ''; constructor(readonly isTTY = false) {} write(s: string) { this.text += s; } }
const run = async (argv: string[], sink: AdSink = new RecordingSink(), tty = false) => {
  const out = { stdout: new Capture(), stderr: new Capture(tty) };
  const code = await runImport(argv, sink, out);
  return { code, stdout: out.stdout.text, stderr: out.stderr.text };
};

describe('import-ads', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'import-ads-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const badArgs: Array<[string[], string]> = [
    [[], 'which file or URL?'],
    [['a.json', 'b.json'], 'one file or URL, got 2'],
    [['a.json', '--format', 'xml'], '--format must be one of jobsearch, jsonld, legacy, auto, got "xml"'],
    [['a.json', '--format'], '--format needs a value'],
    [['a.json', '--chunk', '0'], '--chunk must be a whole number above 0, got "0"'],
    [['a.json', '--verbose'], 'unknown option --verbose'],
  ];
  for (const [argv, message] of badArgs) {
    it(`answers ${JSON.stringify(argv)} with the usage and exit code 2`, async () => {
      const r = await run(argv);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.equal(`import-ads: ${message}\n\n${USAGE}`);
    });
  }

  it('reads its options in both spellings', () => {
    expect(parseImportArgs(['x.json', '--format=legacy', '--data-dir', '/d', '--chunk=10'])).to.deep.equal({
      location: 'x.json', format: 'legacy', dataDir: '/d', chunkSize: 10, maxBytes: 512 * 1024 * 1024,
    });
  });

  it('prints the usage for --help', async () => expect(await run(['--help'])).to.deep.equal({ code: 0, stdout: USAGE, stderr: '' }));

  it('imports the JobSearch samples: one imported, one rejected with its reasons by index', async () => {
    const path = join(dir, 'jobsearch.json');
    copyFileSync(new URL('jobsearch-format-sample.json', FIXTURES), path);
    const sink = new RecordingSink();
    const r = await run([path, '--format', 'jobsearch'], sink);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.equal([
      'imported   1', 'updated    0', 'unchanged  0', 'merged     0 (as duplicates)', 'removed    0', 'rejected   1',
      '  ad 0: must_have.skills[0].concept_id "29387234_yov_smw" is not a concept in the taxonomy; must_have.languages[0].concept_id "2sdfds34_yov_smw" is not a concept in the taxonomy; nice_to_have.skills[0].concept_id "2938adsfdov_smw" is not a concept in the taxonomy (+2 more)',
      '',
    ].join('\n'));
    expect(sink.calls).to.deep.equal([{ kind: 'ingest', size: 2, origin: { source: `file:${path}` } }]);
  });

  it('applies the removals of a legacy file', async () => {
    const path = join(dir, 'legacy.json');
    copyFileSync(new URL('legacy-source-format-sample.json', FIXTURES), path);
    const r = await run([path]);
    expect(r.stdout).to.match(/^imported {3}1\n(.|\n)*removed {4}1\nrejected {3}0\n$/);
  });

  it('hands ads over in chunks and prints a line every tenth when stderr is no terminal', async () => {
    const path = join(dir, 'many.json');
    writeFileSync(path, JSON.stringify(Array.from({ length: 1200 }, (_, i) => ad(i))));
    const sink = new RecordingSink();
    const r = await run([path, '--chunk', '500'], sink);
    expect(sink.calls.map((c) => c.size)).to.deep.equal([500, 500, 200]);
    expect(r.stdout).to.match(/^imported {3}800\nupdated {4}0\nunchanged {2}400\n/);
    expect(r.stderr.split('\n').filter(Boolean).map((l) => l.split(' ')[0])).to.deep.equal(['500/1200', '1000/1200', '1200/1200']);
  });

  it('draws a bar on a terminal', async () => {
    const path = join(dir, 'few.json');
    writeFileSync(path, JSON.stringify([ad(1), ad(2)]));
    const r = await run([path], new RecordingSink(), true);
    expect(r.stderr).to.match(/^\r\[#+\] 2\/2 ads 100% \d+\/s \n$/);
  });

  it('reads from a URL', async () => {
    const server = await startFixtureServer({ '/ads.json': json([ad(1)]) });
    try {
      const r = await run([`${server.url}/ads.json`]);
      expect(r.stdout).to.match(/^imported {3}1\n/);
    } finally {
      await server.close();
    }
  });

  it('says why it cannot read a file, with exit code 1', async () => {
    const missing = await run([join(dir, 'nope.json')]);
    expect(missing.code).to.equal(1);
    expect(missing.stderr).to.match(/nope\.json could not be read: ENOENT/);
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{"oops"');
    const bad = await run([path]);
    expect([bad.code, bad.stderr]).to.satisfy(([c, e]: [number, string]) => c === 1 && /bad\.json did not send JSON/.test(e));
    const big = await run([path, '--max-bytes', '3']);
    expect(big.stderr).to.match(/at most 3 are read/);
  });
});
