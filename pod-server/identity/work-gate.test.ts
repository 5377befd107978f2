import { expect } from 'chai';
import { HttpError } from '../../service-kit/errors.ts';
import { WorkGate } from './work-gate.ts';

describe('WorkGate: bounded concurrency with a bounded queue (password hashing)', () => {
  it('runs at most `concurrency` jobs at once, queues `queue` more, and refuses the rest at once with 503', async () => {
    const gate = new WorkGate({ concurrency: 2, queue: 3, what: 'password checks' });
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const job = () => gate.run(() => new Promise<string>((resolve) => {
      running++;
      most = Math.max(most, running);
      releases.push(() => { running--; resolve('done'); });
    }));
    const results = Array.from({ length: 8 }, () => job().then((v) => v, (e: unknown) => e));
    await new Promise((resolve) => setImmediate(resolve));
    expect(gate.active).to.equal(2);
    expect(gate.waiting).to.equal(3);
    while (releases.length) {
      releases.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const settled = await Promise.all(results);
    expect(settled.filter((v) => v === 'done')).to.have.length(5);
    const refused = settled.filter((v) => v instanceof HttpError) as HttpError[];
    expect(refused).to.have.length(3);
    expect(refused[0].status).to.equal(503);
    expect(refused[0].headers['Retry-After']).to.equal('1');
    expect(most).to.equal(2);
    expect(gate.active).to.equal(0);
  });

  it('frees its slot when a job fails', async () => {
    const gate = new WorkGate({ concurrency: 1, queue: 0, what: 'work' });
    await gate.run(() => Promise.reject(new Error('boom'))).catch(() => undefined);
    expect(await gate.run(async () => 'next')).to.equal('next');
  });
});
