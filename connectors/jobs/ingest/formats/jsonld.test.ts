import { expect } from 'chai';
import { getTaxonomy } from '../../../../vocab/index.ts';
import { JOB_POSTING } from './fixtures/jobposting.ts';
import { parseBatch } from './index.ts';

const taxonomy = getTaxonomy();
const one = (body: unknown) => parseBatch(body, 'jsonld', taxonomy)[0];

describe('schema.org JobPosting (JSON-LD)', () => {
  it('maps a career-page JobPosting onto the job ad', () => {
    const p = one(JOB_POSTING);
    expect(p.reasons).to.deep.equal([]);
    expect(p.sourceId).to.equal('VA-2024-17');
    const ad = p.ad!;
    expect(ad).to.deep.include({
      id: 'VA-2024-17', headline: 'Svetsare till verkstad i Luleå', publicationDate: '2024-03-01T00:00:00',
      applicationDeadline: '2024-04-01T23:59:00+01:00', numberOfVacancies: 2, webpageUrl: 'https://verkstad.example/jobb/17',
      salaryDescription: '30\u00a0000–35\u00a0000 SEK per månad',
    });
    expect(ad.description!.text).to.equal('Vi söker en svetsare & plåtslagare.\n• MIG/MAG\n• TIG');
    expect(ad.employer).to.deep.equal({ name: 'Verkstad AB', url: 'https://verkstad.example', logoUrl: 'https://verkstad.example/logo.png' });
    expect(ad.workplaceAddress).to.deep.equal({
      streetAddress: 'Storgatan 1', postcode: '97231', city: 'luleå', municipality: 'Luleå', municipalityConcept: 'CXbY_gui_14v', municipalityCode: '2580',
      region: 'Norrbottens län', regionConcept: '9hXe_F4g_eTG', regionCode: '25', country: 'SE', countryConcept: 'i46j_HmG_v64', countryCode: '199',
      coordinates: { latitude: 65.584, longitude: 22.154 },
    });
    expect(ad.worktimeExtent).to.deep.equal({ id: '6YE1_gAC_R2G' });
    expect(ad.occupation).to.deep.include({ id: 'fcGC_Px4_Ygm', label: 'Robotsvetsare' });
    expect(ad.occupationGroup?.id).to.equal('vaEp_iBS_c5h');
    expect(ad.occupationField?.id).to.be.a('string');
    expect(ad.mustHave!.skills.map((s) => s.id).sort()).to.deep.equal(['6a3Q_g19_3aE', 'Q1D1_Pdc_rnT']);
    expect(ad.keywords).to.deep.equal({ extracted: { skill: ['Lödning i rymden'] } });
    expect(ad.sourceLinks).to.deep.equal([{ url: 'https://verkstad.example/jobb/17' }]);
  });

  it('maps the employment types where the taxonomy is clear', () => {
    const table: Array<[string[], Record<string, unknown>]> = [
      [['FULL_TIME'], { worktimeExtent: { id: '6YE1_gAC_R2G' } }],
      [['PART_TIME'], { worktimeExtent: { id: '947z_JGS_Uk2' } }],
      [['FULL_TIME', 'PART_TIME'], { worktimeExtent: { id: 'hGCt_6Ni_XPz' } }],
      [['PER_DIEM'], { employmentType: { id: '1paU_aCR_nGn' } }],
      [['CONTRACTOR', 'INTERN'], {}],
    ];
    for (const [types, expected] of table) {
      const ad = one({ ...JOB_POSTING, employmentType: types }).ad!;
      expect({ worktimeExtent: ad.worktimeExtent, employmentType: ad.employmentType }, types.join()).to.deep.equal({ worktimeExtent: undefined, employmentType: undefined, ...expected });
    }
  });

  it('follows references inside a @graph, and reads prefixed terms and remote work', () => {
    const p = one({
      '@context': { schema: 'http://schema.org/' },
      '@graph': [
        { '@id': '#org', '@type': 'schema:Organization', 'schema:name': 'Graf AB' },
        { '@id': '#job', '@type': ['schema:JobPosting'], 'schema:title': { '@value': 'Lärare' }, 'schema:description': 'Undervisning.',
          'schema:hiringOrganization': { '@id': '#org' }, jobLocationType: 'TELECOMMUTE', identifier: 12 },
      ],
    });
    expect(p.reasons).to.deep.equal([]);
    expect(p.ad).to.deep.include({ id: '12', headline: 'Lärare', remote: true });
    expect(p.ad!.employer).to.deep.equal({ name: 'Graf AB' });
  });

  it('gives reasons for what is not a JobPosting value', () => {
    const p = one({ ...JOB_POSTING, title: { nested: true }, totalJobOpenings: 'many', datePosted: 'soon' });
    expect(p.reasons).to.deep.equal(['title must be text, got object', 'datePosted "soon" is not a date', 'totalJobOpenings must be a number, got string']);
  });

  it('finds an occupation group by its SSYK code and keeps an unknown category as a label', () => {
    expect(one({ ...JOB_POSTING, occupationalCategory: { '@type': 'CategoryCode', codeValue: '7212' } }).ad!.occupationGroup?.legacyId).to.equal('7212');
    const ad = one({ ...JOB_POSTING, occupationalCategory: 'Drakfångare' }).ad!;
    expect(ad.occupation).to.deep.equal({ label: 'Drakfångare' });
  });
});
