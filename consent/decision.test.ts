import { expect } from 'chai';
import { decideGrant, explainDecision, grantFromRecord, normalizeUrl, type Agent, type Grant, type Target } from './decision.ts';
import { sampleRecord, EMPLOYER, EMPLOYER_APP, OTHER, POD } from './fixtures.test-support.ts';
import type { AccessMode } from './model.ts';

const SKILLS = `${POD}competence/skills`;
const NOW = new Date('2025-03-10T12:00:00Z');
const grant = (over: Partial<Grant> = {}): Grant => ({
  id: `${POD}consent/rec-1`, grantee: EMPLOYER, clientId: EMPLOYER_APP, resources: [SKILLS, `${POD}competence/experience`],
  modes: ['read'], validFrom: '2025-03-01T00:00:00Z', validUntil: '2025-04-01T00:00:00Z', status: 'given', ...over,
});
const employer: Agent = { webId: EMPLOYER, clientId: EMPLOYER_APP };
const read = (url: string, mode: AccessMode = 'read'): Target => ({ url, mode });

describe('decideGrant', () => {
  const denies: Array<[string, Agent, Target, Grant[], string, Date?]> = [
    ['anonymous agent', {}, read(SKILLS), [grant()], 'anonymous'],
    ['anonymous agent with only a client id', { clientId: EMPLOYER_APP }, read(SKILLS), [grant()], 'anonymous'],
    ['no grants at all', employer, read(SKILLS), [], 'no-grant'],
    ['another WebID (grant details not revealed)', { webId: OTHER, clientId: EMPLOYER_APP }, read(SKILLS), [grant()], 'no-grant'],
    ['grantee WebID differing only by fragment', { webId: `${EMPLOYER}x`, clientId: EMPLOYER_APP }, read(SKILLS), [grant()], 'no-grant'],
    ['the right WebID through another client', { webId: EMPLOYER, clientId: 'https://other-app.example/id' }, read(SKILLS), [grant()], 'other-client'],
    ['the right WebID with no client id when the grant is bound', { webId: EMPLOYER }, read(SKILLS), [grant()], 'other-client'],
    ['a section not granted', employer, read(`${POD}competence/contact`), [grant()], 'resource-outside-grant'],
    ['a sibling sharing the prefix (skills-secret)', employer, read(`${SKILLS}-secret`), [grant()], 'resource-outside-grant'],
    ['a sibling sharing the prefix (skillsX)', employer, read(`${SKILLS}X`), [grant()], 'resource-outside-grant'],
    ['a child of a document grant', employer, read(`${SKILLS}/x`), [grant()], 'resource-outside-grant'],
    ['the container form of a document grant', employer, read(`${SKILLS}/`), [grant()], 'resource-outside-grant'],
    ['dot segments climbing out', employer, read(`${SKILLS}/../contact`), [grant({ resources: [`${SKILLS}/`] })], 'resource-outside-grant'],
    ['an encoded slash', employer, read(`${POD}competence/skills%2F..%2Fcontact`), [grant()], 'invalid-target'],
    ['an encoded dot segment (resolved like a plain one)', employer, read(`${POD}competence/skills/%2e%2e/contact`), [grant({ resources: [`${SKILLS}/`] })], 'resource-outside-grant'],
    ['another pod with the same path', employer, read('https://pod.example/bob/competence/skills'), [grant()], 'resource-outside-grant'],
    ['another host', employer, read('https://evil.example/anna/competence/skills'), [grant()], 'resource-outside-grant'],
    ['the consent folder', employer, read(`${POD}consent/rec-1`), [grant()], 'resource-outside-grant'],
    ['write under a read grant', employer, read(SKILLS, 'write'), [grant()], 'mode-not-granted'],
    ['append under a read grant', employer, read(SKILLS, 'append'), [grant()], 'mode-not-granted'],
    ['read under a write grant', employer, read(SKILLS), [grant({ modes: ['write'] })], 'mode-not-granted'],
    ['control, even under a write grant', employer, read(SKILLS, 'control'), [grant({ modes: ['read', 'append', 'write'] })], 'control-never-granted'],
    ['before validFrom', employer, read(SKILLS), [grant()], 'not-yet-valid', new Date('2025-02-28T23:59:59.999Z')],
    ['exactly at validUntil (the end is exclusive)', employer, read(SKILLS), [grant()], 'expired', new Date('2025-04-01T00:00:00Z')],
    ['after validUntil', employer, read(SKILLS), [grant()], 'expired', new Date('2025-05-01T00:00:00Z')],
    ['a record marked expired', employer, read(SKILLS), [grant({ status: 'expired' })], 'expired'],
    ['withdrawn', employer, read(SKILLS), [grant({ status: 'withdrawn' })], 'withdrawn'],
    ['refused', employer, read(SKILLS), [grant({ status: 'refused' })], 'refused'],
    ['an unparseable validUntil', employer, read(SKILLS), [grant({ validUntil: 'soon' })], 'expired'],
    ['a malformed target URL', employer, read('not a url'), [grant()], 'invalid-target'],
  ];
  for (const [name, agent, target, grants, reason, now] of denies) {
    it(`denies: ${name} -> ${reason}`, () => {
      const d = decideGrant(agent, target, grants, now ?? NOW);
      expect(d.allow).to.equal(false);
      expect(d.reason).to.equal(reason);
      expect(explainDecision(d)).to.be.a('string').and.not.empty;
    });
  }

  const allows: Array<[string, Agent, Target, Grant[], Date?]> = [
    ['a granted section with the bound client', employer, read(SKILLS), [grant()]],
    ['the other granted section', employer, read(`${POD}competence/experience`), [grant()]],
    ['exactly at validFrom', employer, read(SKILLS), [grant()], new Date('2025-03-01T00:00:00Z')],
    ['one millisecond before validUntil', employer, read(SKILLS), [grant()], new Date('2025-03-31T23:59:59.999Z')],
    ['a grant not bound to a client, any client', { webId: EMPLOYER, clientId: 'https://x.example/app' }, read(SKILLS), [grant({ clientId: undefined })]],
    ['a grant not bound to a client, no client', { webId: EMPLOYER }, read(SKILLS), [grant({ clientId: undefined })]],
    ['a query string on the target', employer, read(`${SKILLS}?x=1`), [grant()]],
    ['percent-encoded unreserved letters', employer, read(`${POD}competence/%73kills`), [grant()]],
    ['upper-case host', employer, read('https://POD.example/anna/competence/skills'), [grant()]],
    ['inside a container grant', employer, read(`${SKILLS}/2024/a`), [grant({ resources: [`${SKILLS}/`] })]],
    ['append under a write grant (write implies append)', employer, read(SKILLS, 'append'), [grant({ modes: ['write'] })]],
    ['one valid grant among withdrawn and foreign ones', employer, read(SKILLS), [
      grant({ id: 'w', status: 'withdrawn' }), grant({ id: 'o', grantee: OTHER }), grant({ id: 'ok' }),
    ]],
  ];
  for (const [name, agent, target, grants, now] of allows) {
    it(`allows: ${name}`, () => {
      const d = decideGrant(agent, target, grants, now ?? NOW);
      expect(d).to.include({ allow: true, reason: 'granted' });
      expect(d.grantId).to.equal(grants.find((g) => g.status === 'given' && g.grantee === EMPLOYER)!.id);
    });
  }

  it('reports the reason of the closest grant (own expired grant beats a foreign grant)', () => {
    const d = decideGrant(employer, read(SKILLS), [grant({ id: 'foreign', grantee: OTHER }), grant({ id: 'mine', status: 'withdrawn' })], NOW);
    expect(d).to.deep.equal({ allow: false, reason: 'withdrawn', grantId: 'mine' });
  });
});

describe('grantFromRecord and normalizeUrl', () => {
  it('takes the enforcement view of a record, current status last in the history', () => {
    const rec = sampleRecord({ statusHistory: [...sampleRecord().statusHistory, { status: 'withdrawn', at: '2025-03-05T00:00:00Z', actor: sampleRecord().dataSubject, method: 'api' }] });
    expect(grantFromRecord(rec)).to.deep.equal({
      id: rec.id, grantee: EMPLOYER, clientId: EMPLOYER_APP, resources: rec.resources, modes: ['read'],
      validFrom: rec.validFrom, validUntil: rec.validUntil, status: 'withdrawn',
    });
    expect(grantFromRecord({ ...sampleRecord(), clientId: undefined })).not.to.have.property('clientId');
  });

  it('a withdrawn record denies the very next decision', () => {
    const rec = sampleRecord();
    expect(decideGrant(employer, read(SKILLS), [grantFromRecord(rec)], new Date('2025-03-02T00:00:00Z')).allow).to.equal(true);
    rec.statusHistory.push({ status: 'withdrawn', at: '2025-03-02T00:00:00Z', actor: rec.dataSubject, method: 'api' });
    expect(decideGrant(employer, read(SKILLS), [grantFromRecord(rec)], new Date('2025-03-02T00:00:00Z')).reason).to.equal('withdrawn');
  });

  it('normalises URLs without conflating distinct resources', () => {
    expect(normalizeUrl('https://A.example/x/%7euser/%2a?q#f')).to.equal('https://a.example/x/~user/%2A');
    expect(normalizeUrl('https://a.example/x/../y')).to.equal('https://a.example/y');
    expect(normalizeUrl('https://u:p@a.example/x')).to.equal(undefined);
    expect(normalizeUrl('https://a.example/x%2Fy')).to.equal(undefined);
  });
});
