// The aggregator as publishers and readers meet it: a real pod server for Solid-OIDC logins, the
// real aggregator on its own origin, everything over HTTP.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { agent, type Agent } from '../../test-support/consent.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import type { JobSearchAd } from '../../vocab/index.ts';
import { startTestJobs, type TestJobs } from './test-support.ts';

const SAMPLES = JSON.parse(readFileSync(new URL('../../vocab/jobad/fixtures/jobsearch-format-sample.json', import.meta.url), 'utf8')) as JobSearchAd[];
const TEXTS: Record<string, string> = {
  java: 'Vi söker en Java-utvecklare till vårt team i Stockholm. Du bygger webbtjänster i Java och Spring, skriver tester och granskar kod tillsammans med kollegorna.',
  lager: 'Till vårt lager i Göteborg söker vi lagerarbetare för plock och pack. Truckkort är meriterande, arbetet sker i skift och du trivs med fysiskt arbete.',
  vard: 'Hemtjänsten i norra distriktet söker undersköterskor. Du hjälper våra brukare i vardagen, dokumenterar insatser och samarbetar med sjuksköterskan.',
  kock: 'Restaurangen söker en kock med erfarenhet av à la carte. Du lagar mat från grunden, beställer varor och håller ordning i köket enligt egenkontrollprogrammet.',
};
// The second sample ad as the template (the first carries made-up concept ids, which are refused);
// each test ad gets a text of its own, or duplicate detection would rightly merge them.
const sample = (overrides: Partial<JobSearchAd> = {}, text = TEXTS.java): JobSearchAd => ({
  ...structuredClone(SAMPLES[1]), ...overrides, description: { ...SAMPLES[1].description!, text, ...overrides.description },
});

interface BatchAnswer { accepted: number; rejected: number; results: Array<{ index: number; status: string; id?: string; url?: string; duplicateOf?: string; reasons?: string[] }> }

describe('jobs aggregator over HTTP', function () {
  this.timeout(60_000);
  let pod: TestServer;
  let jobs: TestJobs;
  let employer: Agent;
  let board: Agent;

  const post = (who: Agent, body: unknown, path = 'ads', method = 'POST') =>
    who.session.fetch(new URL(path, jobs.baseUrl).href, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  before(async () => {
    pod = await startTestServer({ config: { identity: true } });
    jobs = await startTestJobs({ trustedIssuers: [pod.baseUrl] });
    employer = await agent(pod.baseUrl, 'employer');
    board = await agent(pod.baseUrl, 'board');
  });
  after(async () => {
    await employer?.session.logout();
    await board?.session.logout();
    await jobs?.stop();
    await pod?.stop();
  });

  it('takes a batch from a logged-in publisher and answers every ad by index', async () => {
    const wrongType = sample({ id: 'bad-1', headline: 42 as unknown as string });
    const unknownConcept = sample({ id: 'bad-2', occupation: { concept_id: 'no-such-concept', label: 'x', legacy_ams_taxonomy_id: null } });
    const response = await post(employer, [sample({ id: 'emp-1' }), wrongType, unknownConcept]);
    expect(response.status).to.equal(200);
    const answer = await response.json() as BatchAnswer;
    expect(answer.accepted).to.equal(1);
    expect(answer.results[0]).to.include({ index: 0, status: 'imported' });
    expect(answer.results[0].url).to.equal(`${jobs.baseUrl}ads/${answer.results[0].id}`);
    expect(answer.results[1]).to.include({ index: 1, status: 'rejected' });
    expect(answer.results[1].reasons!.join(' ')).to.match(/headline must be a string/);
    expect(answer.results[2]).to.include({ index: 2, status: 'rejected' });
    expect(answer.results[2].reasons!.join(' ')).to.match(/occupation.*no-such-concept/);
    const ad = await (await fetch(answer.results[0].url!)).json() as JobSearchAd;
    expect(ad.headline).to.equal('Java-utvecklare');
    expect(ad.enriched_concepts?.length).to.be.greaterThan(0);
  });

  it('refuses anonymous publishing (401), a wrong media type (415) and oversized bodies (413)', async () => {
    const anonymous = await fetch(new URL('ads', jobs.baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sample()) });
    expect(anonymous.status).to.equal(401);
    const text = await employer.session.fetch(new URL('ads', jobs.baseUrl).href, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(text.status).to.equal(415);
    const huge = await post(employer, [sample({ id: 'huge' }, 'x'.repeat(6 * 1024 * 1024))]);
    expect(huge.status).to.equal(413);
  });

  it('serves an ad as JobSearch JSON, Turtle and JSON-LD', async () => {
    const { results } = await (await post(employer, sample({ id: 'emp-rdf', headline: 'Lagerarbetare till Göteborg' }, TEXTS.lager))).json() as BatchAnswer;
    const url = results[0].url!;
    const turtle = await fetch(url, { headers: { accept: 'text/turtle' } });
    expect(turtle.headers.get('content-type')).to.match(/text\/turtle/);
    const body = await turtle.text();
    expect(body).to.include('schema:JobPosting').and.to.include('Lagerarbetare till Göteborg');
    const jsonld = await fetch(url, { headers: { accept: 'application/ld+json' } });
    expect(jsonld.headers.get('content-type')).to.match(/application\/ld\+json/);
    expect(JSON.stringify(await jsonld.json())).to.include('Lagerarbetare till Göteborg');
    expect((await fetch(url, { headers: { accept: 'image/png' } })).status).to.equal(406);
  });

  it('lets only the publisher change or remove its ad; removal shows in the stream', async () => {
    const since = new Date().toISOString();
    const { results } = await (await post(employer, sample({ id: 'emp-own', headline: 'Undersköterska till hemtjänsten' }, TEXTS.vard))).json() as BatchAnswer;
    const id = results[0].id!;
    expect((await post(board, sample({ id: 'emp-own', headline: 'Kapad' }, TEXTS.vard), `ads/${id}`, 'PUT')).status).to.equal(403);
    const put = await post(employer, sample({ id: 'emp-own', headline: 'Undersköterskor till hemtjänsten' }, TEXTS.vard), `ads/${id}`, 'PUT');
    expect(put.status).to.equal(200);
    expect(((await (await fetch(new URL(`ads/${id}`, jobs.baseUrl))).json()) as JobSearchAd).headline).to.equal('Undersköterskor till hemtjänsten');
    expect((await board.session.fetch(new URL(`ads/${id}`, jobs.baseUrl).href, { method: 'DELETE' })).status).to.equal(403);
    expect((await employer.session.fetch(new URL(`ads/${id}`, jobs.baseUrl).href, { method: 'DELETE' })).status).to.equal(204);
    const gone = await fetch(new URL(`ads/${id}`, jobs.baseUrl));
    expect(gone.status).to.equal(410);
    const stream = await (await fetch(new URL(`stream?date=${encodeURIComponent(since)}`, jobs.baseUrl))).json() as JobSearchAd[];
    const mine = stream.filter((ad) => ad.id === id);
    expect(mine).to.have.length(1);
    expect(mine[0]).to.include({ removed: true });
    expect(mine[0].removed_date).to.be.a('string');
    const snapshot = await (await fetch(new URL('snapshot', jobs.baseUrl))).json() as JobSearchAd[];
    expect(snapshot.map((ad) => ad.id)).not.to.include(id);
  });

  it('merges the same vacancy from two publishers into one ad with both source links', async () => {
    const text = `${SAMPLES[1].description?.text ?? ''} Ansök senast om två veckor.`;
    const original = sample({ id: 'dup-a', webpage_url: 'https://employer.example/jobs/1' }, text);
    const first = (await (await post(employer, original)).json() as BatchAnswer).results[0];
    const copy = { ...structuredClone(original), id: 'board-77', webpage_url: 'https://board.example/77', description: { ...original.description!, text: `${text}\n\nHittad via Jobbtavlan.` } };
    const second = (await (await post(board, copy)).json() as BatchAnswer).results[0];
    expect(second).to.include({ status: 'merged', duplicateOf: first.id });
    const ad = await (await fetch(new URL(`ads/${first.id}`, jobs.baseUrl))).json() as JobSearchAd;
    expect(ad.source_links?.map((l) => l.url)).to.deep.equal(['https://employer.example/jobs/1', 'https://board.example/77']);
  });

  it('keeps HTML in ad text as text', async () => {
    const hostile = '<script>alert(1)</script><b>Fet</b>';
    const { results } = await (await post(employer, sample({ id: 'emp-html', headline: 'Kock' }, `${TEXTS.kock} ${hostile}`))).json() as BatchAnswer;
    const response = await fetch(results[0].url!);
    expect(response.headers.get('content-type')).to.match(/application\/json/);
    expect(((await response.json()) as JobSearchAd).description?.text).to.equal(`${TEXTS.kock} ${hostile}`);
  });

  it('enriches any text through POST /enrich', async () => {
    const response = await fetch(new URL('enrich', jobs.baseUrl), {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ headline: 'Undersköterskor till Malmö', text: 'B-körkort krävs. Du talar svenska.' }),
    });
    expect(response.status).to.equal(200);
    const { concepts } = await response.json() as { concepts: Array<{ type: string; label: string; confidence: number }> };
    const types = new Set(concepts.map((c) => c.type));
    for (const type of ['occupation-name', 'municipality', 'driving-license', 'language']) expect(types, type).to.include(type);
    const bad = await fetch(new URL('enrich', jobs.baseUrl), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{"text": 5}' });
    expect(bad.status).to.equal(400);
    expect((await bad.json() as { message: string }).message).to.match(/text must be a string/);
  });

  it('refuses a stream without a date, and unknown concept filters, with reasons', async () => {
    const noDate = await fetch(new URL('stream', jobs.baseUrl), { headers: { accept: 'application/json' } });
    expect(noDate.status).to.equal(400);
    expect((await noDate.json() as { message: string }).message).to.match(/date is required/);
    const unknown = await fetch(new URL('snapshot?occupation-concept-id=nope', jobs.baseUrl));
    expect(unknown.status).to.equal(400);
  });

  it('limits snapshots and streams per address (429 with Retry-After)', async () => {
    const limited = await startTestJobs({ config: { snapshotsPerHour: 1, streamsPerMinute: 2 } });
    try {
      expect((await fetch(new URL('snapshot', limited.baseUrl))).status).to.equal(200);
      const refused = await fetch(new URL('snapshot', limited.baseUrl));
      expect(refused.status).to.equal(429);
      expect(Number(refused.headers.get('retry-after'))).to.be.greaterThan(0);
      const stream = () => fetch(new URL('stream?date=2026-01-01T00:00:00', limited.baseUrl));
      expect([(await stream()).status, (await stream()).status, (await stream()).status]).to.deep.equal([200, 200, 429]);
    } finally {
      await limited.stop();
    }
  });

  it('keeps its ads across a restart', async () => {
    const before = await (await fetch(new URL('healthz', jobs.baseUrl))).json() as { ads: { live: number } };
    expect(before.ads.live).to.be.greaterThan(0);
    await jobs.stop({ keepData: true });
    jobs = await startTestJobs({ trustedIssuers: [pod.baseUrl], dataDir: jobs.dataDir });
    const after = await (await fetch(new URL('healthz', jobs.baseUrl))).json() as { ads: { live: number } };
    expect(after.ads).to.deep.equal(before.ads);
  });
});
