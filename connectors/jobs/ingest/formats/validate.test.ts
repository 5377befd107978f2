import { expect } from 'chai';
import { getTaxonomy, type JobAd } from '../../../../vocab/index.ts';
import { validateAd } from './validate.ts';

const taxonomy = getTaxonomy();
const BASE: JobAd = { id: '1', headline: 'Robotsvetsare', description: { text: 'Svetsning i Luleå.' }, employer: { name: 'Verkstad AB' } };
const SKILL = 'Q1D1_Pdc_rnT'; // MIG-svetsning
const OCCUPATION = 'fcGC_Px4_Ygm'; // Robotsvetsare

describe('validateAd', () => {
  it('accepts a minimal ad with a headline, some text and an employer', () => expect(validateAd(BASE, taxonomy)).to.deep.equal([]));

  const table: Array<[string, Partial<JobAd>, string[]]> = [
    ['no headline', { headline: '  ' }, ['headline is missing']],
    ['no text', { description: { text: '' } }, ['description.text is missing (an ad needs some text)']],
    ['no employer', { employer: { url: 'https://x.example' } }, ['employer.name is missing']],
    ['an unknown occupation', { occupation: { id: 'xyz' } }, ['occupation.concept_id "xyz" is not a concept in the taxonomy']],
    ['a skill given as occupation', { occupation: { id: SKILL } }, [`occupation.concept_id "${SKILL}" is a skill concept, expected occupation-name`]],
    ['an occupation given as a skill', { mustHave: { skills: [{ id: OCCUPATION }], languages: [], workExperiences: [] } },
      [`must_have.skills[0].concept_id "${OCCUPATION}" is a occupation-name concept, expected skill`]],
    ['a region as municipality', { workplaceAddress: { municipalityConcept: '9hXe_F4g_eTG' } },
      ['workplace_address.municipality_concept_id "9hXe_F4g_eTG" is a region concept, expected municipality']],
    ['an unknown driving licence', { drivingLicences: [{ id: 'nope' }] }, ['driving_license[0].concept_id "nope" is not a concept in the taxonomy']],
    ['an unknown employment type', { employmentType: { id: 'nope' } }, ['employment_type.concept_id "nope" is not a concept in the taxonomy']],
    ['a wrongly typed enriched concept', { enrichedConcepts: [{ id: SKILL, type: 'occupation-name', label: 'x', term: 'x', confidence: 0.5 }] },
      [`enriched_concepts[0].concept_id "${SKILL}" is a skill concept, expected occupation-name`]],
    ['a date that is none', { applicationDeadline: '31/12/2024' }, ['application_deadline "31/12/2024" is not a date and time (e.g. 2024-03-01T00:00:00)']],
    ['an impossible date', { publicationDate: '2024-02-31T00:00:00' }, ['publication_date "2024-02-31T00:00:00" is not a date and time (e.g. 2024-03-01T00:00:00)']],
    ['negative vacancies', { numberOfVacancies: -1 }, ['number_of_vacancies -1 is out of range: expected a whole number from 0 to 10000']],
    ['a scope above 100', { scopeOfWork: { min: 50, max: 150 } }, ['scope_of_work.max 150 is out of range: expected from 0 to 100']],
    ['scope min above max', { scopeOfWork: { min: 80, max: 50 } }, ['scope_of_work.min 80 is above scope_of_work.max 50']],
    ['a latitude off the globe', { workplaceAddress: { coordinates: { latitude: 95, longitude: 20 } } },
      ['workplace_address.coordinates[1] (latitude) 95 is out of range: expected from -90 to 90']],
    ['a confidence above 1', { enrichedConcepts: [{ id: SKILL, type: 'skill', label: 'x', term: 'x', confidence: 2 }] },
      ['enriched_concepts[0].confidence 2 is out of range: expected from 0 to 1']],
    ['a javascript: source link', { sourceLinks: [{ url: 'javascript:alert(1)' }] }, ['source_links[0].url "javascript:alert(1)" is not an http(s) URL']],
    ['a long headline', { headline: 'x'.repeat(501) }, ['headline has 501 characters; at most 500 are allowed']],
    ['a long text', { description: { text: 'x'.repeat(50_001) } }, ['description.text has 50001 characters; at most 50000 are allowed']],
    ['a long employer name', { employer: { name: 'x'.repeat(3000) } }, ['employer.name has 3000 characters; at most 2048 are allowed']],
    ['too many skills', { mustHave: { skills: Array.from({ length: 201 }, () => ({ id: SKILL })), languages: [], workExperiences: [] } },
      ['must_have.skills has 201 entries; at most 200 are allowed']],
  ];
  for (const [name, change, reasons] of table) {
    it(`refuses ${name}`, () => expect(validateAd({ ...BASE, ...change }, taxonomy)).to.deep.equal(reasons));
  }

  it('accepts long texts up to the cap and known concepts of the right type', () => {
    const ad: JobAd = {
      ...BASE, description: { text: 'x'.repeat(50_000) }, occupation: { id: OCCUPATION }, drivingLicences: [{ id: 'VTK8_WRx_GcM' }],
      mustHave: { skills: [{ id: SKILL, weight: 10 }], languages: [{ id: 'zSLA_vw2_FXN' }], workExperiences: [{ id: OCCUPATION }] },
      workplaceAddress: { municipalityConcept: 'CXbY_gui_14v', regionConcept: '9hXe_F4g_eTG', countryConcept: 'i46j_HmG_v64' },
      sourceLinks: [{ label: 'Verkstad', url: 'https://verkstad.example/jobb/17' }],
    };
    expect(validateAd(ad, taxonomy)).to.deep.equal([]);
  });

  it('accepts a link with a non-ASCII host every time, also once the check runs hot', () => {
    const ad: JobAd = { ...BASE, employer: { name: 'Hittepå AB', url: 'http://www.hittepå.se' } };
    const refused = Array.from({ length: 5000 }, () => validateAd(ad, taxonomy)).filter((r) => r.length).length;
    expect(refused).to.equal(0);
  });
});
