import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import {
  enrichJobAd, fromJobSearch, getTaxonomy, Graph, JSON_LD, parseDocument, parseJsonLd, readJobAds, serializeGraph, toJobSearch, TURTLE,
  validateGraph, writeJobAd, type JobSearchAd,
} from '../index.ts';

const SAMPLES = JSON.parse(readFileSync(new URL('./fixtures/jobsearch-format-sample.json', import.meta.url), 'utf8')) as JobSearchAd[];

describe('job ads', () => {
  it('has the two sample ads', () => expect(SAMPLES.map((a) => a.id)).to.deep.equal(['23174210', '23187561']));

  for (const sample of SAMPLES) {
    describe(`sample ad ${sample.id}`, () => {
      it('converts JobSearch JSON to JobAd and back without loss', () => {
        expect(toJobSearch(fromJobSearch(sample))).to.deep.equal(sample);
      });

      for (const contentType of [TURTLE, JSON_LD]) {
        it(`round-trips JobSearch JSON -> RDF (${contentType}) -> JobSearch JSON`, async () => {
          const g = new Graph();
          writeJobAd(g, fromJobSearch(sample));
          const text = await serializeGraph(g, contentType);
          const ads = readJobAds(await parseDocument(text, { contentType, baseIri: 'https://example.org/' }));
          expect(ads).to.have.length(1);
          expect(toJobSearch(ads[0])).to.deep.equal(sample);
        });
      }
    });
  }

  it('maps JobSearch fields onto schema:JobPosting terms', async () => {
    const g = new Graph();
    writeJobAd(g, fromJobSearch(SAMPLES[0]));
    const ttl = await serializeGraph(g, TURTLE);
    for (const term of ['a schema:JobPosting, jm:JobAd', 'schema:title "Java-utvecklare"', 'schema:validThrough "2019-05-12T23:59:59"^^xsd:dateTime',
      'schema:occupationalCategory jt:7wdX_4rv_33z', 'schema:totalJobOpenings 1', 'schema:hiringOrganization', 'schema:jobLocation',
      'schema:latitude 59.319856972671', 'jm:mustHave']) {
      expect(ttl).to.include(term);
    }
  });

  it('reports the made-up concept ids of sample ad 1 as unknown, one by one', async () => {
    const g = new Graph();
    writeJobAd(g, fromJobSearch(SAMPLES[0]));
    const report = await validateGraph(g);
    expect(report.conforms).to.equal(false);
    expect(report.violations.map((v) => v.value).sort()).to.deep.equal([
      'jt:29387234_yov_smw', 'jt:2938adsfdov_smw', 'jt:2sdfds34_yov_smw', 'jt:2sdfdsasdfov_smw', 'jt:fg7B_yoasdfw',
    ]);
    expect(report.violations.every((v) => v.constraint === 'jm:KnownConcept' && v.focus.startsWith('the jm:'))).to.equal(true);
  });

  it('finds sample ad 2 valid, also after resolving its municipality and region codes', async () => {
    const ad = enrichJobAd(fromJobSearch(SAMPLES[1]), getTaxonomy());
    expect(ad.workplaceAddress).to.deep.include({ municipalityConcept: 'oYPt_yRA_Smm', regionConcept: 'CaRE_1nn_cSU' });
    const g = new Graph();
    writeJobAd(g, ad);
    const report = await validateGraph(g);
    expect(report.violations).to.deep.equal([]);
  });

  describe('source links and enriched concepts', () => {
    const withLinks = (): JobSearchAd => ({
      ...SAMPLES[1],
      source_links: [{ label: 'Platsbanken', url: 'https://arbetsformedlingen.se/platsbanken/annonser/23187561' }, { label: null, url: 'https://board.example/1' }],
      enriched_concepts: [
        { concept_id: 'Q1D1_Pdc_rnT', type: 'skill', label: 'MIG-svetsning', term: 'mig-svetsare', confidence: 0.75 },
        { concept_id: 'oYPt_yRA_Smm', type: 'municipality', label: 'Malmö', term: 'Malmö', confidence: 1 },
      ],
    });

    for (const contentType of [TURTLE, JSON_LD]) {
      it(`round-trip through RDF (${contentType}) in their order`, async () => {
        const sample = withLinks();
        const g = new Graph();
        writeJobAd(g, fromJobSearch(sample));
        const ads = readJobAds(await parseDocument(await serializeGraph(g, contentType), { contentType, baseIri: 'https://example.org/' }));
        expect(toJobSearch(ads[0])).to.deep.equal(sample);
        expect(ads[0].sourceLinks).to.deep.equal([
          { label: 'Platsbanken', url: 'https://arbetsformedlingen.se/platsbanken/annonser/23187561' }, { url: 'https://board.example/1' },
        ]);
      });
    }

    it('are written with schema.org and jm: terms the shapes allow', async () => {
      const g = new Graph();
      writeJobAd(g, enrichJobAd(fromJobSearch(withLinks()), getTaxonomy()));
      const ttl = await serializeGraph(g, TURTLE);
      for (const term of ['jm:sourceLink', 'a schema:WebPage', 'schema:url "https://board.example/1"^^xsd:anyURI', 'schema:position 1',
        'jm:enrichedConcept', 'a jm:EnrichedConcept', 'jm:foundConcept jt:Q1D1_Pdc_rnT', 'jm:matchedTerm "mig-svetsare"', 'jm:confidence 0.75']) {
        expect(ttl).to.include(term);
      }
      expect((await validateGraph(g)).violations).to.deep.equal([]);
    });

    it('are refused by the shapes when a link is no web address or a confidence is out of range', async () => {
      const bad = { ...withLinks(), source_links: [{ label: null, url: 'javascript:alert(1)' }] };
      bad.enriched_concepts = [{ ...bad.enriched_concepts![0], confidence: 3 }];
      const g = new Graph();
      writeJobAd(g, enrichJobAd(fromJobSearch(bad), getTaxonomy()));
      const paths = (await validateGraph(g)).violations.map((v) => v.path).sort();
      expect(paths).to.deep.equal(['jm:confidence', 'schema:url']);
    });
  });

  it('reads a plain schema.org JobPosting (JSON-LD) as far as schema.org goes', async () => {
    const g = await parseJsonLd({
      '@context': { '@vocab': 'http://schema.org/' },
      '@id': 'https://jobs.example/42', '@type': 'JobPosting', identifier: '42', title: 'Svetsare', description: 'MIG/MAG',
      datePosted: '2024-03-01', validThrough: '2024-04-01',
      hiringOrganization: { '@type': 'Organization', name: 'Verkstad AB', url: 'https://verkstad.example' },
      jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Luleå', postalCode: '97231' } },
    }, 'https://jobs.example/');
    const [ad] = readJobAds(g);
    expect(ad).to.deep.include({ id: '42', headline: 'Svetsare', publicationDate: '2024-03-01', applicationDeadline: '2024-04-01' });
    expect(ad.description).to.deep.equal({ text: 'MIG/MAG' });
    expect(ad.employer).to.deep.equal({ name: 'Verkstad AB', url: 'https://verkstad.example' });
    expect(ad.workplaceAddress).to.deep.equal({ city: 'Luleå', postcode: '97231' });
  });
});
