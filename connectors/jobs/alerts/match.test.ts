import { expect } from 'chai';
import { getTaxonomy, type JobAd } from '../../../vocab/index.ts';
import { matchAd } from './match.ts';
import type { AlertProfile } from './subscriptions.ts';

// Concepts from the shipped taxonomy.
const MANUAL_WELDER = 'wf1E_nWA_EJp'; // Svetsare, manuell → group Svetsare och gasskärare
const GAS_WELDER = 'nh36_gBN_No9'; // Gassvetsare, same group
const WELDER_GROUP = 'wQ1E_Bzk_ZyA';
const ROBOT_WELDER = 'fcGC_Px4_Ygm'; // another group, same field
const MANUFACTURING_FIELD = 'wTEr_CBC_bqh';
const NURSE = 'bXNH_MNX_dUR';
const GOTHENBURG = 'PVZL_BQT_XtL';
const VASTRA_GOTALAND = 'zdoY_6u5_Krt';
const KIRUNA = 'biN6_UiL_Qob';
const FULL_TIME = '6YE1_gAC_R2G';
const PART_TIME = '947z_JGS_Uk2';
const PERMANENT = 'PFZr_Syz_cUq';
const SUMMER_JOB = 'Jh8f_q9J_pbJ';
const MIG = 'Q1D1_Pdc_rnT';
const JAVA = 'jCsR_WQX_CKD';

const ad = (over: Partial<JobAd> = {}): JobAd => ({
  id: 'a1', headline: 'Svetsare', occupation: { id: GAS_WELDER }, workplaceAddress: { municipalityConcept: GOTHENBURG }, ...over,
});
const profile = (over: Partial<AlertProfile> = {}): AlertProfile => ({ occupations: [], locations: [], employmentTypes: [], worktimeExtents: [], ...over });

describe('alerts: which ads match a citizen’s preferences', () => {
  const taxonomy = getTaxonomy();
  const table: Array<[string, JobAd, AlertProfile, boolean]> = [
    ['no preferences: every ad', ad(), profile(), true],
    ['the same occupation', ad(), profile({ occupations: [GAS_WELDER] }), true],
    ['an occupation of the group asked for', ad(), profile({ occupations: [WELDER_GROUP] }), true],
    ['an occupation of the field asked for', ad({ occupation: { id: ROBOT_WELDER } }), profile({ occupations: [MANUFACTURING_FIELD] }), true],
    ['a sibling occupation is not the one asked for', ad(), profile({ occupations: [MANUAL_WELDER] }), false],
    ['another group of the same field', ad({ occupation: { id: ROBOT_WELDER } }), profile({ occupations: [WELDER_GROUP] }), false],
    ['another field', ad(), profile({ occupations: [NURSE] }), false],
    ['an ad with no occupation, when occupations are asked for', ad({ occupation: undefined }), profile({ occupations: [GAS_WELDER] }), false],
    ['the municipality asked for', ad(), profile({ locations: [GOTHENBURG] }), true],
    ['a municipality in the region asked for', ad(), profile({ locations: [VASTRA_GOTALAND] }), true],
    ['the municipality by its code only', ad({ workplaceAddress: { municipalityCode: '1480' } }), profile({ locations: [VASTRA_GOTALAND] }), true],
    ['another municipality', ad(), profile({ locations: [KIRUNA] }), false],
    ['fully remote wanted: a remote ad anywhere', ad({ remote: true }), profile({ locations: [KIRUNA], remote: 'fully-remote' }), true],
    ['fully remote wanted: not an on-site ad', ad(), profile({ remote: 'fully-remote' }), false],
    ['hybrid wanted: place still counts', ad({ remote: true }), profile({ locations: [KIRUNA], remote: 'hybrid' }), false],
    ['full time asked, full time offered', ad({ worktimeExtent: { id: FULL_TIME } }), profile({ worktimeExtents: [FULL_TIME] }), true],
    ['full time asked, part time offered', ad({ worktimeExtent: { id: PART_TIME } }), profile({ worktimeExtents: [FULL_TIME] }), false],
    ['working time not stated', ad(), profile({ worktimeExtents: [FULL_TIME] }), true],
    ['permanent asked, summer job offered', ad({ employmentType: { id: SUMMER_JOB } }), profile({ employmentTypes: [PERMANENT] }), false],
    ['a shared skill', ad({ mustHave: { skills: [{ id: MIG }], languages: [], workExperiences: [] } }), profile({ skills: [MIG, JAVA] }), true],
    ['a shared skill found in the text', ad({ enrichedConcepts: [{ id: MIG, type: 'skill', label: 'MIG-svetsning', term: 'MIG', confidence: 0.9 }] }), profile({ skills: [MIG] }), true],
    ['no shared skill', ad({ mustHave: { skills: [{ id: JAVA }], languages: [], workExperiences: [] } }), profile({ skills: [MIG] }), false],
    ['an ad that lists no skills', ad(), profile({ skills: [MIG] }), true],
    ['a removed ad', ad({ removed: true }), profile(), false],
  ];
  for (const [name, a, p, expected] of table) {
    it(name, () => expect(matchAd(a, p, taxonomy).match).to.equal(expected));
  }

  it('scores ads by shared skills', () => {
    const both = ad({ mustHave: { skills: [{ id: MIG }, { id: JAVA }], languages: [], workExperiences: [] } });
    expect(matchAd(both, profile({ skills: [MIG, JAVA] }), taxonomy).score).to.equal(2);
  });
});
