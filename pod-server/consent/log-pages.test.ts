import { expect } from 'chai';
import { appendEntry, serializeEntry, type AccessLogEntry } from '../../consent/index.ts';
import { MemoryStore } from '../storage/memory.ts';
import { readLogPage } from './log-pages.ts';

describe('access log pages', () => {
  const LOG = '/anna/consent/access-log';
  const entries: AccessLogEntry[] = [];
  for (let i = 0; i < 57; i++) entries.push(appendEntry(entries.at(-1), { grantee: 'https://acme.example/#me', resource: 'https://pod.example/anna/competence/skills', mode: 'read', recordId: 'r' }, new Date(Date.UTC(2026, 0, 1, 0, 0, i))));
  const text = entries.map(serializeEntry).join('');
  const page = async (body: string, offset: number, limit: number) => {
    const store = new MemoryStore();
    await store.write(LOG, Buffer.from(body), 'application/jsonl');
    const result = await readLogPage(store, LOG, { offset, limit });
    return { seqs: result.entries.map((e) => e.seq), total: result.total };
  };

  it('reads slices from the end, newest first, with the total', async () => {
    expect(await page(text, 0, 3)).to.deep.equal({ seqs: [57, 56, 55], total: 57 });
    expect(await page(text, 10, 2)).to.deep.equal({ seqs: [47, 46], total: 57 });
    expect(await page(text, 55, 10)).to.deep.equal({ seqs: [2, 1], total: 57 });
    expect(await page(text, 57, 10)).to.deep.equal({ seqs: [], total: 57 });
    expect(await page(text, 0, 100)).to.deep.equal({ seqs: entries.map((e) => e.seq).reverse(), total: 57 });
  });

  it('leaves out a torn last line, and answers an empty or missing log with nothing', async () => {
    expect(await page(text + '{"seq":58,"ti', 0, 2)).to.deep.equal({ seqs: [57, 56], total: 57 });
    expect(await page('', 0, 5)).to.deep.equal({ seqs: [], total: 0 });
    expect(await page('{"seq":1', 0, 5)).to.deep.equal({ seqs: [], total: 0 });
    expect(await readLogPage(new MemoryStore(), LOG, { offset: 0, limit: 5 })).to.deep.equal({ entries: [], total: 0 });
  });

  it('parses only the page: a broken line elsewhere does not spoil it', async () => {
    const broken = 'not json\n' + entries.slice(1).map(serializeEntry).join('');
    expect(await page(broken, 0, 3)).to.deep.equal({ seqs: [57, 56, 55], total: 57 });
  });
});
