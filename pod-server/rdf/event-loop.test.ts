import { expect } from 'chai';
import { Parser, type Quad } from 'n3';
import { HttpError } from '../../service-kit/errors.ts';
import { TooComplex, WorkBudget, unlimitedInput } from '../http/work-budget.ts';
import { JsonLdPool } from './jsonld-pool.ts';
import { jsonLdPool, parseRdf } from './parse.ts';
import { serializeRdf } from './serialize.ts';
import { PUBLIC_WRITABLE_ACL, startTestServer, type TestServer } from '../../test-support/server.ts';

const BASE = 'http://example.org/doc';
const turtle = (triples: number) => Array.from({ length: triples }, (_, i) => `<#s${i}> <#p> "value ${i}".`).join('\n');
const jsonLd = (nodes: number) => JSON.stringify({ '@graph': Array.from({ length: nodes }, (_, i) => ({ '@id': `http://example.org/s${i}`, 'http://example.org/p': `value ${i}` })) });
const TWO_MB_TURTLE = turtle(75_000);
const TWO_MB_JSON_LD = jsonLd(36_000);

/** Counts turns of the event loop (setImmediate callbacks) while `work` runs: 0 means it held the loop throughout. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const turn = () => { if (running) { turns++; setImmediate(turn); } };
  setImmediate(turn);
  try {
    return { result: await work(), turns };
  } finally {
    running = false;
  }
}

describe('no request holds the event loop: large bodies are worked on in slices or in a worker', function () {
  this.timeout(60_000);
  before(async () => { await parseRdf('{"@id": "http://example.org/warm"}', 'application/ld+json', BASE); }); // loads the JSON-LD library

  it('parses a 2 MB Turtle body a slice per turn of the event loop, with the same triples as one call', async () => {
    expect(TWO_MB_TURTLE.length).to.be.greaterThan(2e6);
    const { result, turns } = await turnsDuring(() => parseRdf(TWO_MB_TURTLE, 'text/turtle', BASE));
    expect(turns).to.be.at.least(16); // 0 when n3 parsed the string in one call
    expect(result).to.have.length(75_000);
    expect(result[74_999].object.value).to.equal('value 74999');
    expect(result[10].subject.value).to.equal(`${BASE}#s10`);
  });

  it('refuses a huge Turtle body at the deadline part-way, not after parsing all of it', async () => {
    const spent = new WorkBudget(performance.now() - 1, 0, (reason) => new TooComplex(reason));
    const error = await parseRdf(TWO_MB_TURTLE, 'text/turtle', BASE, spent).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(TooComplex);
    expect(spent.steps).to.be.below(75_000 / 10);
  });

  it('keeps a character outside the BMP whole when it straddles two slices', async () => {
    const filler = `<#a> <#p> "${'x'.repeat(65_536 - 20)}".\n`;
    const text = `${filler}<#b> <#p> "${'😀'.repeat(100)}".`;
    for (let shift = 0; shift < 4; shift++) {
      const quads = await parseRdf(' '.repeat(shift) + text, 'text/turtle', BASE);
      expect(quads[1].object.value).to.equal('😀'.repeat(100));
    }
  });

  it('reports a syntax error in a large Turtle body as 400 with the parser message', async () => {
    const error = await parseRdf(`${TWO_MB_TURTLE}\n<#x> <#p> "unterminated`, 'text/turtle', BASE).then(() => undefined, (e: HttpError) => e);
    expect(error?.status).to.equal(400);
    expect(error?.message).to.match(/^Invalid Turtle: .*line 75001/);
  });

  it('reads a 2 MB JSON-LD body in a worker while the event loop keeps turning', async () => {
    const { result, turns } = await turnsDuring(() => parseRdf(TWO_MB_JSON_LD, 'application/ld+json', BASE));
    expect(turns).to.be.at.least(5); // 0 when the library expanded it on this thread
    expect(result).to.have.length(36_000);
    expect(result.find((q) => q.subject.value === 'http://example.org/s35999')?.object.value).to.equal('value 35999');
  });

  it('answers bad large JSON-LD from the worker with the same 400/422 as small', async () => {
    const padding = 'x'.repeat(70_000);
    const named = await parseRdf(JSON.stringify({ '@id': 'http://example.org/g', '@graph': [{ '@id': 'http://example.org/a', 'http://example.org/p': padding }] }), 'application/ld+json', BASE).catch((e: HttpError) => e);
    expect((named as HttpError).code).to.equal('named_graph');
    const remote = await parseRdf(JSON.stringify({ '@context': 'https://evil.example/ctx', '@id': 'x', 'http://example.org/p': padding }), 'application/ld+json', BASE).catch((e: HttpError) => e);
    expect((remote as HttpError).status).to.equal(400);
    expect((remote as HttpError).message).to.match(/not fetched/);
    const deep = await parseRdf(`${'['.repeat(150)}${' '.repeat(70_000)}${']'.repeat(150)}`, 'application/ld+json', BASE).catch((e: HttpError) => e);
    expect((deep as HttpError).status).to.equal(422);
  });

  it('writes large documents as JSON-LD and N-Triples a slice at a time', async () => {
    const quads = new Parser({ baseIRI: BASE }).parse(turtle(60_000));
    for (const type of ['application/ld+json', 'application/n-triples', 'text/turtle'] as const) {
      const { result, turns } = await turnsDuring(() => serializeRdf(quads, type, unlimitedInput('test')));
      expect(turns, type).to.be.at.least(2); // 0 when written in one call
      expect(result, type).to.include('value 59999');
    }
  });

  it('has at most so many documents wait for a worker; the next one is 503 with Retry-After', async () => {
    const pool = new JsonLdPool(1, 1);
    const read = () => pool.read(TWO_MB_JSON_LD, { base: BASE, contexts: {} }, unlimitedInput('test'));
    const reads = [read(), read(), read()].map((p) => p.then((quads: Quad[]) => quads.length, (e: HttpError) => e));
    const [first, second, third] = await Promise.all(reads);
    expect([first, second]).to.deep.equal([36_000, 36_000]);
    expect((third as HttpError).status).to.equal(503);
    expect((third as HttpError).headers['Retry-After']).to.match(/^\d+$/);
  });

  describe('over HTTP', () => {
    let pod: TestServer;
    const url = (path: string) => new URL(path, pod.baseUrl).href;
    const put = (path: string, type: string, body: string) => fetch(url(path), { method: 'PUT', headers: { 'content-type': type, accept: 'application/json' }, body });

    before(async () => { pod = await startTestServer({ config: { maxBodyBytes: 8 << 20 }, seed: { '/test/.acl': PUBLIC_WRITABLE_ACL } }); });
    after(() => pod.stop());

    it('stores large Turtle and JSON-LD bodies and serves them back converted', async () => {
      expect((await put('/test/t', 'text/turtle', TWO_MB_TURTLE)).status).to.equal(201);
      expect((await put('/test/j', 'application/ld+json', TWO_MB_JSON_LD)).status).to.equal(201);
      const asJsonLd = await (await fetch(url('/test/t'), { headers: { accept: 'application/ld+json' } })).json() as unknown[];
      expect(asJsonLd).to.have.length(75_000);
      const asTurtle = await (await fetch(url('/test/j'), { headers: { accept: 'text/turtle' } })).text();
      expect(new Parser().parse(asTurtle)).to.have.length(36_000);
    });

    it('stops a worker still expanding at the deadline (422), replaces it, and keeps serving', async () => {
      const terminated = jsonLdPool.terminated;
      // The same store behind a server whose requests may cause only 5 ms of work (WORK_BUDGET_MS=5).
      const tight = await startTestServer({ parts: { store: pod.server.store }, config: { maxBodyBytes: 8 << 20, workBudgetMs: 5 } });
      let status: number;
      let body: { error: string };
      try {
        const refused = await fetch(new URL('/test/slow', tight.baseUrl), { method: 'PUT', headers: { 'content-type': 'application/ld+json', accept: 'application/json' }, body: TWO_MB_JSON_LD });
        [status, body] = [refused.status, (await refused.json()) as { error: string }];
      } finally {
        await tight.stop();
      }
      expect(status).to.equal(422);
      expect(body.error).to.equal('too_complex');
      expect(jsonLdPool.terminated).to.equal(terminated + 1);
      expect((await fetch(url('/test/slow'))).status).to.equal(404);
      expect((await fetch(url('/test/t'), { method: 'HEAD' })).status).to.equal(200);
      expect((await put('/test/slow', 'application/ld+json', TWO_MB_JSON_LD)).status).to.equal(201);
    });
  });
});
