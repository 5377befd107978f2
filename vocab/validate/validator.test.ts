import { expect } from 'chai';
import {
  exampleProfile, formatReport, JsonLdError, JSON_LD, loadSection, parseDocument, parseJsonLd, RdfSyntaxError, sectionDocumentIri,
  TURTLE, validateGraph, validateProfile, ValidationError,
} from '../index.ts';

const POD = 'https://pod.example/anna/';
const PREFIXES = `@prefix jm: <https://w3id.org/jobtech-mydata/vocab#> . @prefix schema: <http://schema.org/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix jt: <http://data.jobtechdev.se/taxonomy/concept/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n`;

describe('validation', () => {
  const doc = sectionDocumentIri(POD, 'skills');

  it('lists every violation of a skills document, with focus node, path, value and expectation', async () => {
    const g = await parseDocument(`${PREFIXES}
<> a jm:SkillsSection ; jm:hasSkillClaim <#a>, <#b>, <#c> .
<#a> a jm:SkillClaim ; jm:skill jt:jCsR_WQX_CKD ; jm:lastUsed "last summer" ;
  jm:selfAssessment [ a schema:Rating ; schema:ratingValue 7 ; schema:worstRating 1 ; schema:bestRating 5 ] .
<#b> a jm:SkillClaim ; schema:monthsOfExperience -3 .
<#c> a jm:SkillClaim ; jm:skill jt:7wdX_4rv_33z .`, { contentType: TURTLE, baseIri: doc });
    const report = await validateGraph(g);
    expect(report.conforms).to.equal(false);
    const summary = report.violations.map((v) => [v.focus, v.path, v.constraint]);
    expect(summary).to.deep.equal([
      ['<https://pod.example/anna/competence/skills#a>', 'jm:lastUsed', 'sh:node'],
      ['<https://pod.example/anna/competence/skills#b>', 'jm:skill', 'sh:minCount'],
      ['<https://pod.example/anna/competence/skills#b>', 'schema:monthsOfExperience', 'sh:minInclusive'],
      ['<https://pod.example/anna/competence/skills#c>', 'jm:skill', 'sh:node'],
      ['<https://pod.example/anna/competence/skills>', 'foaf:primaryTopic', 'sh:minCount'],
      ['the jm:selfAssessment of <https://pod.example/anna/competence/skills#a>', 'schema:ratingValue', 'sh:lessThanOrEquals'],
    ]);
    const wrongType = report.violations.find((v) => v.focus.endsWith('#c>'))!;
    expect(wrongType.value).to.equal('jt:7wdX_4rv_33z');
    expect(wrongType.message).to.equal('expected a JobTech skill concept');
    expect(report.violations.find((v) => v.path === 'jm:lastUsed')!.message).to.match(/YYYY-MM/);
    expect(formatReport(report).split('\n')).to.have.length(6);
  });

  it('reports unknown concept ids as such, each one, instead of dropping them', async () => {
    const g = await parseDocument(`${PREFIXES}
<> a jm:LanguagesSection ; foaf:primaryTopic <${POD}profile/card#me> ; jm:hasLanguageSkill <#x>, <#y> .
<#x> a jm:LanguageSkill ; jm:language jt:NoSuch_Lang_001 .
<#y> a jm:LanguageSkill ; jm:language jt:zSLA_vw2_FXN .`, { contentType: TURTLE, baseIri: sectionDocumentIri(POD, 'languages') });
    const report = await validateGraph(g);
    expect(report.violations).to.have.length(1);
    expect(report.violations[0]).to.deep.include({
      path: 'jm:language', value: 'jt:NoSuch_Lang_001', constraint: 'jm:KnownConcept', message: 'Unknown JobTech Taxonomy concept id "NoSuch_Lang_001"',
    });
  });

  it('rejects a whole document on load and carries the full report; nothing is half-read', async () => {
    const text = `${PREFIXES}<> a jm:SkillsSection ; foaf:primaryTopic <${POD}profile/card#me> ; jm:hasSkillClaim <#ok>, <#bad1>, <#bad2> .
<#ok> a jm:SkillClaim ; jm:skill jt:jCsR_WQX_CKD .
<#bad1> a jm:SkillClaim ; jm:skill jt:Unknown_Skill_1 .
<#bad2> a jm:SkillClaim ; jm:skill jt:jCsR_WQX_CKD, jt:DHhX_uVf_y6X .`;
    const err = await loadSection('skills', text, { contentType: TURTLE, baseIri: doc }).then(() => undefined, (e: unknown) => e);
    expect(err).to.be.instanceOf(ValidationError);
    const report = (err as ValidationError).report;
    expect(report.violations.map((v) => `${v.focus} ${v.constraint}`)).to.deep.equal([
      '<https://pod.example/anna/competence/skills#bad1> jm:KnownConcept',
      '<https://pod.example/anna/competence/skills#bad2> sh:maxCount',
    ]);
    expect((err as Error).message).to.include('Unknown JobTech Taxonomy concept id "Unknown_Skill_1"');
  });

  it('validates a whole profile and reports violations from every section together', async () => {
    const p = exampleProfile(POD);
    p.contact.emails = ['not-an-email'];
    p.languages.languages[0].language = 'Made_Up_Id_9';
    p.preferences.salary = { min: 70000, max: 50000, currency: 'kr', unit: 'MONTH' };
    p.experience.experiences[0].start = 'autumn 2016';
    const report = await validateProfile(POD, p);
    expect(report.conforms).to.equal(false);
    expect(report.violations.map((v) => v.path).sort()).to.deep.equal([
      'jm:language', 'schema:currency', 'schema:minValue', 'schema:startDate', 'vcard:hasEmail',
    ]);
  });

  describe('bad input', () => {
    it('turns malformed JSON into a clear JsonLdError', async () => {
      const err = await parseJsonLd('{"@context": ', doc).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(JsonLdError);
      expect((err as Error).message).to.match(/^Malformed JSON/);
    });

    it('turns an invalid JSON-LD context into a clear JsonLdError', async () => {
      const err = await parseJsonLd('{"@context": {"skill": 5}, "skill": "x"}', doc).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(JsonLdError);
      expect((err as Error).message).to.match(/Invalid JSON-LD/);
    });

    it('refuses keys that would silently be dropped', async () => {
      const err = await parseJsonLd(JSON.stringify({
        '@context': 'https://w3id.org/jobtech-mydata/vocab/context.jsonld', id: '', type: 'SkillsSection', skilClaims: [],
      }), doc).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(JsonLdError);
      expect((err as Error).message).to.match(/skilClaims|dropp/i);
    });

    it('never fetches remote contexts', async () => {
      const err = await parseJsonLd('{"@context": "https://evil.example/ctx.jsonld", "@id": "x"}', doc).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(JsonLdError);
      expect((err as Error).message).to.include('is not fetched');
    });

    it('reports malformed Turtle with the parser message', async () => {
      const err = await parseDocument('<> a jm:SkillsSection', { contentType: TURTLE, baseIri: doc }).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(RdfSyntaxError);
      expect((err as Error).message).to.match(/Invalid Turtle: .*jm/);
    });

    it('refuses unsupported content types', async () => {
      const err = await parseDocument('x', { contentType: 'text/csv', baseIri: doc }).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(RdfSyntaxError);
    });

    it('rejects a plain-JSON section whose skill is a concept of the wrong type', async () => {
      const text = JSON.stringify({
        '@context': 'https://w3id.org/jobtech-mydata/vocab/context.jsonld', id: '', type: 'SkillsSection', person: `${POD}profile/card#me`,
        skillClaims: [{ id: '#x', type: 'SkillClaim', skill: 'zSLA_vw2_FXN' }],
      });
      const err = await loadSection('skills', text, { contentType: JSON_LD, baseIri: doc }).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(ValidationError);
      expect((err as ValidationError).report.violations[0]).to.deep.include({ value: 'jt:zSLA_vw2_FXN', message: 'expected a JobTech skill concept' });
    });
  });
});
