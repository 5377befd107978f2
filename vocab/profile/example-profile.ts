// A realistic, complete competence profile (real JobTech concept ids), used by tests and examples.
// Items are listed in the order the readers return them (by id; concept lists sorted).
import type { CompetenceProfile } from './types.ts';

export function exampleProfile(podRoot = 'https://pod.example/anna/'): Required<CompetenceProfile> {
  const person = `${podRoot}profile/card#me`;
  const licences = `${podRoot}competence/licences`;
  return {
    skills: {
      person,
      skills: [
        {
          id: '#skill-java', skill: 'jCsR_WQX_CKD', selfAssessment: { value: 4, worst: 1, best: 5 }, monthsOfExperience: 72, lastUsed: '2024-05',
          evidence: [
            { kind: 'credential', credential: `${licences}#oracle-java` },
            { kind: 'document', url: 'https://github.com/anna-example/ledger', name: 'Ledger service (open source)' },
            { kind: 'reference', name: 'Karin Lindqvist', email: 'karin@example.se', relationship: 'tidigare chef' },
          ],
          description: 'Backend-tjänster i Java 17 och Spring Boot.',
        },
        { id: '#skill-js', skill: 'DHhX_uVf_y6X', selfAssessment: { value: 3, worst: 1, best: 5 }, monthsOfExperience: 30, lastUsed: '2023' },
        { id: '#skill-python', skill: 'qfkh_ZRK_w4W', monthsOfExperience: 12, lastUsed: '2021-11-30' },
      ],
    },
    experience: {
      person,
      experiences: [
        {
          id: '#job-2016', occupation: 'fg7B_yov_smw', title: 'Systemutvecklare', employer: { name: 'Försäkringsbolaget Trygg AB', organisationNumber: '5560000001' },
          start: '2016-08', end: '2019-12', description: 'Integrationer och batchflöden.', location: 'PVZL_BQT_XtL',
        },
        {
          id: '#job-2020', occupation: '7wdX_4rv_33z', title: 'Backend-utvecklare', employer: { name: 'Nordlåda AB' },
          start: '2020-01', location: 'AvNB_uwa_6n6',
        },
      ],
    },
    education: {
      person,
      educations: [
        {
          id: '#edu-kth', institution: 'Kungliga Tekniska högskolan', programme: 'Datateknik', level: 'tfUs_Vx3_2hp', field: 'tCcZ_QA7_B8e',
          degree: 'Civilingenjörsexamen', start: '2011', end: '2016',
        },
      ],
    },
    languages: {
      person,
      languages: [
        { id: '#lang-ar', language: '3iEY_RGP_qXq', cefr: 'B1' },
        { id: '#lang-en', language: 'NVxJ_hLg_TYS', cefr: 'C1' },
        { id: '#lang-sv', language: 'zSLA_vw2_FXN', cefr: 'C2', native: true },
      ],
    },
    licences: {
      person,
      drivingLicences: [{ id: '#dl-b', category: 'VTK8_WRx_GcM', validFrom: '2010-06-01', expires: '2030-06-01' }],
      credentials: [
        {
          id: '#oracle-java', name: 'Oracle Certified Professional: Java SE 17 Developer', category: 'certificate', issuer: 'Oracle',
          validFrom: '2022-03', url: 'https://example.org/verify/ocp-123', skills: ['jCsR_WQX_CKD'],
        },
      ],
    },
    preferences: {
      person,
      occupations: ['7wdX_4rv_33z', 'DJh5_yyF_hEM'],
      locations: ['AvNB_uwa_6n6', 'CifL_Rzy_Mku', 'aYA7_PpG_BqP'],
      employmentTypes: ['PFZr_Syz_cUq'],
      worktimeExtents: ['6YE1_gAC_R2G'],
      remote: 'hybrid',
      earliestStart: '2025-09-01',
      salary: { min: 52000, max: 60000, currency: 'SEK', unit: 'MONTH' },
    },
    contact: {
      person,
      fullName: 'Anna Åström',
      givenName: 'Anna',
      familyName: 'Åström',
      emails: ['anna.astrom@example.se'],
      phones: ['+46701234567'],
      address: { street: 'Ringvägen 12', postalCode: '11726', locality: 'Stockholm', country: 'Sverige' },
      municipality: 'AvNB_uwa_6n6',
      homepage: 'https://anna.example.se/',
    },
  };
}
