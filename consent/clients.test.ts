// Unit tests of the two clients: the HTTP requests they build and how they read answers, through a
// recording fetch that returns canned responses. End-to-end tests run against the real pod server (pod-server/).
import { expect } from 'chai';
import { RequesterClient, buildRequest, noticeHash } from './requester.ts';
import { OwnerClient } from './owner.ts';
import { ConsentHttpError } from './http.ts';
import { notificationToTurtle, parseNotification } from './notifications.ts';
import { generateReceiptKey, publicJwks, signReceipt } from './receipt.ts';
import { validateAccessRequest } from './validate.ts';
import { appendEntry, serializeEntry } from './audit-log.ts';
import { sampleRecord, sampleRequest, ANNA, EMPLOYER, EMPLOYER_APP, POD } from './fixtures.test-support.ts';

type Call = { url: string; method: string; headers: Record<string, string>; body?: string };
function recorder(answer: (c: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const f = async (input: string | URL | Request, init: RequestInit = {}) => {
    const c: Call = { url: String(input), method: init.method ?? 'GET', headers: Object.fromEntries(new Headers(init.headers).entries()), body: init.body as string | undefined };
    calls.push(c);
    return answer(c);
  };
  return { calls, f };
}
const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'content-type': 'application/json' } });
const INBOX = `${POD}inbox/`;
const MY_INBOX = 'https://employer.example/inbox/';
const ISSUER = 'https://pod.example/';

describe('requester client', () => {
  const input = {
    requester: EMPLOYER, clientId: EMPLOYER_APP, dataSubject: ANNA, sections: ['skills', 'experience'] as const,
    purpose: 'https://w3id.org/dpv#HumanResourceManagement', legalBasis: 'https://w3id.org/dpv#Consent',
    notice: { sv: 'sv text', en: 'en text', url: 'https://employer.example/privacy/v3', sha256: noticeHash('the notice') },
    duration: 90, retention: 'P30D', replyTo: MY_INBOX,
  };

  it('builds a request with defaults (read, days as ISO duration) and posts Turtle the server validator accepts', async () => {
    const req = buildRequest({ ...input, sections: [...input.sections] }, new Date('2025-03-01T09:00:00Z'));
    expect(req).to.deep.include({ id: '', modes: ['read'], duration: 'P90D', createdAt: '2025-03-01T09:00:00.000Z' });
    expect(req.notice.sha256).to.match(/^[0-9a-f]{64}$/);
    const { calls, f } = recorder(() => new Response(null, { status: 201, headers: { location: '/anna/inbox/req-7' } }));
    const client = new RequesterClient({ fetch: f, inbox: MY_INBOX, webId: EMPLOYER });
    expect(await client.sendRequest(INBOX, req)).to.equal(`${POD}inbox/req-7`);
    expect(calls[0]).to.deep.include({ url: INBOX, method: 'POST' });
    expect(calls[0].headers['content-type']).to.equal('text/turtle');
    const parsed = await validateAccessRequest(calls[0].body!, 'text/turtle', `${POD}inbox/req-7`);
    expect(parsed.ok && parsed.value).to.deep.equal({ ...req, id: `${POD}inbox/req-7` });
  });

  it('posts JSON-LD when asked', async () => {
    const { calls, f } = recorder(() => new Response(null, { status: 201, headers: { location: `${POD}inbox/req-8` } }));
    await new RequesterClient({ fetch: f, inbox: MY_INBOX, webId: EMPLOYER }).sendRequest(INBOX, sampleRequest(), 'application/ld+json');
    expect(JSON.parse(calls[0].body!)).to.include({ id: '', type: 'AccessRequest' });
  });

  it('surfaces 400 reports, 403 and 429 with Retry-After', async () => {
    for (const [status, headers, body] of [[400, {}, '- <x> jm:replyTo: required'], [403, {}, 'not you'], [429, { 'retry-after': '120' }, '']] as const) {
      const { f } = recorder(() => new Response(body, { status, headers }));
      const e = await new RequesterClient({ fetch: f, inbox: MY_INBOX, webId: EMPLOYER }).sendRequest(INBOX, sampleRequest()).catch((x: unknown) => x);
      expect(e).to.be.instanceOf(ConsentHttpError);
      expect((e as ConsentHttpError).status).to.equal(status);
      expect((e as ConsentHttpError).body).to.equal(body);
      if (status === 429) expect((e as ConsentHttpError).retryAfter).to.equal(120);
    }
  });

  it('waits for a verified receipt naming its request, ignoring forged and unrelated inbox items', async () => {
    const key = await generateReceiptKey('k1');
    const impostor = await generateReceiptKey('k1');
    const requestUrl = `${POD}inbox/req-1`;
    const rec = sampleRecord({ validUntil: '2099-01-01T00:00:00.000Z' });
    const good = await signReceipt(rec, { privateKey: key.privateJwk, kid: 'k1', issuer: ISSUER, statusUrl: `${ISSUER}.well-known/consent-status` });
    const forged = await signReceipt(rec, { privateKey: impostor.privateJwk, kid: 'k1', issuer: ISSUER, statusUrl: 'x' });
    const items: Record<string, string> = {
      [`${MY_INBOX}1`]: await notificationToTurtle({ status: 'given', record: rec.id, request: requestUrl, receipt: forged, sentAt: '2025-03-01T10:00:00Z' }),
      [`${MY_INBOX}2`]: '<> a <https://www.w3.org/ns/activitystreams#Announce> .',
      [`${MY_INBOX}3`]: await notificationToTurtle({ status: 'given', record: rec.id, request: `${POD}inbox/other`, receipt: good, sentAt: '2025-03-01T10:00:01Z' }),
      [`${MY_INBOX}4`]: await notificationToTurtle({ status: 'given', record: rec.id, request: requestUrl, receipt: good, sentAt: '2025-03-01T10:00:02Z' }),
    };
    const { f } = recorder((c) => {
      if (c.url === MY_INBOX) return new Response(`<> <http://www.w3.org/ns/ldp#contains> ${Object.keys(items).map((u) => `<${u}>`).join(', ')} .`, { headers: { 'content-type': 'text/turtle' } });
      return new Response(items[c.url], { headers: { 'content-type': 'text/turtle' } });
    });
    const client = new RequesterClient({ fetch: f, inbox: MY_INBOX, webId: EMPLOYER });
    const got = await client.waitForReceipt(requestUrl, { keys: publicJwks([key.publicJwk]), issuer: ISSUER, timeoutMs: 1000, intervalMs: 10 });
    expect(got.status).to.equal('given');
    expect(got.status === 'given' && got.receipt).to.equal(good);
    expect(got.status === 'given' && got.claims.sections).to.deep.equal(rec.sections);
  });

  it('reports a refusal, times out when nothing comes, reads withdrawals', async () => {
    const n = await notificationToTurtle({ status: 'refused', record: `${POD}consent/r`, request: `${POD}inbox/req-1`, sentAt: '2025-03-01T10:00:00Z' });
    const w = await notificationToTurtle({ status: 'withdrawn', record: `${POD}consent/r2`, sentAt: '2025-03-02T10:00:00Z' });
    const { f } = recorder((c) => c.url === MY_INBOX
      ? new Response(`<> <http://www.w3.org/ns/ldp#contains> <a>, <b> .`, { headers: { 'content-type': 'text/turtle' } })
      : new Response(c.url.endsWith('a') ? n : w, { headers: { 'content-type': 'text/turtle' } }));
    const client = new RequesterClient({ fetch: f, inbox: MY_INBOX, webId: EMPLOYER });
    expect((await client.waitForReceipt(`${POD}inbox/req-1`, { keys: { keys: [] }, issuer: ISSUER, timeoutMs: 100 })).status).to.equal('refused');
    await client.waitForReceipt(`${POD}inbox/nothing`, { keys: { keys: [] }, issuer: ISSUER, timeoutMs: 30, intervalMs: 10 }).then(
      () => { throw new Error('should time out'); }, (e: Error) => expect(e.message).to.match(/no answer/));
    expect((await client.readWithdrawals()).map((x) => x.record)).to.deep.equal([`${POD}consent/r2`]);
  });

  it('checks status, reads a granted section, finds an inbox', async () => {
    const { calls, f } = recorder((c) => {
      if (c.url.endsWith('consent-status')) return json({ valid: false, status: 'withdrawn', validUntil: '2025-05-30T10:00:00.000Z' });
      if (c.url.endsWith('/skills')) return new Response('<> a <x:y> .', { headers: { 'content-type': 'text/turtle' } });
      if (c.url.endsWith('/contact')) return new Response('no grant', { status: 403 });
      return new Response(`<#me> <http://www.w3.org/ns/ldp#inbox> <../inbox/> .`, { headers: { 'content-type': 'text/turtle' } });
    });
    const client = new RequesterClient({ fetch: f, inbox: MY_INBOX, webId: EMPLOYER });
    expect(await client.checkStatus('jws', `${ISSUER}.well-known/consent-status`)).to.deep.equal({ valid: false, status: 'withdrawn', validUntil: '2025-05-30T10:00:00.000Z' });
    expect(JSON.parse(calls[0].body!)).to.deep.equal({ receipt: 'jws' });
    expect((await client.readGranted(POD, 'skills')).body).to.contain('<x:y>');
    expect(await client.readGranted(POD, 'contact').catch((e: ConsentHttpError) => e.status)).to.equal(403);
    expect(await client.findInbox(ANNA)).to.equal(INBOX);
  });

  it('parses notifications strictly', async () => {
    expect(await parseNotification('<> a <https://w3id.org/jobtech-mydata/vocab#ConsentNotification> .', 'text/turtle', MY_INBOX)).to.equal(undefined);
    expect(await parseNotification('not turtle <', 'text/turtle', MY_INBOX)).to.equal(undefined);
  });
});

describe('owner client', () => {
  const client = (answer: (c: Call) => Response | Promise<Response>) => {
    const r = recorder(answer);
    return { ...r, owner: new OwnerClient({ podUrl: 'https://pod.example/anna', fetch: r.f }) };
  };

  it('approves all, a subset, shorter; denies; withdraws — with the documented bodies', async () => {
    const { calls, owner } = client((c) => (c.url.endsWith('withdrawals') ? json({ record: 'https://r', status: 'withdrawn' }) : json({ record: 'https://r', receipt: 'a.b.c' }, 201)));
    const req = `${POD}inbox/req-1`;
    expect(await owner.approve(req)).to.deep.equal({ record: 'https://r', receipt: 'a.b.c' });
    await owner.approve(req, { sections: ['skills'], validUntil: new Date('2025-04-01T00:00:00Z') });
    await owner.deny(req);
    expect(await owner.withdraw('https://r')).to.deep.equal({ record: 'https://r', status: 'withdrawn' });
    expect(calls.map((c) => [c.method, c.url, JSON.parse(c.body!)])).to.deep.equal([
      ['POST', `${POD}.consent/decisions`, { request: req, decision: 'approve' }],
      ['POST', `${POD}.consent/decisions`, { request: req, decision: 'approve', sections: ['skills'], validUntil: '2025-04-01T00:00:00.000Z' }],
      ['POST', `${POD}.consent/decisions`, { request: req, decision: 'deny' }],
      ['POST', `${POD}.consent/withdrawals`, { record: 'https://r' }],
    ]);
  });

  it('lists pending requests, grants and records, refusing malformed answers', async () => {
    const page = (items: unknown[]) => json({ items, total: items.length, offset: 0, limit: 500 });
    const { owner } = client((c) => (c.url.includes('requests') ? page([sampleRequest()]) : c.url.includes('grants') ? page([sampleRecord()]) : page([{ id: 'x' }])));
    expect(await owner.listPending()).to.deep.equal([sampleRequest()]);
    expect(await owner.listActiveGrants()).to.deep.equal([sampleRecord()]);
    expect(await owner.exportRecords().catch((e: Error) => e.message)).to.match(/not a valid consent record/);
    const { owner: plain } = client(() => json([sampleRequest()]));
    expect(await plain.listPending().catch((e: Error) => e.message)).to.match(/expected a page/);
  });

  it('follows the pages of a listing to the end', async () => {
    const all = Array.from({ length: 7 }, (_, i) => ({ ...sampleRequest(), id: `${POD}consent/requests/${i}` }));
    const { calls, owner } = client((c) => {
      const query = new URL(c.url).searchParams;
      const offset = Number(query.get('offset')), limit = Math.min(3, Number(query.get('limit')));
      return json({ items: all.slice(offset, offset + limit), total: all.length, offset, limit });
    });
    expect((await owner.listPending()).map((r) => r.id)).to.deep.equal(all.map((r) => r.id));
    expect(calls.map((c) => new URL(c.url).searchParams.get('offset'))).to.deep.equal(['0', '3', '6']);
  });

  it('reads and verifies the access log; reports a broken chain; errors carry status', async () => {
    const e1 = appendEntry(undefined, { grantee: EMPLOYER, resource: `${POD}competence/skills`, mode: 'read', recordId: 'r' }, new Date('2025-03-03T09:14:00Z'));
    const e2 = appendEntry(e1, { grantee: EMPLOYER, resource: `${POD}competence/skills`, mode: 'read', recordId: 'r' }, new Date('2025-03-03T09:15:00Z'));
    const good = serializeEntry(e1) + serializeEntry(e2);
    let body = good;
    const { calls, owner } = client(() => new Response(body, { headers: { 'content-type': 'application/jsonl' } }));
    const r = await owner.readAccessLog();
    expect(calls[0].url).to.equal(`${POD}consent/access-log`);
    expect(r.verification).to.deep.equal({ valid: true, count: 2, head: e2.hash });
    expect(r.entries).to.deep.equal([e1, e2]);
    body = good.replace('skills', 'contact');
    expect((await owner.readAccessLog()).verification).to.deep.include({ valid: false, at: 1 });
    const { owner: o2 } = client(() => new Response('forbidden', { status: 403 }));
    expect(await o2.listPending().catch((e: ConsentHttpError) => e.status)).to.equal(403);
  });
});
