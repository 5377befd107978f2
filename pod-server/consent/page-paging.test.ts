import { expect } from 'chai';
import { LOG_PER_PAGE, pageParam, pagingNav, slice } from './page-paging.ts';

describe('consent page paging', () => {
  const lines = Array.from({ length: 120 }, (_, i) => i);

  it('shows at most fifty log lines a page, the last page holding the rest', () => {
    expect(slice(lines, 1, LOG_PER_PAGE)).to.deep.include({ page: 1, pages: 3 });
    expect(slice(lines, 1, LOG_PER_PAGE).items).to.have.length(50);
    expect(slice(lines, 3, LOG_PER_PAGE).items).to.deep.equal(lines.slice(100));
    expect(slice(lines, 99, LOG_PER_PAGE).page, 'past the end is the last page').to.equal(3);
    expect(slice([], 1, LOG_PER_PAGE)).to.deep.equal({ items: [], page: 1, pages: 1 });
  });

  it('reads the page number defensively', () => {
    expect([pageParam('2'), pageParam(undefined), pageParam('-1'), pageParam('1e9'), pageParam(['2']), pageParam('9999999')]).to.deep.equal([2, 1, 1, 1, 1, 1]);
  });

  it('links previous and next, in the page language, and nothing for a single page', () => {
    const nav = String(pagingNav(slice(lines, 2, LOG_PER_PAGE), 'en', (p) => `/.account/consent?log=${p}`, 'Log')).replaceAll('&#61;', '=');
    expect(nav).to.include('href="/.account/consent?log=1"').and.include('href="/.account/consent?log=3"').and.include('Page 2 of 3');
    expect(String(pagingNav(slice(lines, 1, LOG_PER_PAGE), 'sv', String, 'Logg'))).to.include('Sida 1 av 3').and.not.include('rel="prev"');
    expect(pagingNav(slice([1], 1, LOG_PER_PAGE), 'sv', String, 'x')).to.equal('');
  });
});
