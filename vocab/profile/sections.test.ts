import { expect } from 'chai';
import {
  exampleProfile, loadSection, parseDocument, readProfile, readSection, saveSection, sectionDocumentIri, SECTION_NAMES,
  validateProfile, writeProfile, writeSection, JSON_LD, TURTLE, type SectionName,
} from '../index.ts';

const POD = 'https://pod.example/anna/';
const profile = exampleProfile(POD);

describe('profile sections', () => {
  for (const name of SECTION_NAMES) {
    describe(name, () => {
      const doc = sectionDocumentIri(POD, name);
      for (const contentType of [TURTLE, JSON_LD]) {
        it(`round-trips through ${contentType}`, async () => {
          const text = await saveSection(name, doc, profile[name] as never, contentType);
          const back = await loadSection(name as SectionName, text, { contentType, baseIri: doc });
          expect(back).to.deep.equal(profile[name]);
        });
      }

      it('is typed with its section class and DPV personal-data category', async () => {
        const ttl = await saveSection(name, doc, profile[name] as never);
        expect(ttl).to.match(/^<> a jm:\w+Section;/m);
        expect(ttl).to.include('dpv:hasPersonalData pd:');
      });
    });
  }

  it('keeps item ids document-relative and reads absolute ones back as they were', () => {
    const doc = sectionDocumentIri(POD, 'languages');
    const value = { person: `${POD}profile/card#me`, languages: [{ id: 'https://elsewhere.example/x#fi', language: 'NVxJ_hLg_TYS' }] };
    const g = writeSection('languages', doc, value);
    expect(readSection('languages', g, doc)).to.deep.equal(value);
  });

  it('writes and reads a whole profile in one graph, and the whole profile conforms', async () => {
    const g = writeProfile(POD, profile);
    expect(readProfile(POD, g)).to.deep.equal(profile);
    const report = await validateProfile(POD, profile);
    expect(report.violations).to.deep.equal([]);
    expect(report.conforms).to.equal(true);
  });

  it('reads a section written as plain JSON with the published context', async () => {
    const doc = sectionDocumentIri(POD, 'skills');
    const json = JSON.stringify({
      '@context': 'https://w3id.org/jobtech-mydata/vocab/context.jsonld',
      id: '', type: 'SkillsSection', person: `${POD}profile/card#me`,
      skillClaims: [{
        id: '#java', type: 'SkillClaim', skill: 'jCsR_WQX_CKD', monthsOfExperience: 48, lastUsed: '2024-05',
        selfAssessment: { type: 'Rating', ratingValue: 4, worstRating: 1, bestRating: 5 },
      }],
    });
    const skills = await loadSection('skills', json, { contentType: JSON_LD, baseIri: doc });
    expect(skills).to.deep.equal({
      person: `${POD}profile/card#me`,
      skills: [{ id: '#java', skill: 'jCsR_WQX_CKD', monthsOfExperience: 48, lastUsed: '2024-05', selfAssessment: { value: 4, worst: 1, best: 5 } }],
    });
  });

  it('maps CEFR levels and remote-work options from plain JSON words', async () => {
    const doc = sectionDocumentIri(POD, 'preferences');
    const g = await parseDocument(JSON.stringify({
      '@context': 'https://w3id.org/jobtech-mydata/vocab/context.jsonld',
      id: '', type: 'PreferencesSection', person: `${POD}profile/card#me`, remoteWork: 'fully-remote', desiredOccupations: ['7wdX_4rv_33z'],
    }), { contentType: JSON_LD, baseIri: doc });
    expect(readSection('preferences', g, doc)).to.deep.include({ remote: 'fully-remote', occupations: ['7wdX_4rv_33z'] });
  });
});
