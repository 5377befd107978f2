import { expect } from 'chai';
import { OwnerClient, RequesterClient, serializeRequest, type ConsentHttpError } from '../../consent/index.ts';
import { agent, employerRequest, type Agent } from '../../test-support/consent.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

const NOTE = (i: number, padding = 0) => `<#n${i}> a <https://www.w3.org/ns/activitystreams#Announce>; <http://schema.org/text> "${'x'.repeat(padding)}".`;

const postNote = (from: Agent, to: Agent, body: BodyInit, type = 'text/turtle') =>
  from.session.fetch(to.inbox, { method: 'POST', headers: { 'content-type': type }, body });

/** The inbox's members, as the owner sees them. */
async function members(owner: Agent): Promise<string[]> {
  const response = await owner.session.fetch(owner.inbox, { headers: { accept: 'text/turtle' } });
  expect(response.status).to.equal(200);
  const urls = [...(await response.text()).matchAll(/<([^>]+)>/g)].map((m) => m[1]);
  return [...new Set(urls.filter((url) => url.startsWith(owner.inbox) && url !== owner.inbox && !url.endsWith('.acl')))];
}

async function statuses(responses: Promise<Response>[]): Promise<number[]> {
  return Promise.all(responses.map(async (r) => { const response = await r; await response.arrayBuffer(); return response.status; }));
}

/**
 * What a stranger may put in a citizen's inbox: rates per sender and per pod, RDF only, a size
 * per message and a quota per inbox. Real accounts, real Solid-OIDC sessions, plain HTTP.
 */
describe('inbox rates and quotas', function () {
  this.timeout(60_000);

  describe('rates', () => {
    let pod: TestServer;
    let citizen: Agent, mallory: Agent, bob: Agent;
    before(async () => {
      pod = await startTestServer({ config: { identity: true, inboxLimits: { senderPerHour: 5, podPerHour: 8 } } });
      [citizen, mallory, bob] = await Promise.all([agent(pod.baseUrl, 'anna'), agent(pod.baseUrl, 'mallory'), agent(pod.baseUrl, 'bob')]);
    });
    after(async () => {
      await Promise.all([citizen, mallory, bob].map((a) => a.session.logout().catch(() => undefined)));
      await pod.stop();
    });

    it('cuts a flood from one sender off with 429 and stores nothing beyond its rate; another sender gets through until the pod rate', async () => {
      const flood = await statuses(Array.from({ length: 40 }, (_, i) => postNote(mallory, citizen, NOTE(i))));
      expect(flood.filter((s) => s === 201)).to.have.length(5);
      expect(flood.filter((s) => s === 429)).to.have.length(35);
      const refused = await postNote(mallory, citizen, NOTE(99));
      expect(refused.status).to.equal(429);
      expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 3600);
      expect(await refused.text()).to.match(/Too many messages from you/);
      // Access requests share the budget: a flooder cannot switch to them.
      const request = await mallory.session.fetch(citizen.inbox, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: await serializeRequest(employerRequest(mallory, citizen, ['skills'])) });
      expect(request.status).to.equal(429);
      expect(await members(citizen)).to.have.length(5);

      // Per-sender fairness: bob is not punished for mallory, until the pod's own rate (8) is spent.
      expect(await statuses([1, 2, 3].map((i) => postNote(bob, citizen, NOTE(i))))).to.deep.equal([201, 201, 201]);
      const podRate = await postNote(bob, citizen, NOTE(4));
      expect(podRate.status).to.equal(429);
      expect(await podRate.text()).to.match(/from everyone/);
      expect(await members(citizen)).to.have.length(8);
      // The owner is not limited in their own inbox.
      expect((await postNote(citizen, citizen, NOTE(5))).status).to.equal(201);
    });
  });

  describe('quotas', () => {
    let pod: TestServer;
    let citizen: Agent, other: Agent, mallory: Agent;
    before(async () => {
      pod = await startTestServer({ config: { identity: true, inboxLimits: { senderPerHour: 0, podPerHour: 0, maxNotificationBytes: 2048, maxBytes: 5000, maxItems: 4 } } });
      [citizen, other, mallory] = await Promise.all([agent(pod.baseUrl, 'anna'), agent(pod.baseUrl, 'olle'), agent(pod.baseUrl, 'mallory')]);
    });
    after(async () => {
      await Promise.all([citizen, other, mallory].map((a) => a.session.logout().catch(() => undefined)));
      await pod.stop();
    });

    it('refuses binaries (415) and messages over the size limit (413), storing nothing', async () => {
      const binary = await postNote(mallory, citizen, new Blob([new Uint8Array(1024).fill(7)]), 'application/octet-stream');
      expect(binary.status).to.equal(415);
      expect(await binary.text()).to.match(/text\/turtle/);
      expect((await postNote(mallory, citizen, 'GIF89a', 'image/gif')).status).to.equal(415);
      const big = await postNote(mallory, citizen, NOTE(1, 3000));
      expect(big.status).to.equal(413);
      expect(await members(citizen)).to.deep.equal([]);
    });

    it('refuses with 507 once the inbox holds its bytes, and takes more once the owner clears it', async () => {
      const sent = [];
      for (let i = 0; i < 5; i++) sent.push((await postNote(mallory, citizen, NOTE(i, 1500))).status);
      expect(sent).to.deep.equal([201, 201, 201, 507, 507]);
      const full = await postNote(other, citizen, NOTE(9, 1500));
      expect(full.status).to.equal(507);
      expect(await full.text()).to.match(/bytes of notifications/);
      const stored = await members(citizen);
      expect(stored).to.have.length(3);
      expect((await citizen.session.fetch(stored[0], { method: 'DELETE' })).status).to.equal(204);
      expect((await postNote(other, citizen, NOTE(10, 1500))).status).to.equal(201);
    });

    it('refuses with 507 once the inbox holds its number of notifications, counting what the owner put there', async () => {
      const put = await other.session.fetch(`${other.inbox}by-owner`, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: NOTE(0) });
      expect(put.status).to.equal(201);
      expect(await statuses([1, 2, 3, 4, 5].map((i) => postNote(mallory, other, NOTE(i))))).to.have.members([201, 201, 201, 507, 507]);
      expect(await members(other)).to.have.length(4);
      const refused = await postNote(citizen, other, NOTE(6));
      expect(refused.status).to.equal(507);
      expect(await refused.text()).to.match(/holds 4 notifications/);
    });
  });

  describe('pending access requests', () => {
    let pod: TestServer;
    let citizen: Agent, acme: Agent;
    let owner: OwnerClient;
    let requester: RequesterClient;
    before(async () => {
      pod = await startTestServer({ config: { identity: true, inboxLimits: { senderPerHour: 0, podPerHour: 0, maxPendingPerRequester: 2 } } });
      [citizen, acme] = await Promise.all([agent(pod.baseUrl, 'anna'), agent(pod.baseUrl, 'acme')]);
      owner = new OwnerClient({ podUrl: citizen.account.podUrl, fetch: citizen.session.fetch });
      requester = new RequesterClient({ fetch: acme.session.fetch, inbox: acme.inbox, webId: acme.account.webId });
    });
    after(async () => {
      await Promise.all([citizen, acme].map((a) => a.session.logout().catch(() => undefined)));
      await pod.stop();
    });

    it('collapses a repeated request into one pending card', async () => {
      const first = await requester.sendRequest(citizen.inbox, employerRequest(acme, citizen, ['skills']));
      const body = await serializeRequest(employerRequest(acme, citizen, ['skills']));
      const repeats = await Promise.all(Array.from({ length: 20 }, () => acme.session.fetch(citizen.inbox, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body })));
      expect(repeats.map((r) => r.status)).to.deep.equal(Array(20).fill(200));
      expect(new Set(repeats.map((r) => r.headers.get('location')))).to.deep.equal(new Set([first]));
      expect((await owner.listPending()).map((r) => r.id)).to.deep.equal([first]);

      // The same ask with other terms replaces the pending card; the old one can no longer be decided.
      const changed = await requester.sendRequest(citizen.inbox, employerRequest(acme, citizen, ['skills', 'experience']));
      expect(changed).to.not.equal(first);
      const pending = await owner.listPending();
      expect(pending.map((r) => [r.id, r.sections])).to.deep.equal([[changed, ['skills', 'experience']]]);
      const stale = await owner.deny(first).then(() => undefined, (e: ConsentHttpError) => e);
      expect(stale?.status).to.equal(404);
      expect((await citizen.session.fetch(first)).status).to.equal(404);
    });

    it('limits the distinct requests one requester may have pending (409), storing nothing', async () => {
      const second = await requester.sendRequest(citizen.inbox, employerRequest(acme, citizen, ['skills'], { purpose: 'https://w3id.org/dpv#ServiceProvision' }));
      expect(second).to.match(/consent\/requests\//);
      const third = await requester.sendRequest(citizen.inbox, employerRequest(acme, citizen, ['skills'], { purpose: 'https://w3id.org/dpv#ResearchAndDevelopment' })).then(() => undefined, (e: ConsentHttpError) => e);
      expect(third?.status).to.equal(409);
      expect(third?.body).to.match(/already have 2 requests waiting/);
      expect(await owner.listPending()).to.have.length(2);
    });
  });

  describe('the cool-down against fresh accounts', () => {
    let pod: TestServer;
    let citizen: Agent, acme: Agent, friend: Agent;
    const fresh: Agent[] = [];
    let owner: OwnerClient;
    const send = async (who: Agent, overrides: Parameters<typeof employerRequest>[3] = {}) =>
      who.session.fetch(citizen.inbox, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: await serializeRequest(employerRequest(who, citizen, ['skills'], overrides)) });
    const rename = async (who: Agent, name: string) => {
      const card = who.account.webId.split('#')[0];
      const patch = `DELETE { <${who.account.webId}> <http://xmlns.com/foaf/0.1/name> ?name } INSERT { <${who.account.webId}> <http://xmlns.com/foaf/0.1/name> "${name}" } WHERE { <${who.account.webId}> <http://xmlns.com/foaf/0.1/name> ?name }`;
      const response = await who.session.fetch(card, { method: 'PATCH', headers: { 'content-type': 'application/sparql-update' }, body: patch });
      expect(response.status, await response.text()).to.equal(204);
    };
    before(async () => {
      pod = await startTestServer({ config: { identity: true, consentCooldownSeconds: 3600, inboxLimits: { senderPerHour: 0, podPerHour: 0, maxPendingUnknown: 2 } } });
      [citizen, acme, friend] = await Promise.all([agent(pod.baseUrl, 'anna'), agent(pod.baseUrl, 'acme'), agent(pod.baseUrl, 'friend')]);
      fresh.push(...(await Promise.all(['acme2', 'acme3', 'acme4', 'acme5'].map((name) => agent(pod.baseUrl, name)))));
      owner = new OwnerClient({ podUrl: citizen.account.podUrl, fetch: citizen.session.fetch });
    });
    after(async () => {
      await Promise.all([citizen, acme, friend, ...fresh].map((a) => a.session.logout().catch(() => undefined)));
      await pod.stop();
    });

    it('keeps a refused requester waiting when it comes back with a fresh account under the same notice or name', async () => {
      // The citizen once approved a friend: known requesters are not held by the limit on strangers.
      const friendly = await send(friend, { notice: { en: 'Friend', sv: 'Vän', url: 'https://friend.example/notice', sha256: 'a'.repeat(64) } });
      expect(friendly.status).to.equal(201);
      await owner.approve(friendly.headers.get('location')!);

      await rename(acme, 'Acme AB');
      const first = await send(acme);
      expect(first.status).to.equal(201);
      await owner.deny(first.headers.get('location')!);
      expect((await send(acme)).status).to.equal(429);

      // A fresh WebID and client, but the same privacy notice: still refused.
      const sameNotice = await send(fresh[0], { notice: employerRequest(acme, citizen, ['skills']).notice });
      expect(sameNotice.status).to.equal(429);
      expect(Number(sameNotice.headers.get('retry-after'))).to.be.within(3000, 3600);
      // A fresh WebID, client and notice, but the profile claims the same organisation: still refused.
      await rename(fresh[1], 'ACME  ab.');
      const notice = (n: number) => ({ notice: { en: 'We read.', sv: 'Vi läser.', url: `https://other-${n}.example/notice`, sha256: 'b'.repeat(64) } });
      const sameName = await send(fresh[1], notice(1));
      expect(sameName.status).to.equal(429);
      expect(await sameName.text()).to.match(/refused a request from you/);

      // Wholly new identities get through, but only as many as the citizen's limit on strangers allows.
      expect((await send(fresh[2], notice(2))).status).to.equal(201);
      expect((await send(fresh[3], notice(3))).status).to.equal(201);
      const tooMany = await send(fresh[1], notice(4));
      expect(tooMany.status).to.equal(429); // its name is still cooling down
      await rename(fresh[1], 'Someone Else');
      const unknown = await send(fresh[1], notice(5));
      expect(unknown.status).to.equal(507);
      expect(await unknown.text()).to.match(/never approved/);
      // A requester the citizen has approved before still gets through.
      expect((await send(friend, { purpose: 'https://w3id.org/dpv#ServiceProvision', notice: { en: 'Friend', sv: 'Vän', url: 'https://friend.example/notice', sha256: 'a'.repeat(64) } })).status).to.equal(201);
      expect((await owner.listPending()).map((r) => r.requester)).to.have.members([fresh[2].account.webId, fresh[3].account.webId, friend.account.webId]);
    });
  });
});
