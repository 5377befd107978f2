// One aggregator follows another through its JobStream-compatible API: the second pulls the first's
// /snapshot once, then /stream, and applies removals — both real services over HTTP.
import { expect } from 'chai';
import type { JobSearchAd } from '../../vocab/index.ts';
import { startTestJobs, type TestJobs } from './test-support.ts';
import { parseBatch } from './ingest/formats/index.ts';
import { generateAds } from './generate/index.ts';
import { getTaxonomy } from '../../vocab/index.ts';
import { adId } from './store/ids.ts';

describe('an aggregator as the JobStream source of another', function () {
  this.timeout(60_000);
  let upstream: TestJobs;
  let follower: TestJobs;
  const live = async (jobs: TestJobs) => (await (await fetch(new URL('snapshot', jobs.baseUrl))).json()) as JobSearchAd[];

  const taxonomy = getTaxonomy();
  const ads = [...generateAds({ seed: 11, count: 30, taxonomy })];

  before(async () => {
    upstream = await startTestJobs();
    await upstream.service.pipeline.ingest(parseBatch(ads, 'jobsearch', taxonomy), { source: 'board', label: 'Tavlan' });
    follower = await startTestJobs({ config: { sources: `jobstream=${upstream.baseUrl}` } });
  });
  after(async () => {
    await follower?.stop();
    await upstream?.stop();
  });

  it('takes the snapshot, then follows changes and removals through the stream', async () => {
    const [first] = await follower.service.pollSources();
    expect(first.ok, first.error).to.equal(true);
    const upstreamAds = await live(upstream);
    const followedIds = async () => (await live(follower)).flatMap((ad) => (ad.source_links ?? []).map((link) => link.source_id));
    expect((await followedIds()).sort()).to.deep.equal(upstreamAds.map((ad) => ad.id).sort());

    // Upstream, one ad is taken down and another changes its headline.
    const goneId = adId('board', ads[0].id);
    await upstream.service.pipeline.remove([ads[0].id], { source: 'board' });
    await upstream.service.pipeline.ingest(parseBatch([{ ...ads[1], headline: 'Ny rubrik' }], 'jobsearch', taxonomy), { source: 'board' });

    const [second] = await follower.service.pollSources();
    expect(second.ok, second.error).to.equal(true);
    expect(await followedIds()).to.have.length(upstreamAds.length - 1).and.not.to.include(goneId);
    const changed = (await live(follower)).find((ad) => ad.source_links?.some((link) => link.source_id === adId('board', ads[1].id)));
    expect(changed?.headline).to.equal('Ny rubrik');
  });
});
