import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobSearchAd } from '../../../vocab/index.ts';
import { adId } from './ids.ts';
import { SqliteAdStore } from './sqlite.ts';

const ad = (id: string, headline: string): JobSearchAd => ({ id, headline } as JobSearchAd);
const signature = new Uint32Array([1, 2, 3, 4]);

describe('SQLite ad store', () => {
  let dir: string;
  let store: SqliteAdStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ad-store-'));
    store = new SqliteAdStore(join(dir, 'ads.sqlite'));
  });
  afterEach(async () => {
    await store.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps everything of a transaction that throws out: an ad is stored whole or not at all', async () => {
    const failed = store.transaction(async (tx) => {
      await tx.putAd({ id: 'a', ad: ad('a', 'Svetsare'), removed: false, block: 'b', signature }, ['b#1']);
      await tx.putPosting({ source: 's', sourceId: '1', adId: 'a', contentHash: 'h' });
      throw new Error('the disk went away');
    });
    expect(await failed.then(() => 'stored', (error: Error) => error.message)).to.equal('the disk went away');
    expect(await store.get('a')).to.equal(undefined);
    expect(await store.transaction((tx) => tx.posting('s', '1'))).to.equal(undefined);
    expect(await store.transaction((tx) => tx.duplicateCandidates(['b#1'], 10))).to.deep.equal([]);
    // The store still works after the failure.
    await store.transaction((tx) => tx.putAd({ id: 'a', ad: ad('a', 'Svetsare'), removed: false }, []));
    expect((await store.get('a'))?.ad.headline).to.equal('Svetsare');
  });

  it('reopens with its ads, postings and stream order after a restart', async () => {
    await store.transaction(async (tx) => {
      for (const [i, name] of ['Kock', 'Lärare', 'Snickare'].entries()) {
        const id = adId('s', String(i));
        await tx.putAd({ id, ad: ad(id, name), removed: false, block: 'b', signature }, [`b#${i}`]);
        await tx.putPosting({ source: 's', sourceId: String(i), adId: id, contentHash: 'h', url: `https://board.example/${i}` });
      }
    });
    const before = await store.changes({ updatedAt: 0, id: '' }, Number.MAX_SAFE_INTEGER, 10);
    await store.close();
    store = new SqliteAdStore(join(dir, 'ads.sqlite'));
    const after = await store.changes({ updatedAt: 0, id: '' }, Number.MAX_SAFE_INTEGER, 10);
    expect(after).to.deep.equal(before);
    expect(after.map((r) => r.ad.headline)).to.deep.equal(['Kock', 'Lärare', 'Snickare']);
    expect(await store.counts()).to.deep.equal({ live: 3, removed: 0 });
    // Writes after the restart come later in the stream than every earlier one.
    const stamp = await store.transaction((tx) => tx.putAd({ id: 'late', ad: ad('late', 'Bagare'), removed: false }, []));
    expect(stamp).to.be.greaterThan(after[2].updatedAt);
  });

  it('pages the stream by (updatedAt, id) without skipping or repeating, and stops before the given instant', async () => {
    await store.transaction(async (tx) => {
      for (let i = 0; i < 25; i++) await tx.putAd({ id: `ad-${String(i).padStart(2, '0')}`, ad: ad(`ad-${i}`, `Ad ${i}`), removed: false }, []);
    });
    const seen: string[] = [];
    let cursor = { updatedAt: 0, id: '' };
    for (let page = await store.changes(cursor, Number.MAX_SAFE_INTEGER, 7); page.length; page = await store.changes(cursor, Number.MAX_SAFE_INTEGER, 7)) {
      seen.push(...page.map((r) => r.id));
      cursor = { updatedAt: page[page.length - 1].updatedAt, id: page[page.length - 1].id };
    }
    expect(seen).to.have.length(25);
    expect(new Set(seen).size).to.equal(25);
    const all = await store.changes({ updatedAt: 0, id: '' }, Number.MAX_SAFE_INTEGER, 100);
    expect(await store.changes({ updatedAt: 0, id: '' }, all[10].updatedAt, 100)).to.have.length(10);
  });

  it('answers a merged posting\'s own id with the surviving ad', async () => {
    const survivor = adId('board-a', '1');
    await store.transaction(async (tx) => {
      await tx.putAd({ id: survivor, ad: ad(survivor, 'Elektriker'), removed: false, block: 'b', signature }, ['b#1']);
      await tx.putPosting({ source: 'board-a', sourceId: '1', adId: survivor, contentHash: 'h' });
      await tx.putPosting({ source: 'board-b', sourceId: '9', adId: survivor, contentHash: 'h2' });
    });
    expect((await store.get(adId('board-b', '9')))?.id).to.equal(survivor);
    expect((await store.postingsOf(survivor)).map((p) => p.source)).to.deep.equal(['board-a', 'board-b']);
    expect(await store.get('nothing')).to.equal(undefined);
  });

  it('finds duplicate candidates by shared band keys only, and never removed ads', async () => {
    await store.transaction(async (tx) => {
      await tx.putAd({ id: 'x', ad: ad('x', 'X'), removed: false, block: 'b', signature }, ['b#1', 'b#2']);
      await tx.putAd({ id: 'y', ad: ad('y', 'Y'), removed: false, block: 'b', signature }, ['b#3']);
      await tx.putAd({ id: 'z', ad: ad('z', 'Z'), removed: true }, []);
    });
    const found = await store.transaction((tx) => tx.duplicateCandidates(['b#2', 'b#9'], 10));
    expect(found.map((c) => c.id)).to.deep.equal(['x']);
    expect([...found[0].signature]).to.deep.equal([1, 2, 3, 4]);
    // The band index lives in memory: a restart rebuilds it from the keys stored with each ad.
    await store.close();
    store = new SqliteAdStore(join(dir, 'ads.sqlite'));
    expect((await store.transaction((tx) => tx.duplicateCandidates(['b#3'], 10))).map((c) => c.id)).to.deep.equal(['y']);
    // An ad rewritten without new bands keeps its own; a removed ad has none.
    await store.transaction((tx) => tx.putAd({ id: 'y', ad: ad('y', 'Y2'), removed: false, block: 'b', signature }));
    expect((await store.transaction((tx) => tx.duplicateCandidates(['b#3'], 10))).map((c) => c.id)).to.deep.equal(['y']);
    await store.transaction((tx) => tx.putAd({ id: 'y', ad: ad('y', 'Y2'), removed: true }, []));
    expect(await store.transaction((tx) => tx.duplicateCandidates(['b#3'], 10))).to.deep.equal([]);
  });
});
