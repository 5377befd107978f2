import { expect } from 'chai';
import { dateTimeWords, durationWords, endOfSwedishDay, swedishDay } from './page-format.ts';
import { dpvLabel } from './page-text.ts';

describe('consent page words and times', () => {
  it('a chosen day ends at 23:59:59 Swedish time, in winter and summer and on the days the clocks change', () => {
    expect(endOfSwedishDay('2026-12-01')!.toISOString()).to.equal('2026-12-01T22:59:59.000Z');
    expect(endOfSwedishDay('2026-07-01')!.toISOString()).to.equal('2026-07-01T21:59:59.000Z');
    expect(endOfSwedishDay('2026-03-29')!.toISOString(), 'spring forward').to.equal('2026-03-29T21:59:59.000Z');
    expect(endOfSwedishDay('2026-10-25')!.toISOString(), 'fall back').to.equal('2026-10-25T22:59:59.000Z');
    expect(endOfSwedishDay('2026-02-30')).to.equal(undefined);
    expect(endOfSwedishDay('1 dec')).to.equal(undefined);
    expect(swedishDay(new Date('2026-12-01T23:30:00Z')), 'already the next day in Sweden').to.equal('2026-12-02');
  });

  it('says times with date, year and zone, in Stockholm', () => {
    expect(dateTimeWords('2026-12-01T13:05:00Z', 'sv')).to.equal('1 december 2026 kl. 14:05 CET');
    expect(dateTimeWords('2026-07-01T12:05:00Z', 'en')).to.equal('1 July 2026 at 14:05 CEST');
  });

  it('says durations in words', () => {
    expect(durationWords('P30D', 'sv')).to.equal('30 dagar');
    expect(durationWords('P30D', 'en')).to.equal('30 days');
    expect(durationWords('P1D', 'sv')).to.equal('1 dag');
    expect(durationWords('P1Y6M', 'sv')).to.equal('1 år och 6 månader');
    expect(durationWords('P2WT12H', 'en')).to.equal('2 weeks and 12 hours');
    expect(durationWords('nonsense', 'en')).to.equal('nonsense');
  });

  it('names the common DPV purposes and legal bases, and nothing outside DPV', () => {
    expect(dpvLabel('https://w3id.org/dpv#HumanResourceManagement', 'sv', 'purposes')).to.equal('Personaladministration och rekrytering');
    expect(dpvLabel('https://w3id.org/dpv#LegitimateInterest', 'en', 'legalBases')).to.equal('Legitimate interest');
    expect(dpvLabel('https://w3id.org/dpv#SomethingNew', 'en', 'purposes')).to.equal(undefined);
    expect(dpvLabel('https://evil.example/#Consent', 'en', 'legalBases')).to.equal(undefined);
  });
});
