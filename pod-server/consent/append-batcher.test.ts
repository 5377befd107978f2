import { expect } from 'chai';
import { AppendBatcher } from './append-batcher.ts';

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error & { status?: number }) => error);

describe('AppendBatcher', () => {
  it('fails the lines queued behind a failed write, and lines built before the failure', async () => {
    const written: string[] = [];
    let fail = false;
    let release!: () => void;
    const batcher = new AppendBatcher(async (bytes) => {
      await new Promise<void>((resolve) => { release = resolve; });
      if (fail) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      written.push(bytes.toString());
    });
    const epoch = batcher.epoch;
    const first = batcher.add(Buffer.from('1\n'), epoch);
    const queued = batcher.add(Buffer.from('2\n'), epoch); // goes out with the next write
    fail = true;
    release();
    expect((await failure(first))?.message).to.equal('disk full');
    expect((await failure(queued))?.message).to.equal('disk full');
    // A line built on the head from before the failure would break the chain.
    expect((await failure(batcher.add(Buffer.from('3\n'), epoch)))?.status).to.equal(503);
    fail = false;
    const fresh = batcher.add(Buffer.from('2\n'), batcher.epoch);
    release();
    await fresh;
    expect(written).to.deep.equal(['2\n']);
  });
});
