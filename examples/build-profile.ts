// Builds a full competence profile with the TypeScript API, validates it and prints it as Turtle.
// Run: npx tsx examples/build-profile.ts
import {
  formatReport, getTaxonomy, saveSection, sectionDocumentIri, SECTION_NAMES, validateProfile, type CompetenceProfile,
} from '../vocab/index.ts';

const pod = 'https://pod.example/lina/';
const person = `${pod}profile/card#me`;
const taxonomy = getTaxonomy();

// Concept ids come from the taxonomy: look them up the way an app's autocomplete would.
const pick = (label: string, type: string): string => {
  const hit = taxonomy.search(label, { type, limit: 1 })[0];
  if (!hit) throw new Error(`no ${type} concept for "${label}"`);
  return hit.concept.id;
};

const profile: CompetenceProfile = {
  skills: {
    person,
    skills: [
      { id: '#svets', skill: pick('MAG-svetsning', 'skill'), selfAssessment: { value: 5, worst: 1, best: 5 }, monthsOfExperience: 96, lastUsed: '2025-02' },
      { id: '#truck', skill: pick('Truckvana', 'skill'), lastUsed: '2024', evidence: [{ kind: 'credential', credential: `${sectionDocumentIri(pod, 'licences')}#truckkort` }] },
    ],
  },
  experience: {
    person,
    experiences: [{
      id: '#verkstad', occupation: pick('Svetsare, manuell', 'occupation-name'), title: 'Svetsare', employer: { name: 'Luleå Mekaniska AB' },
      start: '2017-03', description: 'MIG/MAG-svetsning av stålkonstruktioner.', location: pick('Luleå', 'municipality'),
    }],
  },
  education: {
    person,
    educations: [{
      id: '#gymnasiet', institution: 'Luleå gymnasieskola', programme: 'Industritekniska programmet',
      level: pick('Gymnasial utbildning', 'sun-education-level-1'), start: '2013', end: '2016',
    }],
  },
  languages: {
    person,
    languages: [
      { id: '#en', language: pick('Engelska', 'language'), cefr: 'B2' },
      { id: '#sv', language: pick('Svenska', 'language'), cefr: 'C2', native: true },
    ],
  },
  licences: {
    person,
    drivingLicences: [{ id: '#b', category: pick('B', 'driving-license'), validFrom: '2015-05-04' }],
    credentials: [{ id: '#truckkort', name: 'Truckkort A+B', category: 'certificate', issuer: 'TYA', validFrom: '2018-09' }],
  },
  preferences: {
    person,
    occupations: [pick('Svetsare, manuell', 'occupation-name')],
    locations: [pick('Norrbottens län', 'region')],
    employmentTypes: [pick('Vanlig anställning', 'employment-type')],
    worktimeExtents: [pick('Heltid', 'worktime-extent')],
    remote: 'on-site',
    earliestStart: '2025-08-01',
    salary: { min: 33000, currency: 'SEK', unit: 'MONTH' },
  },
  contact: {
    person, fullName: 'Lina Öberg', emails: ['lina.oberg@example.se'], phones: ['+46705550123'], municipality: pick('Luleå', 'municipality'),
  },
};

const report = await validateProfile(pod, profile);
console.log(`# validation: ${report.conforms ? 'conforms' : 'FAILS'}`);
if (!report.conforms) {
  console.log(formatReport(report));
  process.exitCode = 1;
}
for (const name of SECTION_NAMES) {
  const doc = sectionDocumentIri(pod, name);
  console.log(`\n# ---- ${doc}`);
  console.log(await saveSection(name, doc, profile[name] as never));
}
