import { expect } from 'chai';
import { getTaxonomy } from '../../../../vocab/index.ts';
import { createSource, parseInterval, parseSourcesConfig } from './config.ts';

describe('JOBS_SOURCES', () => {
  it('reads kind=location[@interval] entries separated by spaces, commas or lines', () => {
    expect(parseSourcesConfig('jobstream=https://jobstream.example@5m, career-page=https://user@jobs.example/careers?a=1@1h\nlegacy-file=./ads.json jobsearch-file=/data/ads.json@90')).to.deep.equal([
      { kind: 'jobstream', location: 'https://jobstream.example', intervalSeconds: 300 },
      { kind: 'career-page', location: 'https://user@jobs.example/careers?a=1', intervalSeconds: 3600 },
      { kind: 'legacy-file', location: './ads.json' },
      { kind: 'jobsearch-file', location: '/data/ads.json', intervalSeconds: 90 },
    ]);
  });

  it('reads a JSON list too, and nothing from an empty value', () => {
    expect(parseSourcesConfig('[{"kind":"jobstream","url":"https://js.example","interval":60}]')).to.deep.equal([{ kind: 'jobstream', location: 'https://js.example', intervalSeconds: 60 }]);
    expect(parseSourcesConfig(undefined)).to.deep.equal([]);
    expect(parseSourcesConfig('  ')).to.deep.equal([]);
  });

  const bad: Array<[string, string]> = [
    ['rss=https://x.example', 'JOBS_SOURCES: entry 1 "rss=https://x.example": unknown kind "rss"; expected one of jobstream, jobsearch-file, legacy-file, career-page'],
    ['jobstream=https://a.example https://b.example', 'JOBS_SOURCES: entry 2 "https://b.example" is not kind=location[@interval]'],
    ['jobstream=./file.json', 'JOBS_SOURCES: entry 1 "jobstream=./file.json": jobstream needs an http(s) URL, got "./file.json"'],
    ['jobstream=https://a.example@2s', 'JOBS_SOURCES: entry 1 "jobstream=https://a.example@2s": interval 2s is outside 10s..7d'],
    ['legacy-file=', 'JOBS_SOURCES: entry 1 "legacy-file=": the location is missing'],
    ['[{"kind":"jobstream"}]', 'JOBS_SOURCES: entry 1 {"kind":"jobstream"}: the location is missing'],
    ['[{"kind":"legacy-file","location":"a","interval":"soon"}]', 'JOBS_SOURCES: entry 1 {"kind":"legacy-file","location":"a","interval":"soon"}: interval "soon" is not a number of seconds or e.g. 30s, 5m, 1h, 1d'],
    ['[oops', 'JOBS_SOURCES: not valid JSON'],
  ];
  for (const [value, message] of bad) {
    it(`refuses ${JSON.stringify(value)} naming the entry`, () => expect(() => parseSourcesConfig(value)).to.throw(message));
  }

  it('reads intervals with units', () => {
    expect([parseInterval('45'), parseInterval('2m'), parseInterval('1d'), parseInterval('1w')]).to.deep.equal([45, 120, 86_400, undefined]);
  });

  it('builds the source of each kind with its name', () => {
    const names = parseSourcesConfig('jobstream=https://js.example/@1m jobsearch-file=a.json legacy-file=b.json career-page=https://c.example/jobs')
      .map((c) => createSource(c, getTaxonomy()))
      .map((s) => [s.name, s.intervalSeconds]);
    expect(names).to.deep.equal([['jobstream:https://js.example', 60], ['jobsearch-file:a.json', undefined], ['legacy-file:b.json', undefined], ['career-page:https://c.example/jobs', undefined]]);
  });
});
