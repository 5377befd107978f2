import { expect } from 'chai';
import { OwnerClient, RequesterClient } from '../../consent/index.ts';
import { agent, employerRequest, writeProfile, type Agent } from '../../test-support/consent.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

/** Listings and the access log come in pages with a total, over the owner's API. */
describe('paged owner API', function () {
  this.timeout(60_000);
  let pod: TestServer;
  let citizen: Agent, employer: Agent;
  let owner: OwnerClient;
  let requester: RequesterClient;
  const purpose = (i: number) => `https://w3id.org/dpv#TestPurpose${i}`;
  const get = async (path: string) => {
    const response = await citizen.session.fetch(`${citizen.account.podUrl}.consent/${path}`);
    return { status: response.status, body: await response.json() as { items: { id?: string; seq?: number }[]; total: number; offset: number; limit: number; next?: string; head?: { seq: number } } };
  };

  before(async () => {
    pod = await startTestServer({ config: { identity: true, consentCooldownSeconds: 0, inboxLimits: { senderPerHour: 0, podPerHour: 0, maxPendingPerRequester: 0 } } });
    [citizen, employer] = await Promise.all([agent(pod.baseUrl, 'anna'), agent(pod.baseUrl, 'acme')]);
    await writeProfile(citizen);
    owner = new OwnerClient({ podUrl: citizen.account.podUrl, fetch: citizen.session.fetch });
    requester = new RequesterClient({ fetch: employer.session.fetch, inbox: employer.inbox, webId: employer.account.webId });
  });
  after(async () => {
    await Promise.all([citizen, employer].map((a) => a.session.logout().catch(() => undefined)));
    await pod.stop();
  });

  it('pages pending requests and records with totals, in a stable order', async () => {
    const sent: string[] = [];
    for (let i = 0; i < 7; i++) sent.push(await requester.sendRequest(citizen.inbox, employerRequest(employer, citizen, ['skills'], { purpose: purpose(i) })));
    const first = await get('requests?limit=3');
    expect(first.status).to.equal(200);
    expect(first.body).to.deep.include({ total: 7, offset: 0, limit: 3 });
    expect(first.body.items.map((r) => r.id)).to.deep.equal(sent.slice(0, 3));
    expect(first.body.next).to.equal(`${citizen.account.podUrl}.consent/requests?offset=3&limit=3`);
    const last = await get('requests?offset=6&limit=3');
    expect(last.body.items.map((r) => r.id)).to.deep.equal(sent.slice(6));
    expect(last.body.next).to.equal(undefined);
    expect((await get('requests?offset=50')).body).to.deep.include({ items: [], total: 7 });
    expect((await owner.listPending()).map((r) => r.id)).to.deep.equal(sent);

    for (const url of sent.slice(0, 5)) await owner.deny(url);
    const records = await owner.page('records', { offset: 1, limit: 2 });
    expect(records.total).to.equal(5);
    expect(records.items.map((r) => r.request)).to.deep.equal(sent.slice(1, 3));
    expect((await owner.page('requests')).total).to.equal(2);
  });

  it('reads the access log newest first, a page at a time, with the total', async () => {
    const requestUrl = await requester.sendRequest(citizen.inbox, employerRequest(employer, citizen, ['skills'], { purpose: purpose(99) }));
    await owner.approve(requestUrl);
    for (let i = 0; i < 25; i++) await requester.readGranted(citizen.account.podUrl, 'skills');
    const first = await get('log?limit=10');
    expect(first.body).to.deep.include({ total: 25, offset: 0, limit: 10 });
    expect(first.body.items.map((e) => e.seq)).to.deep.equal([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(first.body.head?.seq).to.equal(25);
    expect(first.body.next).to.match(/\/\.consent\/log\?offset=10&limit=10$/);
    const last = await owner.accessLogPage({ offset: 20, limit: 10 });
    expect(last.items.map((e) => e.seq)).to.deep.equal([5, 4, 3, 2, 1]);
    expect(last.next).to.equal(undefined);
    const whole = await owner.readAccessLog();
    expect(whole.verification.valid).to.equal(true);
    expect(last.items.at(-1)).to.deep.equal(whole.entries[0]);
    expect((await get('log')).body.limit).to.equal(100);
  });

  it('clamps page sizes and refuses malformed paging with 400', async () => {
    expect((await get('requests?limit=100000')).body.limit).to.equal(500);
    expect((await get('log?limit=100000')).body.limit).to.equal(1000);
    for (const query of ['limit=0', 'limit=abc', 'offset=-1', 'offset=1e3', `limit=${'9'.repeat(40)}`]) {
      const response = await citizen.session.fetch(`${citizen.account.podUrl}.consent/requests?${query}`);
      expect(response.status, query).to.equal(400);
      expect(await response.text(), query).to.match(/whole number|at least 1/);
    }
    expect((await employer.session.fetch(`${citizen.account.podUrl}.consent/log`)).status).to.equal(403);
  });
});
