import { expect } from 'chai';
import { serializeRequest, serializeRecord } from './serialize.ts';
import { validateAccessRequest, validateConsentRecord } from './validate.ts';
import { sampleRecord, sampleRequest, POD } from './fixtures.test-support.ts';

const STORED = `${POD}inbox/req-1`;
const P = `@prefix jm: <https://w3id.org/jobtech-mydata/vocab#>. @prefix dpv: <https://w3id.org/dpv#>. @prefix acl: <http://www.w3.org/ns/auth/acl#>.
@prefix xsd: <http://www.w3.org/2001/XMLSchema#>. @prefix schema: <http://schema.org/>. @prefix dct: <http://purl.org/dc/terms/>.\n`;

async function roundTripRequest(contentType: string) {
  const body = await serializeRequest({ ...sampleRequest(), id: '' }, contentType);
  const parsed = await validateAccessRequest(body, contentType, STORED);
  if (!parsed.ok) throw new Error(parsed.message);
  return { body, value: parsed.value };
}

describe('consent RDF: access requests', () => {
  for (const type of ['text/turtle', 'application/ld+json']) {
    it(`round-trips an access request through ${type}, taking the stored URL as its id`, async () => {
      const { value } = await roundTripRequest(type);
      expect(value).to.deep.equal(sampleRequest({ id: STORED }));
    });
  }

  for (const clientId of ['acme-app_Zx81kP0q', 'https://employer.example/app/client.jsonld']) {
    for (const type of ['text/turtle', 'application/ld+json']) {
      it(`keeps a client_id like ${clientId} through ${type}`, async () => {
        const body = await serializeRequest({ ...sampleRequest(), id: '', clientId }, type);
        const parsed = await validateAccessRequest(body, type, STORED);
        if (!parsed.ok) throw new Error(parsed.message);
        expect(parsed.value.clientId).to.equal(clientId);
      });
    }
  }

  it('writes the request as the document itself and uses DPV terms', async () => {
    const { body } = await roundTripRequest('text/turtle');
    expect(body).to.match(/^<> a jm:AccessRequest/m);
    for (const t of ['dpv:hasDataSubject', 'dpv:hasPurpose dpv:HumanResourceManagement', 'dpv:hasLegalBasis dpv:Consent', 'dpv:hasNotice', '"P90D"^^xsd:duration']) {
      expect(body).to.contain(t);
    }
  });

  it('reads plain JSON with the consent context by IRI', async () => {
    const { body } = await roundTripRequest('application/ld+json');
    const doc = JSON.parse(body);
    expect(doc['@context']).to.equal('https://w3id.org/jobtech-mydata/vocab/consent-context.jsonld');
    expect(doc.sections).to.deep.equal(['skills', 'experience']);
    expect(doc.notice.text).to.deep.equal({ sv: sampleRequest().notice.sv, en: sampleRequest().notice.en });
  });

  it('defaults modes to read when none are given', async () => {
    const { body } = await roundTripRequest('text/turtle');
    const noModes = body.replace(/\s*jm:accessMode <http:\/\/www\.w3\.org\/ns\/auth\/acl#Read>;/, '');
    expect(noModes).not.to.contain('accessMode');
    const parsed = await validateAccessRequest(noModes, 'text/turtle', STORED);
    expect(parsed.ok && parsed.value.modes).to.deep.equal(['read']);
  });

  it('lists every violation of a bad request, nested notice problems included, and returns nothing else', async () => {
    const bad = `${P}<> a jm:AccessRequest; jm:requester <https://e.example/#me>, <https://f.example/#me>; jm:requestsSection jm:section-salary;
      jm:accessMode acl:Control; dpv:hasPurpose <https://evil.example/purpose>; jm:requestedDuration "90 days";
      dpv:hasNotice [ jm:noticeText "hej"@sv, "hallo"@de; jm:sha256 "XYZ" ]; jm:surprise "x".`;
    const r = await validateAccessRequest(bad, 'text/turtle', STORED);
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    const summary = r.report.violations.map((v) => `${v.path} ${v.constraint}`);
    expect(summary).to.include.members([
      'dct:created sh:minCount', 'dpv:hasDataSubject sh:minCount', 'dpv:hasLegalBasis sh:minCount', 'dpv:hasPurpose sh:pattern',
      'jm:accessMode sh:in', 'jm:replyTo sh:minCount', 'jm:requestedDuration sh:pattern', 'jm:requester sh:maxCount',
      'jm:requestsSection sh:in', 'jm:retentionPeriod sh:minCount', 'jm:surprise sh:closed',
      'jm:noticeText sh:languageIn', 'jm:sha256 sh:pattern', 'schema:url sh:minCount',
    ]);
    expect(r.report.violations.find((v) => v.path === 'jm:sha256')!.focus).to.equal(`the dpv:hasNotice of <${STORED}>`);
    expect(r.message).to.match(/^Document does not conform \(\d+ violations\):\n- /);
    expect(r.message).to.contain('acl:Control is never granted');
    expect(r).not.to.have.property('value');
  });

  it('refuses statements outside the request, a second request, and a request naming another resource', async () => {
    const { body } = await roundTripRequest('text/turtle');
    const extra = await validateAccessRequest(`${body}\n<https://other.example/x> <https://other.example/p> "smuggled".`, 'text/turtle', STORED);
    expect(!extra.ok && extra.report.violations.map((v) => v.constraint)).to.deep.equal(['jm:NoExtraData']);
    const two = await validateAccessRequest(`${body}\n<#b> a <https://w3id.org/jobtech-mydata/vocab#AccessRequest>.`, 'text/turtle', STORED);
    expect(!two.ok && two.message).to.contain('exactly one access request');
    const elsewhere = await validateAccessRequest(body.replace(/^<> a/m, '<https://evil.example/req> a'), 'text/turtle', STORED);
    expect(!elsewhere.ok && elsewhere.report.violations.map((v) => v.constraint)).to.include('jm:DocumentSubject');
  });

  it('turns syntax errors, remote contexts and unsupported types into a one-line report', async () => {
    for (const [text, type, pattern] of [
      ['<> a <', 'text/turtle', /Invalid Turtle/],
      ['{"id": ', 'application/ld+json', /Malformed JSON/],
      ['{"@context": "https://evil.example/ctx", "id": ""}', 'application/ld+json', /not fetched/],
      ['<x/>', 'application/xml', /Unsupported content type/],
    ] as const) {
      const r = await validateAccessRequest(text, type, STORED);
      expect(r.ok).to.equal(false);
      if (!r.ok) { expect(r.report.violations).to.have.length(1); expect(r.message).to.match(pattern); }
    }
  });
});

describe('consent RDF: consent records', () => {
  for (const type of ['text/turtle', 'application/ld+json']) {
    it(`round-trips a record with its ordered status history through ${type}`, async () => {
      const rec = sampleRecord({
        statusHistory: [
          { status: 'given', at: '2025-03-01T10:00:00.000Z', actor: sampleRecord().dataSubject, method: 'consent-page' },
          { status: 'withdrawn', at: '2025-03-05T08:00:00.000Z', actor: sampleRecord().dataSubject, method: 'api' },
        ],
      });
      const text = await serializeRecord(rec, type);
      const parsed = await validateConsentRecord(text, type, rec.id);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(parsed.value).to.deep.equal(rec);
      if (type === 'text/turtle') expect(text).to.contain('dpv:hasConsentStatus dpv:ConsentWithdrawn');
    });
  }

  it('rejects a record with a broken status history', async () => {
    const text = (await serializeRecord(sampleRecord())).replace('jm:method "consent-page"', 'jm:how "consent-page"');
    const r = await validateConsentRecord(text, 'text/turtle', sampleRecord().id);
    expect(r.ok).to.equal(false);
    expect(!r.ok && r.report.violations.map((v) => `${v.path} ${v.constraint}`)).to.include.members(['jm:how sh:closed', 'jm:method sh:minCount']);
  });
});
