import { expect } from 'chai';
import { ByteLru } from './byte-lru.ts';

describe('a cache bounded in bytes', () => {
  it('never holds more than its budget, dropping the least recently used first', () => {
    const cache = new ByteLru<string>(10_000);
    for (let i = 0; i < 100; i++) {
      cache.set(`k${i}`, 'v', 1000);
      expect(cache.bytes).to.be.at.most(10_000);
    }
    expect(cache.get('k0')).to.equal(undefined);
    expect(cache.get('k99')).to.equal('v');
    expect(cache.size).to.be.below(10);
  });

  it('keeps what was used recently', () => {
    const cache = new ByteLru<number>(3000, 3000);
    cache.set('a', 1, 800);
    cache.set('b', 2, 800);
    cache.get('a');
    cache.set('c', 3, 800);
    cache.set('d', 4, 800);
    expect(cache.get('a')).to.equal(1);
    expect(cache.get('b')).to.equal(undefined);
  });

  it('does not keep one entry that is too large, and accounts for replacements and deletes', () => {
    const cache = new ByteLru<string>(4000);
    cache.set('small', 'x', 100);
    cache.set('huge', 'y', 2000);
    expect(cache.has('huge')).to.equal(false);
    expect(cache.get('small')).to.equal('x');
    const before = cache.bytes;
    cache.set('small', 'z', 100);
    expect(cache.bytes).to.equal(before);
    cache.delete('small');
    expect(cache.bytes).to.equal(0);
  });
});
