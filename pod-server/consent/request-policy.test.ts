import { expect } from 'chai';
import { EMPLOYER, EMPLOYER_APP, OTHER, sampleRecord, sampleRequest } from '../../consent/fixtures.test-support.ts';
import { checkPendingLimits, coolDownLeft, identityKeys, sameAsk, sameContent } from './request-policy.ts';

describe('access request policy', () => {
  const HOUR = 3600_000;
  const refusedAt = '2026-01-01T12:00:00.000Z';
  const now = Date.parse(refusedAt) + 10 * 60_000;
  const refused = sampleRecord({ requesterName: 'Employer AB', statusHistory: [{ status: 'refused', at: refusedAt, actor: 'a', method: 'api' }] });
  const wait = (who: Parameters<typeof identityKeys>[0], records = [refused]) => coolDownLeft(records, identityKeys(who), HOUR, now);

  it('cools down every name of a refused requester: WebID, client, notice, claimed organisation', () => {
    expect(wait({ requester: EMPLOYER })).to.equal(50 * 60);
    expect(wait({ requester: OTHER, clientId: EMPLOYER_APP }), 'same client').to.equal(50 * 60);
    expect(wait({ requester: OTHER, noticeUrl: 'https://employer.example/privacy/v3' }), 'same notice').to.equal(50 * 60);
    expect(wait({ requester: OTHER, name: ' employer-ab ' }), 'same name, spelt otherwise').to.equal(50 * 60);
    expect(wait({ requester: OTHER, clientId: 'https://other.example/app', noticeUrl: 'https://other.example/n', name: 'Other Ltd' })).to.equal(0);
    expect(wait({ requester: OTHER, name: 'AB' }), 'names too short to mean anything are ignored').to.equal(0);
    expect(coolDownLeft([refused], identityKeys({ requester: EMPLOYER }), HOUR, now + HOUR)).to.equal(0);
    const given = sampleRecord();
    expect(wait({ requester: EMPLOYER }, [given])).to.equal(0);
  });

  it('knows a repeated ask and whether anything the citizen sees changed', () => {
    const a = sampleRequest();
    expect(sameAsk(a, sampleRequest({ id: 'x', sections: ['skills'] }))).to.equal(true);
    expect(sameAsk(a, sampleRequest({ clientId: undefined }))).to.equal(false);
    expect(sameAsk(a, sampleRequest({ purpose: 'https://w3id.org/dpv#ServiceProvision' }))).to.equal(false);
    expect(sameContent(a, sampleRequest({ id: 'x', createdAt: '2026-01-01T00:00:00Z', sections: ['experience', 'skills'] }))).to.equal(true);
    expect(sameContent(a, sampleRequest({ duration: 'P365D' }))).to.equal(false);
  });

  it('limits pending requests per requester (409), per pod and from unknown requesters (507)', () => {
    const limits = { maxPending: 3, maxPendingPerRequester: 1, maxPendingUnknown: 2 };
    const from = (requester: string, i: number) => sampleRequest({ id: `r${i}`, requester });
    const status = (pending: ReturnType<typeof sampleRequest>[], requester: string, known = new Set<string>()) => {
      try { checkPendingLimits(from(requester, 9), pending, known, limits); return 0; } catch (error) { return (error as { status: number }).status; }
    };
    expect(status([from(EMPLOYER, 1)], EMPLOYER)).to.equal(409);
    expect(status([from('https://a/#me', 1), from('https://b/#me', 2)], EMPLOYER)).to.equal(507);
    expect(status([from('https://a/#me', 1), from('https://b/#me', 2)], EMPLOYER, new Set([EMPLOYER]))).to.equal(0);
    expect(status([from('https://a/#me', 1), from('https://b/#me', 2), from('https://c/#me', 3)], EMPLOYER, new Set([EMPLOYER]))).to.equal(507);
    expect(status([], EMPLOYER)).to.equal(0);
  });
});
