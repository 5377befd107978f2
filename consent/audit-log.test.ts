import { expect } from 'chai';
import { appendEntry, canonical, entryHash, GENESIS, intactLength, lastEntry, parseLog, serializeEntry, verifyChain, type AccessLogEntry } from './audit-log.ts';
import { describeEntry } from './describe-entry.ts';
import { EMPLOYER, EMPLOYER_APP, POD } from './fixtures.test-support.ts';

const REC = `${POD}consent/rec-1`;
function buildLog(n: number): AccessLogEntry[] {
  const out: AccessLogEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(appendEntry(out[out.length - 1], {
      grantee: EMPLOYER, clientId: i === 2 ? undefined : EMPLOYER_APP,
      resource: `${POD}competence/${i % 2 ? 'experience' : 'skills'}`, mode: 'read', recordId: REC,
    }, new Date(Date.UTC(2025, 2, 3, 9, 14 + i))));
  }
  return out;
}
const text = (es: AccessLogEntry[]) => es.map(serializeEntry).join('');
const lines = (es: AccessLogEntry[]) => text(es).split('\n').filter(Boolean);

describe('access log chain', () => {
  it('chains entries from 64 zeros, hashing the canonical fields including prev', () => {
    const log = buildLog(3);
    expect(log[0]).to.include({ seq: 1, prev: GENESIS, clientId: EMPLOYER_APP, mode: 'read', recordId: REC, time: '2025-03-03T09:14:00.000Z' });
    expect(log[1].prev).to.equal(log[0].hash);
    expect(log[2].clientId).to.equal(null);
    const { hash, ...rest } = log[1];
    expect(hash).to.equal(entryHash(rest)).and.match(/^[0-9a-f]{64}$/);
    expect(canonical(rest)).to.equal(JSON.stringify([2, rest.time, EMPLOYER, EMPLOYER_APP, rest.resource, 'read', REC, log[0].hash]));
  });

  it('serialises as JSON Lines; appending adds one line and leaves the earlier text unchanged', () => {
    const log = buildLog(4);
    const before = text(log.slice(0, 3));
    const after = before + serializeEntry(appendEntry(lastEntry(before), { grantee: EMPLOYER, resource: `${POD}competence/skills`, mode: 'read', recordId: REC }, new Date('2025-03-03T09:20:00Z')));
    expect(after.startsWith(before)).to.equal(true);
    expect(after.split('\n').filter(Boolean)).to.have.length(4);
    expect(verifyChain(after)).to.deep.include({ valid: true, count: 4 });
    expect(parseLog(after)).to.have.length(4);
    expect(lastEntry('')).to.equal(undefined);
  });

  it('verifies text, lines and entries alike, and the empty log', () => {
    const log = buildLog(5);
    for (const input of [text(log), lines(log), log]) expect(verifyChain(input)).to.deep.equal({ valid: true, count: 5, head: log[4].hash });
    expect(verifyChain('')).to.deep.equal({ valid: true, count: 0, head: GENESIS });
  });

  const fields: Array<[keyof AccessLogEntry, unknown]> = [
    ['seq', 9], ['time', '2025-03-03T09:15:30.000Z'], ['grantee', 'https://evil.example/#me'], ['clientId', null],
    ['resource', `${POD}competence/contact`], ['mode', 'write'], ['recordId', `${POD}consent/rec-2`], ['prev', 'f'.repeat(64)], ['hash', 'e'.repeat(64)],
  ];
  for (const [field, value] of fields) {
    it(`detects tampering with ${field}`, () => {
      const log = buildLog(4);
      const tampered = log.map((e, i) => (i === 1 ? { ...e, [field]: value } : e));
      const r = verifyChain(lines(tampered));
      expect(r.valid).to.equal(false);
      expect(r.valid === false && r.at).to.equal(2);
    });
  }

  it('detects a tampered entry whose hash was recomputed (the next link breaks)', () => {
    const log = buildLog(4);
    const { hash: _h, ...body } = { ...log[1], resource: `${POD}competence/contact` };
    const forged = { ...body, hash: entryHash(body) };
    const r = verifyChain([log[0], forged, log[2], log[3]]);
    expect(r).to.deep.include({ valid: false, at: 3 });
  });

  it('detects a deleted line (first, middle)', () => {
    const log = buildLog(4);
    expect(verifyChain(lines(log).slice(1))).to.deep.include({ valid: false, at: 1 });
    expect(verifyChain([...lines(log).slice(0, 1), ...lines(log).slice(2)])).to.deep.include({ valid: false, at: 2 });
  });

  it('detects a truncated end only against a remembered head', () => {
    const log = buildLog(4);
    expect(verifyChain(lines(log).slice(0, 3)).valid).to.equal(true);
    const r = verifyChain(lines(log).slice(0, 3), { expectHead: { seq: 4, hash: log[3].hash } });
    expect(r).to.deep.include({ valid: false, at: 4 });
    expect(verifyChain(lines(log), { expectHead: { seq: 4, hash: log[3].hash } }).valid).to.equal(true);
  });

  it('detects reordered lines', () => {
    const l = lines(buildLog(4));
    expect(verifyChain([l[0], l[2], l[1], l[3]])).to.deep.include({ valid: false, at: 2 });
  });

  it('detects an inserted forged line, even one with a correct own hash', () => {
    const log = buildLog(3);
    const forged = appendEntry(log[0], { grantee: EMPLOYER, resource: `${POD}competence/contact`, mode: 'read', recordId: REC }, new Date('2025-03-03T09:14:30Z'));
    expect(verifyChain([log[0], forged, log[1], log[2]])).to.deep.include({ valid: false, at: 3 });
  });

  it('rejects unreadable lines and unexpected fields (which the hash would not cover)', () => {
    const l = lines(buildLog(2));
    expect(verifyChain([l[0], '{oops'])).to.deep.include({ valid: false, at: 2 });
    expect(verifyChain([l[0], l[1].replace(/}$/, ',"note":"hi"}')])).to.deep.include({ valid: false, at: 2 });
  });
});

describe('intactLength (repairing a torn end)', () => {
  const whole = Buffer.from(text(buildLog(3)));
  const second = Buffer.byteLength(text(buildLog(2)));
  it('keeps a log that ends with a whole entry, and the empty log', () => {
    expect(intactLength(whole)).to.equal(whole.length);
    expect(intactLength(Buffer.alloc(0))).to.equal(0);
  });
  it('cuts an unfinished last line, wherever it was cut', () => {
    for (const cut of [1, 30, whole.length - second - 1]) expect(intactLength(whole.subarray(0, second + cut)), String(cut)).to.equal(second);
    expect(intactLength(whole.subarray(0, 20))).to.equal(0);
  });
  it('cuts zeros a power loss left, and whole-line junk at the end, but not a bad line in the middle', () => {
    expect(intactLength(Buffer.concat([whole, Buffer.alloc(4096)]))).to.equal(whole.length);
    expect(intactLength(Buffer.concat([whole.subarray(0, second), Buffer.from('{"seq":3,"ti\n\u0000\n')]))).to.equal(second);
    const middle = Buffer.concat([Buffer.from('not json\n'), whole]);
    expect(intactLength(middle)).to.equal(middle.length);
    expect(lastEntry(whole.subarray(0, intactLength(whole.subarray(0, second + 5))).toString())!.seq).to.equal(2);
  });
});

describe('describeEntry', () => {
  const entry = appendEntry(undefined, { grantee: EMPLOYER, clientId: EMPLOYER_APP, resource: `${POD}competence/skills`, mode: 'read', recordId: REC }, new Date('2025-03-03T09:14:00Z'));
  const now = new Date('2025-06-01T00:00:00Z');

  it('says it in English, in Stockholm time', () => {
    expect(describeEntry(entry, { granteeName: 'Employer X', recordGivenAt: '2025-03-01T10:00:00Z', now }, 'en'))
      .to.equal('Employer X read your skills on 3 March 10:14 under the consent you gave on 1 March');
  });

  it('says it in Swedish', () => {
    expect(describeEntry(entry, { granteeName: 'Arbetsgivare X', recordGivenAt: '2025-03-01T10:00:00Z', now }, 'sv'))
      .to.equal('Arbetsgivare X läste dina kompetenser den 3 mars kl. 10:14 enligt samtycket du gav den 1 mars');
  });

  it('falls back to the WebID, names other sections and modes, shows the year when it is not this year', () => {
    const e = { ...entry, resource: `${POD}competence/experience`, mode: 'append' as const };
    expect(describeEntry(e, { now: new Date('2026-01-01T00:00:00Z') }, 'en'))
      .to.equal(`${EMPLOYER} added to your work experience on 3 March 2025 10:14 under your consent`);
  });
});
