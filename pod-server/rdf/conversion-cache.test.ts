import { expect } from 'chai';
import { ConversionCache } from './conversion-cache.ts';

describe('the conversion cache', () => {
  it('stays within its byte budget, dropping the least recently used first', () => {
    const cache = new ConversionCache(100);
    cache.set('a', Buffer.alloc(25));
    cache.set('b', Buffer.alloc(25));
    cache.set('c', Buffer.alloc(25));
    cache.get('a'); // a is now the most recently used
    cache.set('d', Buffer.alloc(25));
    cache.set('e', Buffer.alloc(25));
    expect(cache.bytes).to.be.at.most(100);
    expect(cache.get('b')).to.equal(undefined);
    expect(cache.get('a')).to.have.length(25);
    expect(cache.get('e')).to.have.length(25);
  });

  it('does not keep an entry larger than a quarter of the budget', () => {
    const cache = new ConversionCache(100);
    cache.set('big', Buffer.alloc(26));
    expect(cache.get('big')).to.equal(undefined);
    expect(cache.bytes).to.equal(0);
  });
});
