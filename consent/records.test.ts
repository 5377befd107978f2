import { expect } from 'chai';
import { buildRecord, DecisionError, expireRecord, parseDecisionBody, parseWithdrawalBody, withdrawRecord } from './records.ts';
import { sampleRequest, ANNA, EMPLOYER, POD } from './fixtures.test-support.ts';
import { addDuration, parseDuration } from './duration.ts';

const NOW = new Date('2025-03-01T10:00:00.000Z');
const ctx = { recordUrl: `${POD}consent/rec-9`, podUrl: POD, actor: ANNA, method: 'consent-page', now: NOW };
const code = (fn: () => unknown): string => { try { fn(); } catch (e) { return (e as DecisionError).code; } return 'no error'; };

describe('building records from decisions', () => {
  it('approve all: every requested section, its resources, the requested duration, status given', () => {
    const rec = buildRecord({ ...sampleRequest(), sections: ['experience', 'skills', 'discoverable'] }, { request: sampleRequest().id, decision: 'approve' }, ctx);
    expect(rec).to.deep.include({
      id: ctx.recordUrl, request: sampleRequest().id, dataSubject: ANNA, requester: EMPLOYER, clientId: sampleRequest().clientId,
      sections: ['skills', 'experience', 'discoverable'], resources: [`${POD}competence/skills`, `${POD}competence/experience`],
      modes: ['read'], validFrom: NOW.toISOString(), validUntil: '2025-05-30T10:00:00.000Z',
      notice: { url: sampleRequest().notice.url, sha256: sampleRequest().notice.sha256 },
    });
    expect(rec.statusHistory).to.deep.equal([{ status: 'given', at: NOW.toISOString(), actor: ANNA, method: 'consent-page' }]);
  });

  it('approve a subset, shorter', () => {
    const rec = buildRecord(sampleRequest(), { request: '', decision: 'approve', sections: ['skills'], validUntil: '2025-03-31' }, ctx);
    expect(rec.sections).to.deep.equal(['skills']);
    expect(rec.resources).to.deep.equal([`${POD}competence/skills`]);
    // A day means the end of that day in Sweden (summer time began on 30 March 2025).
    expect(rec.validUntil).to.equal('2025-03-31T21:59:59.000Z');
  });

  it('deny: a refused record with no resources', () => {
    const rec = buildRecord(sampleRequest(), { request: '', decision: 'deny' }, ctx);
    expect(rec.resources).to.deep.equal([]);
    expect(rec.statusHistory.map((s) => s.status)).to.deep.equal(['refused']);
  });

  it('refuses: extra sections, no sections, longer validity, past validity, another actor', () => {
    expect(code(() => buildRecord(sampleRequest(), { request: '', decision: 'approve', sections: ['contact'] }, ctx))).to.equal('sections-not-requested');
    expect(code(() => buildRecord(sampleRequest(), { request: '', decision: 'approve', sections: [] }, ctx))).to.equal('no-sections');
    expect(code(() => buildRecord(sampleRequest(), { request: '', decision: 'approve', validUntil: '2026-01-01' }, ctx))).to.equal('validity-extended');
    expect(code(() => buildRecord(sampleRequest(), { request: '', decision: 'approve', validUntil: '2025-02-01' }, ctx))).to.equal('validity-in-past');
    expect(code(() => buildRecord(sampleRequest(), { request: '', decision: 'approve' }, { ...ctx, actor: EMPLOYER }))).to.equal('not-data-subject');
  });

  it('withdraws only an active consent, keeping the history; expires by time', () => {
    const rec = buildRecord(sampleRequest(), { request: '', decision: 'approve' }, ctx);
    const w = withdrawRecord(rec, { actor: ANNA, method: 'api', now: new Date('2025-03-02T00:00:00Z') });
    expect(w.statusHistory.map((s) => s.status)).to.deep.equal(['given', 'withdrawn']);
    expect(code(() => withdrawRecord(w, { actor: ANNA, method: 'api', now: NOW }))).to.equal('not-active');
    expect(code(() => withdrawRecord(rec, { actor: EMPLOYER, method: 'api', now: NOW }))).to.equal('not-data-subject');
    expect(expireRecord(rec, { actor: 'https://pods.example/', now: NOW })).to.equal(rec);
    const e = expireRecord(rec, { actor: 'https://pods.example/', now: new Date('2025-06-01T00:00:00Z') });
    expect(e.statusHistory[1]).to.deep.equal({ status: 'expired', at: rec.validUntil, actor: 'https://pods.example/', method: 'expiry' });
  });

  it('parses decision and withdrawal bodies strictly', () => {
    expect(parseDecisionBody({ request: 'https://p/x', decision: 'approve', sections: ['skills'], validUntil: '2025-04-01' }))
      .to.deep.equal({ request: 'https://p/x', decision: 'approve', sections: ['skills'], validUntil: '2025-04-01' });
    for (const bad of [null, [], {}, { request: 'x', decision: 'approve' }, { request: 'https://p/x', decision: 'maybe' },
      { request: 'https://p/x', decision: 'approve', sections: ['salary'] }, { request: 'https://p/x', decision: 'deny', sections: ['skills'] },
      { request: 'https://p/x', decision: 'approve', validUntil: 'soon' }, { request: 'https://p/x', decision: 'approve', extra: 1 }]) {
      expect(code(() => parseDecisionBody(bad)), JSON.stringify(bad)).to.equal('bad-body');
    }
    expect(parseWithdrawalBody({ record: 'https://p/r' })).to.deep.equal({ record: 'https://p/r' });
    expect(code(() => parseWithdrawalBody({ record: 'https://p/r', x: 1 }))).to.equal('bad-body');
  });
});

describe('durations', () => {
  it('parses and adds ISO 8601 durations', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7S')).to.deep.equal({ years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 });
    for (const bad of ['P', 'PT', '90D', 'P-1D', 'P1DT']) expect(parseDuration(bad), bad).to.equal(undefined);
    expect(addDuration(new Date('2025-01-31T00:00:00Z'), 'P1M').toISOString()).to.equal('2025-03-03T00:00:00.000Z');
    expect(addDuration(new Date('2025-03-01T10:00:00Z'), 'P2WT12H').toISOString()).to.equal('2025-03-15T22:00:00.000Z');
  });
});
