import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { getTaxonomy } from '../../../../vocab/index.ts';
import { JOB_POSTING } from './fixtures/jobposting.ts';
import { detectFormat, parseBatch } from './index.ts';

const taxonomy = getTaxonomy();
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const JOBSEARCH = fixture('jobsearch-format-sample.json') as Array<Record<string, unknown>>;
const LEGACY = fixture('legacy-source-format-sample.json') as { testannonser: Array<Record<string, unknown>> };
const MINIMAL = { headline: 'Lagerarbetare', description: { text: 'Plock och pack.' }, employer: { name: 'Lager AB' } };

describe('parseBatch', () => {
  it('tells the formats apart', () => {
    const table: Array<[unknown, string | undefined]> = [
      [JOBSEARCH[0], 'jobsearch'], [MINIMAL, 'jobsearch'], [LEGACY.testannonser[0], 'legacy'], [JOB_POSTING, 'jsonld'],
      [{ '@graph': [JOB_POSTING] }, 'jsonld'], [{ foo: 1 }, undefined], [42, undefined], ['text', undefined],
    ];
    for (const [item, format] of table) expect(detectFormat(item), JSON.stringify(item).slice(0, 60)).to.equal(format);
  });

  it('reads one ad, a list, and the wrappers of each format', () => {
    const count = (body: unknown) => parseBatch(body, 'auto', taxonomy).length;
    expect(count(MINIMAL)).to.equal(1);
    expect(count(JOBSEARCH)).to.equal(2);
    expect(count({ hits: JOBSEARCH })).to.equal(2);
    expect(count(LEGACY)).to.equal(2);
    expect(count({ '@context': 'https://schema.org/', '@graph': [JOB_POSTING, { '@type': 'Organization', name: 'X' }, JOB_POSTING] })).to.equal(2);
    expect(count([MINIMAL, LEGACY.testannonser[0], JOB_POSTING])).to.equal(3);
  });

  it('accepts the second JobSearch sample and refuses the first for its made-up concept ids, naming each field', () => {
    const [first, second] = parseBatch(JOBSEARCH, 'jobsearch', taxonomy);
    expect(first.ad).to.equal(undefined);
    expect(first.sourceId).to.equal('23174210');
    expect(first.reasons).to.deep.equal([
      'must_have.skills[0].concept_id "29387234_yov_smw" is not a concept in the taxonomy',
      'must_have.languages[0].concept_id "2sdfds34_yov_smw" is not a concept in the taxonomy',
      'nice_to_have.skills[0].concept_id "2938adsfdov_smw" is not a concept in the taxonomy',
      'nice_to_have.languages[0].concept_id "2sdfdsasdfov_smw" is not a concept in the taxonomy',
      'nice_to_have.work_experiences[0].concept_id "fg7B_yoasdfw" is not a concept in the taxonomy',
    ]);
    expect(second.reasons).to.deep.equal([]);
    expect(second.sourceId).to.equal('23187561');
    expect(second.ad).to.deep.include({ id: '23187561', headline: 'Java-utvecklare' });
    expect(second.ad!.workplaceAddress).to.deep.include({ municipalityConcept: 'oYPt_yRA_Smm', regionConcept: 'CaRE_1nn_cSU' });
  });

  it('gives wrong types as reasons, never a crash, and goes on with the rest of the batch', () => {
    const bad = [
      { ...MINIMAL, headline: 42 },
      { ...MINIMAL, must_have: { skills: 'Java' } },
      { ...MINIMAL, workplace_address: { coordinates: [1, 'x'] } },
      { ...MINIMAL, must_have: { skills: [null] } },
      { ...MINIMAL, description: 'text' },
      MINIMAL,
      null,
    ];
    const out = parseBatch(bad, 'jobsearch', taxonomy);
    expect(out.map((p) => p.reasons)).to.deep.equal([
      ['headline must be a string, got number'],
      ['must_have.skills must be a list, got string'],
      ['workplace_address.coordinates must be a list of 2 numbers, got array'],
      ['must_have.skills[0] must be a value, got null'],
      ['description must be an object, got string'],
      [],
      ['a JobSearch ad must be an object, got null'],
    ]);
    expect(out.map((p) => p.index)).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    expect(out[5].ad).to.deep.include({ headline: 'Lagerarbetare' });
  });

  it('refuses what is no batch at all, and what it cannot tell', () => {
    expect(parseBatch('hello', 'auto', taxonomy)).to.deep.equal([{ index: 0, reasons: ['a batch must be an ad (object) or a list of ads, got string'] }]);
    expect(parseBatch([{ foo: 1 }], 'auto', taxonomy)[0].reasons[0]).to.match(/^cannot tell the format of this object/);
    expect(parseBatch([{ '@type': 'Organization' }], 'jsonld', taxonomy)[0].reasons).to.deep.equal(['@type must be JobPosting, got ["Organization"]']);
  });

  it('keeps HTML in JobSearch ad text as the text it is', () => {
    const text = '<p>Hej <script>alert(1)</script></p>';
    const [p] = parseBatch({ ...MINIMAL, description: { text } }, 'jobsearch', taxonomy);
    expect(p.ad!.description!.text).to.equal(text);
  });

  it('gives an ad without a source id an id from its content, the same for the same content', () => {
    const [a] = parseBatch(MINIMAL, 'jobsearch', taxonomy);
    const [b] = parseBatch(structuredClone(MINIMAL), 'jobsearch', taxonomy);
    const [c] = parseBatch({ ...MINIMAL, headline: 'Truckförare' }, 'jobsearch', taxonomy);
    expect(a.sourceId).to.equal(undefined);
    expect(a.ad!.id).to.match(/^h-[0-9a-f]{24}$/).and.to.equal(b.ad!.id).and.not.equal(c.ad!.id);
  });

  it('keeps the source link of a JobSearch ad (webpage_url)', () => {
    const [p] = parseBatch({ ...MINIMAL, id: 7, webpage_url: 'https://board.example/ad/7' }, 'jobsearch', taxonomy);
    expect(p.sourceId).to.equal('7');
    expect(p.ad!.sourceLinks).to.deep.equal([{ url: 'https://board.example/ad/7' }]);
  });

  it('normalises dates to xsd:dateTime and refuses what is no date', () => {
    const [ok, bad] = parseBatch([
      { ...MINIMAL, publication_date: '2024-03-01', application_deadline: '2024-03-31' },
      { ...MINIMAL, publication_date: 'igår' },
    ], 'jobsearch', taxonomy);
    expect(ok.ad).to.deep.include({ publicationDate: '2024-03-01T00:00:00', applicationDeadline: '2024-03-31T23:59:59' });
    expect(bad.reasons).to.deep.equal(['publication_date "igår" is not a date and time (e.g. 2024-03-01T00:00:00)']);
  });

  it('reads at most maxAds ads and says so once', () => {
    const out = parseBatch([MINIMAL, MINIMAL, MINIMAL], 'jobsearch', taxonomy, { maxAds: 2 });
    expect(out.map((p) => p.index)).to.deep.equal([0, 1, 2]);
    expect(out[2].reasons).to.deep.equal(['the batch has 3 ads; at most 2 are read, the rest were not']);
  });
});
