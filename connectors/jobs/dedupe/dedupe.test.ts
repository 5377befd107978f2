import { expect } from 'chai';
import { fromJobSearch, getTaxonomy, type JobSearchAd } from '../../../vocab/index.ts';
import { generateAds, generateDuplicateSet, generateVariant } from '../generate/index.ts';
import { EDITS } from '../generate/edits.ts';
import { Random } from '../generate/prng.ts';
import { DuplicateIndex, MAX_BUCKET_SCAN } from './duplicate-index.ts';
import { scoreDedupe } from './evaluate.ts';
import { blocksOf, DUPLICATE_THRESHOLD, fingerprint, isDuplicate, similarity } from './fingerprint.ts';
import { BANDS } from './minhash.ts';
import { cleanText, MAX_TEXT, normaliseEmployerName, normaliseOrganisationNumber, normaliseText } from './normalize.ts';

const taxonomy = getTaxonomy();
const [original, second] = [...generateAds({ seed: 99, count: 2, taxonomy })];
const withText = (ad: JobSearchAd, text: string): JobSearchAd => ({ ...ad, description: { ...ad.description!, text } });
const fp = (ad: JobSearchAd) => fingerprint(fromJobSearch(ad));

describe('duplicate detection: text normalisation', () => {
  const table: Array<[string, string, string[]]> = [
    ['strips tags and decodes entities', '<p>Vi s&ouml;ker <b>kockar</b> &amp; diskare</p>', ['vi', 'söker', 'kockar', 'diskare']],
    ['drops links, e-mail addresses, phone numbers and dates', 'Ansök på https://x.example/jobb?id=1 eller till anna@firma.se, tel. 070-123 45 67, senast 2025-01-31.', ['ansök', 'på', 'eller', 'till', 'tel', 'senast']],
    ['collapses whitespace and case', 'Java-UTVECKLARE\r\n\r\n  sökes', ['java', 'utvecklare', 'sökes']],
    ['keeps Swedish letters', 'Undersköterska åt äldreomsorgen', ['undersköterska', 'åt', 'äldreomsorgen']],
  ];
  for (const [what, input, words] of table) it(what, () => expect(normaliseText(input)).to.deep.equal(words));

  it('reads at most MAX_TEXT characters of a huge or hostile text, quickly', () => {
    const hostile = '<'.repeat(200_000) + '&#'.repeat(100_000) + 'a@'.repeat(100_000);
    const start = performance.now();
    expect(cleanText(hostile).length).to.be.at.most(MAX_TEXT);
    expect(performance.now() - start).to.be.below(500);
  });

  it('normalises employer names and organisation numbers', () => {
    expect(normaliseEmployerName('Not4real Dream Business AB (publ)')).to.equal('not4real dream business');
    expect(normaliseEmployerName('NOT4REAL DREAM BUSINESS')).to.equal('not4real dream business');
    expect(normaliseOrganisationNumber('556036-0793')).to.equal('5560360793');
    expect(normaliseOrganisationNumber('165560360793')).to.equal('5560360793');
    expect(normaliseOrganisationNumber('12345')).to.equal(undefined);
  });
});

describe('duplicate detection: same vacancy or not', () => {
  const random = () => new Random(5, 1);
  const mustMerge: Array<[string, JobSearchAd]> = [
    ['an identical copy', { ...original, id: 'copy' }],
    ...Object.entries(EDITS).map(([name, edit]) => [`a copy with edit "${name}"`, edit(original, random())] as [string, JobSearchAd]),
    ['a copy with typos, a footer and a new deadline', EDITS.changedDeadline(EDITS.boardFooter(EDITS.typos(original, random()), random()), random())],
    ['a copy as HTML with rewritten contacts and paragraphs swapped', EDITS.html(EDITS.rewrittenContacts(EDITS.reorderParagraphs(original, random()), random()), random())],
    ['a copy whose employer has only a name and place only a municipality name', EDITS.placeByName(EDITS.scrapedEmployer(original, random()), random())],
  ];
  for (const [what, copy] of mustMerge) {
    it(`merges ${what}`, () => {
      const a = fp(original);
      const b = fp(copy);
      expect(similarity(a.signature, b.signature), 'similarity').to.be.at.least(DUPLICATE_THRESHOLD);
      expect(isDuplicate(a, b)).to.equal(true);
      const index = new DuplicateIndex();
      index.add(original.id, a);
      expect(index.findDuplicate(b)).to.equal(original.id);
    });
  }

  const differentEmployer = { ...original, employer: { ...original.employer!, organization_number: '5560360793', name: 'Helt Annat Företag AB' } };
  const sameNameOtherOrg = { ...original, employer: { ...original.employer!, organization_number: '5560360793' } };
  const elsewhere = taxonomy.byType('municipality').find((m) => m.id !== original.workplace_address!.municipality_concept_id)!;
  const otherPlace = { ...original, workplace_address: { ...original.workplace_address!, municipality_concept_id: elsewhere.id, municipality_code: elsewhere.legacyId!, municipality: elsewhere.label } };
  const mustNotMerge: Array<[string, JobSearchAd]> = [
    ['another vacancy of the same employer, occupation and place', generateVariant(taxonomy, original, 99, 0, 'variant')],
    ['the same text from another employer', differentEmployer],
    ['the same text and name from a company with another organisation number', sameNameOtherOrg],
    ['the same text in another municipality', otherPlace],
    ['an unrelated ad', { ...second, employer: original.employer, workplace_address: original.workplace_address }],
    ['an ad without text', withText({ ...original, headline: null }, '')],
  ];
  for (const [what, other] of mustNotMerge) {
    it(`does not merge ${what}`, () => {
      const a = fp(original);
      const b = fp(other);
      expect(isDuplicate(a, b)).to.equal(false);
      const index = new DuplicateIndex();
      index.add(original.id, a);
      expect(index.findDuplicate(b)).to.equal(undefined);
    });
  }

  it('keys every band with its block', () => {
    const f = fp(original);
    expect(f.blocks).to.have.length(2);
    expect(f.bands).to.have.length(BANDS * f.blocks.length);
    for (const band of f.bands) expect(f.blocks.some((b) => band.startsWith(`${b}#`))).to.equal(true);
    expect(blocksOf(fromJobSearch({ ...original, employer: null }))).to.deep.equal([]);
  });
});

describe('duplicate detection: the index', () => {
  it('forgets removed ads and replaces re-added ones', () => {
    const index = new DuplicateIndex();
    const f = fp(original);
    index.add('a', f);
    index.add('a', f);
    expect(index.size).to.equal(1);
    expect(index.findDuplicate(fp({ ...original, id: 'b' }))).to.equal('a');
    index.remove('a');
    expect(index.findDuplicate(f)).to.equal(undefined);
    index.remove('a');
  });

  it('reads a bounded number of candidates in a block of thousands of identical ads', () => {
    const index = new DuplicateIndex();
    const f = fp(original);
    for (let i = 0; i < 5000; i++) index.add(`same-${i}`, f);
    expect(index.candidates(f)).to.have.length(MAX_BUCKET_SCAN);
    expect(index.findDuplicate(f)).to.equal(`same-${5000 - MAX_BUCKET_SCAN}`);
  });
});

describe('duplicate detection: quality on a generated set', () => {
  it('finds the board copies and leaves other vacancies apart (precision and recall at least 0.98)', () => {
    const set = generateDuplicateSet({ seed: 3, count: 1500, taxonomy });
    expect(set.groups.length).to.be.greaterThan(300);
    expect(set.hardNegatives.length).to.be.greaterThan(150);
    const score = scoreDedupe(set.ads, set.groups, set.hardNegatives);
    expect(score.recall, 'recall').to.be.at.least(0.98);
    expect(score.precision, 'precision').to.be.at.least(0.98);
    expect(score.hardNegativesMerged / score.hardNegatives, 'hard negatives merged').to.be.at.most(0.01);
  });
});
