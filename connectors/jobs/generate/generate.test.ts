import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { fromJobSearch, getTaxonomy, Graph, validateGraph, writeJobAd, type JobSearchAd } from '../../../vocab/index.ts';
import { generateAds } from './generate.ts';
import { isValidOrganisationNumber, organisationNumber } from './org-number.ts';
import { Random } from './prng.ts';
import { occupationForms } from './swedish.ts';

const taxonomy = getTaxonomy();
const digest = (ads: Iterable<JobSearchAd>) => {
  const h = createHash('sha256');
  for (const ad of ads) h.update(JSON.stringify(ad));
  return h.digest('hex');
};
const conceptIds = (ad: JobSearchAd): string[] => [
  ad.employment_type, ad.salary_type, ad.duration, ad.working_hours_type, ad.occupation, ad.occupation_group, ad.occupation_field,
  ...(ad.driving_license ?? []), ...ad.must_have!.skills, ...ad.must_have!.languages, ...ad.must_have!.work_experiences,
  ...ad.nice_to_have!.skills, ...ad.nice_to_have!.languages,
].map((r) => r!.concept_id!).concat([ad.workplace_address!.municipality_concept_id!, ad.workplace_address!.region_concept_id!]);

describe('ad generator', () => {
  const ads = [...generateAds({ seed: 7, count: 300, taxonomy })];

  it('gives byte-identical output for the same seed, and different output for another seed', () => {
    expect(digest(generateAds({ seed: 7, count: 300, taxonomy }))).to.equal(digest(ads));
    expect(digest(generateAds({ seed: 8, count: 300, taxonomy }))).to.not.equal(digest(ads));
  });

  it('gives ad i the same whatever the count', () => {
    expect(JSON.stringify([...generateAds({ seed: 7, count: 5, taxonomy })])).to.equal(JSON.stringify(ads.slice(0, 5)));
  });

  it('makes ads that fromJobSearch reads, with unique ids', () => {
    for (const ad of ads) expect(fromJobSearch(ad).id).to.equal(ad.id);
    expect(new Set(ads.map((a) => a.id)).size).to.equal(ads.length);
  });

  it('cites only concept ids the taxonomy has', () => {
    const unknown = ads.flatMap(conceptIds).filter((id) => !taxonomy.has(id));
    expect(unknown).to.deep.equal([]);
  });

  it('chains occupation -> group -> field as the taxonomy does', () => {
    for (const ad of ads) {
      expect(taxonomy.get(ad.occupation!.concept_id!)!.broader).to.equal(ad.occupation_group!.concept_id);
      expect(taxonomy.get(ad.occupation_group!.concept_id!)!.broader).to.equal(ad.occupation_field!.concept_id);
      expect(taxonomy.get(ad.workplace_address!.municipality_concept_id!)!.broader).to.equal(ad.workplace_address!.region_concept_id);
    }
  });

  it('puts workplaces in Sweden with coordinates and valid organisation numbers', () => {
    for (const ad of ads) {
      const [lon, lat] = ad.workplace_address!.coordinates!;
      expect(lat).to.be.within(55, 69.1);
      expect(lon).to.be.within(10.9, 24.2);
      expect(isValidOrganisationNumber(ad.employer!.organization_number!), ad.employer!.organization_number!).to.equal(true);
    }
  });

  it('skews employers: some have many ads, most few', () => {
    const counts = new Map<string, number>();
    for (const ad of ads) counts.set(ad.employer!.organization_number!, (counts.get(ad.employer!.organization_number!) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(sorted[0]).to.be.at.least(5);
    expect(sorted.filter((n) => n === 1).length).to.be.greaterThan(counts.size / 2);
  });

  it('asks drivers for driving licences', () => {
    const drivers = ads.filter((a) => /lastbilsförare|bussförare/i.test(a.occupation!.label!));
    for (const ad of drivers) expect(ad.driving_license!.length, ad.occupation!.label!).to.be.greaterThan(0);
    const withLicence = ads.filter((a) => a.driving_license!.length > 0);
    expect(withLicence.length).to.be.greaterThan(0);
    for (const ad of withLicence) expect(ad.description!.text).to.match(/\b(B|C|CE|D)-(körkort|kort)|Körkort B|behörighet/);
  });

  it('writes Swedish text with the occupation in it and mostly svenska as a language', () => {
    const mentions = ads.filter((a) => {
      const f = occupationForms(a.occupation!.label!);
      const text = `${a.headline} ${a.description!.text}`.toLowerCase();
      return text.includes(f.singular.toLowerCase().replace('-', '')) || text.includes(f.singular.toLowerCase()) || (f.plural && text.includes(f.plural.toLowerCase()));
    });
    expect(mentions.length / ads.length).to.be.greaterThan(0.9);
    const svenska = ads.filter((a) => a.must_have!.languages.some((l) => l.label === 'Svenska'));
    expect(svenska.length / ads.length).to.be.within(0.7, 0.9);
  });

  it('produces ads that pass the vocabulary validation', async () => {
    for (const ad of ads.slice(0, 20)) {
      const g = new Graph();
      writeJobAd(g, fromJobSearch(ad));
      const report = await validateGraph(g, taxonomy);
      expect(report.violations, ad.id).to.deep.equal([]);
    }
  });

  it('refuses a count that is not a non-negative integer', () => {
    expect(() => generateAds({ seed: 1, count: -1, taxonomy }).next()).to.throw(RangeError);
  });
});

describe('generator helpers', () => {
  it('inflects occupation names the way ads write them', () => {
    const table: Array<[string, string | undefined, string | undefined]> = [
      ['Undersköterska, hemtjänst', 'undersköterskor', 'undersköterskan'],
      ['Lastbilsförare', 'lastbilsförare', 'lastbilsföraren'],
      ['Montör', 'montörer', 'montören'],
      ['Psykolog', 'psykologer', 'psykologen'],
      ['Servicebiträde', 'servicebiträden', 'servicebiträdet'],
      ['Lärare i gymnasiet', 'lärare i gymnasiet', 'läraren i gymnasiet'],
      ['Personlig assistent', undefined, undefined],
    ];
    for (const [label, plural, definite] of table) expect([label, occupationForms(label).plural, occupationForms(label).definite]).to.deep.equal([label, plural, definite]);
  });

  it('makes organisation numbers that pass the Luhn check, and rejects altered ones', () => {
    for (let i = 0; i < 50; i++) {
      const n = organisationNumber('556', i);
      expect(isValidOrganisationNumber(n), n).to.equal(true);
      const altered = n.slice(0, 9) + ((Number(n[9]) + 1) % 10);
      expect(isValidOrganisationNumber(altered), altered).to.equal(false);
    }
    expect(isValidOrganisationNumber('556036-0793')).to.equal(true); // a real company's number
    expect(isValidOrganisationNumber('5560360794')).to.equal(false);
  });

  it('repeats the PRNG sequence for a seed and streams apart', () => {
    const a = new Random(1, 0), b = new Random(1, 0), c = new Random(1, 1);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).to.deep.equal(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).to.not.deep.equal(seqA);
  });
});
