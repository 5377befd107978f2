// `npm start` with the aggregator: it comes up beside the pod server on its own origin, loads the
// demo ads once, provisions its own agent (WebID + credentials) on the pod server, and reuses all of
// it on the next start.
import { expect } from 'chai';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../test-support/process.ts';

async function jobsUrl(server: ServerProcess, timeoutMs = 30_000): Promise<string> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const match = /^jobs listening on (\S+)$/m.exec(server.output());
    if (match) return match[1];
  }
  throw new Error(`the aggregator did not start:\n${server.output()}`);
}

async function liveAds(url: string, atLeast: number, timeoutMs = 30_000): Promise<number> {
  let live = 0;
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
    live = ((await (await fetch(new URL('healthz', url))).json()) as { ads: { live: number } }).ads.live;
    if (live >= atLeast) return live;
  }
  return live;
}

describe('npm start with the jobs aggregator', function () {
  this.timeout(90_000);
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'start-jobs-')); });
  after(() => rm(dir, { recursive: true, force: true }));

  it('loads the demo ads on the first start, provisions its agent, and reuses both after a restart', async () => {
    const env = { PORT: '0', DATA_DIR: join(dir, 'pod'), STORAGE: 'file', JOBS_PORT: '0', JOBS_DATA_DIR: join(dir, 'jobs'), JOBS_SEED_GENERATED: '120' };
    const first = await startServerProcess(env, 30_000);
    let firstCount: number;
    try {
      const url = await jobsUrl(first);
      // Loading runs after the service listens (readers may see a batch being written): its marker
      // file says when it is done. 2 JobSearch samples + 1 legacy sample (the other is a removal)
      // + 120 generated ads, some of which may merge as duplicates.
      for (let tries = 0; tries < 300 && !(await stat(join(dir, 'jobs', 'seeded')).catch(() => undefined)); tries++) await new Promise((r) => setTimeout(r, 100));
      firstCount = await liveAds(url, 0);
      expect(firstCount).to.be.within(100, 123);
      const snapshot = await (await fetch(new URL('snapshot', url))).json() as Array<{ headline: string }>;
      expect(snapshot).to.have.length(firstCount);
      expect(snapshot.map((ad) => ad.headline)).to.include('Drivna pedagoger sökes till Norlandia förskolor Lilla Alsike');
      const profile = await fetch(new URL('profile/card', url), { headers: { accept: 'text/turtle' } });
      expect(profile.status).to.equal(200);
      const turtle = await profile.text();
      expect(turtle).to.include(`<${first.baseUrl.replace(/\/$/, '')}`).and.to.include('inbox');
      for (let tries = 0; tries < 100 && !(await stat(join(dir, 'jobs', 'agent-credentials.json')).catch(() => undefined)); tries++) await new Promise((r) => setTimeout(r, 100));
      expect((await stat(join(dir, 'jobs', 'agent-credentials.json'))).mode & 0o777).to.equal(0o600);
    } finally {
      expect(await first.stop()).to.equal(0);
    }
    const second = await startServerProcess(env, 30_000);
    try {
      const url = await jobsUrl(second);
      await new Promise((r) => setTimeout(r, 1000));
      expect(await liveAds(url, firstCount, 5_000)).to.equal(firstCount);
      expect(second.output()).not.to.match(/first start/);
    } finally {
      expect(await second.stop()).to.equal(0);
    }
  });
});
