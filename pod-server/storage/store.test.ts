import { expect } from 'chai';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from './file.ts';
import { MemoryStore } from './memory.ts';
import type { ResourceStore } from './store.ts';

/** The contract every backend keeps; the LDP tests cover the rest through HTTP. */
for (const kind of ['memory', 'file'] as const) {
  describe(`ResourceStore contract (${kind})`, () => {
    let dir: string;
    let store: ResourceStore;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'store-'));
      store = kind === 'memory' ? new MemoryStore() : new FileStore({ dataDir: dir });
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('appends without rewriting, and the ETag moves on', async () => {
      const first = await store.append('/pod/log', Buffer.from('one\n'), 'application/jsonl');
      const second = await store.append('/pod/log', Buffer.from('two\n'), 'application/jsonl');
      expect(second.etag).to.not.equal(first.etag);
      const log = await store.read('/pod/log');
      expect(log!.body.toString()).to.equal('one\ntwo\n');
      expect(log!.contentType).to.equal('application/jsonl');
      expect(await store.children('/pod/')).to.deep.equal(['/pod/log']);
      if (kind === 'file') expect(await readFile(join(dir, 'pod', 'log'), 'utf8')).to.equal('one\ntwo\n');
    });

    it('can truncate a log (the repair of a torn one)', async () => {
      await store.append('/log', Buffer.from('one\n'), 'application/jsonl');
      await store.append('/log', Buffer.from('two\n'), 'application/jsonl');
      await store.truncate('/log', 4);
      expect((await store.read('/log'))!.body.toString()).to.equal('one\n');
      expect((await store.read('/log'))!.contentType).to.equal('application/jsonl');
    });

    it('keeps concurrent appends whole and in some order', async () => {
      await Promise.all(Array.from({ length: 50 }, (_, i) => store.append('/log', Buffer.from(`line ${i}\n`), 'text/plain')));
      const lines = (await store.read('/log'))!.body.toString().trim().split('\n');
      expect(lines).to.have.length(50);
      expect(new Set(lines).size).to.equal(50);
    });

    it('runs the check inside the critical section and writes nothing when it throws', async () => {
      await store.write('/doc', Buffer.from('v1'), 'text/plain');
      const { etag } = (await store.metadata('/doc'))!;
      const attempts = await Promise.allSettled(['a', 'b', 'c'].map((v) => store.write('/doc', Buffer.from(v), 'text/plain', (current) => {
        if (current?.etag !== etag) throw new Error('changed');
      })));
      expect(attempts.filter((a) => a.status === 'fulfilled')).to.have.length(1);
      expect(['a', 'b', 'c']).to.include((await store.read('/doc'))!.body.toString());
      // The losers' temp files are cleaned up.
      if (kind === 'file') {
        expect((await readdir(dir)).sort()).to.deep.equal(['doc', 'doc.meta$', 'tmp$']);
        expect(await readdir(join(dir, 'tmp$'))).to.deep.equal([]);
      }
    });
  });
}

describe('FileStore on disk', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'store-')); });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('removes temp files a crash left, at start-up', async () => {
    await mkdir(join(dir, 'tmp$'));
    await writeFile(join(dir, 'tmp$', '0123abcd'), 'half a body');
    const store = new FileStore({ dataDir: dir, durable: false });
    await store.write('/doc', Buffer.from('x'), 'text/plain');
    expect(await readdir(join(dir, 'tmp$'))).to.deep.equal([]);
  });

  it('reads data written by the earlier layout: {contentType} sidecars, temp files beside their target', async () => {
    await mkdir(join(dir, 'c'));
    await writeFile(join(dir, 'c', 'note'), 'plain words');
    await writeFile(join(dir, 'c', 'note.meta$'), JSON.stringify({ contentType: 'text/plain' }));
    await writeFile(join(dir, 'c', 'card'), '<#me> <#p> "o".');
    await writeFile(join(dir, 'c', '.1a2b3c.tmp$'), 'left by a crash');
    const store = new FileStore({ dataDir: dir, durable: false });
    expect(await store.read('/c/note')).to.include({ contentType: 'text/plain' });
    expect((await store.read('/c/card'))!.contentType).to.equal('text/turtle');
    expect(await store.children('/c/')).to.have.members(['/c/note', '/c/card']);
    // Types change as usual from there, and an emptied container goes away despite the leftover.
    await store.write('/c/note', Buffer.from('<#a> <#b> <#c>.'), 'text/turtle');
    expect((await store.read('/c/note'))!.contentType).to.equal('text/turtle');
    expect(await readdir(join(dir, 'c'))).to.not.include('note.meta$');
    await store.delete('/c/note');
    await store.delete('/c/card');
    await store.delete('/c/');
    expect(await readdir(dir)).to.not.include('c');
  });

  it('serves a body with its own type and ETag when it was replaced after its metadata was read', async () => {
    const store = new FileStore({ dataDir: dir, durable: false });
    const plain = await store.write('/doc', Buffer.from('x'.repeat(70_000)), 'text/plain'); // too big for the body cache
    // The race of a GET and a PUT, made deterministic: the body changes under a remembered metadata.
    const turtle = await new FileStore({ dataDir: dir, durable: false }).write('/doc', Buffer.from('<#a> <#b> <#c>.'), 'text/turtle');
    expect((await store.metadata('/doc'))!.etag).to.equal(plain.etag);
    const read = (await store.read('/doc'))!;
    expect([read.contentType, read.etag, read.body.toString()]).to.deep.equal(['text/turtle', turtle.etag, '<#a> <#b> <#c>.']);
  });

  it('types a body by the version the sidecar names, whichever version a crash left in place', async () => {
    const store = new FileStore({ dataDir: dir, durable: false });
    await store.write('/doc', Buffer.from('<#a> <#b> "turtle".'), 'text/turtle');
    const turtle = (await store.metadata('/doc'))!;
    // What a kill between the sidecar's rename and the body's leaves: the sidecar of the next version, the old body.
    await writeFile(join(dir, 'doc.meta$'), JSON.stringify({ contentType: 'text/plain', version: 'not-yet', previous: { contentType: 'text/turtle', version: turtle.etag.slice(1, -1) } }));
    expect((await new FileStore({ dataDir: dir, durable: false }).read('/doc'))!.contentType).to.equal('text/turtle');
    const written = await store.write('/doc', Buffer.from('plain'), 'text/plain');
    expect(JSON.parse(await readFile(join(dir, 'doc.meta$'), 'utf8'))).to.deep.equal({ contentType: 'text/plain', version: written.etag.slice(1, -1), previous: { contentType: 'text/turtle', version: turtle.etag.slice(1, -1) } });
    expect((await new FileStore({ dataDir: dir, durable: false }).read('/doc'))!.contentType).to.equal('text/plain');
  });

});
