import { expect } from 'chai';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
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
