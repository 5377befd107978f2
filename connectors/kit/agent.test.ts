import { expect } from 'chai';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { Parser } from 'n3';
import { OwnerClient } from '../../consent/index.ts';
import { agent as podAgent, writeProfile, type Agent as PodAgent } from '../../test-support/consent.ts';
import { freePort, startTestServer, type TestServer } from '../../test-support/server.ts';
import { createAgent, type Agent } from './agent.ts';
import { ConsentEnded, type Ended } from './consents.ts';
import type { HeldConsent } from './consent-book.ts';

/** A connector on its own origin: an express app with the kit's router, listening on a free port. */
async function startConnector(pod: TestServer, dataDir: string, perSenderPerHour: number, port: number): Promise<{ agent: Agent; origin: string; stop(): Promise<void> }> {
  const origin = `http://localhost:${port}`;
  const agent = createAgent({
    origin, name: 'Test Connector', issuer: pod.baseUrl, dataDir,
    account: { podName: 'test-connector', email: 'connector@example.org' }, inbox: { maxBytes: 2048, perSenderPerHour },
    log: () => {},
  });
  const app = express();
  app.use(agent.router);
  const server: Server = await new Promise((resolve) => { const s = app.listen(port, () => resolve(s)); });
  await agent.start();
  return { agent, origin, async stop() { await agent.close(); await new Promise((resolve) => server.close(resolve)); } };
}

describe('connector kit: an agent with its own WebID, inbox and consents', function () {
  this.timeout(60_000);
  let pod: TestServer;
  let dataDir: string;
  let connector: Awaited<ReturnType<typeof startConnector>>;
  let citizen: PodAgent;
  let port: number;

  before(async () => {
    pod = await startTestServer({ config: { identity: true } });
    dataDir = await mkdtemp(join(tmpdir(), 'kit-test-'));
    port = await freePort();
    connector = await startConnector(pod, dataDir, 3, port);
    citizen = await podAgent(pod.baseUrl, 'kit-citizen');
    await writeProfile(citizen);
  });
  after(async () => {
    await connector?.stop();
    await citizen?.session.logout();
    await pod?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves its WebID profile naming its issuer and inbox, in Turtle and JSON-LD', async () => {
    const { agent, origin } = connector;
    expect(agent.webId).to.equal(`${origin}/profile/card#me`);
    const turtle = await fetch(`${origin}/profile/card`);
    expect(turtle.headers.get('content-type')).to.match(/^text\/turtle/);
    const quads = new Parser({ baseIRI: `${origin}/profile/card` }).parse(await turtle.text()).filter((q) => q.subject.value === agent.webId);
    const about = (p: string) => quads.filter((q) => q.predicate.value === p).map((q) => q.object.value);
    expect(about('http://www.w3.org/ns/solid/terms#oidcIssuer')).to.deep.equal([pod.baseUrl]);
    expect(about('http://www.w3.org/ns/ldp#inbox')).to.deep.equal([`${origin}/inbox/`]);
    expect(about('http://xmlns.com/foaf/0.1/name')).to.deep.equal(['Test Connector']);
    expect(about('http://www.w3.org/ns/solid/terms#oidcIssuerRegistrationToken'), 'the token is gone once linked').to.deep.equal([]);
    const jsonld = await (await fetch(`${origin}/profile/card`, { headers: { accept: 'application/ld+json' } })).json();
    expect(jsonld['@graph'][1]['ldp:inbox']).to.deep.equal({ '@id': `${origin}/inbox/` });
  });

  it('keeps its credentials in the data directory (0600) and acts with its own WebID', async () => {
    const file = join(dataDir, 'agent-credentials.json');
    expect((await stat(file)).mode & 0o777).to.equal(0o600);
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(stored.credentials.webId).to.equal(connector.agent.webId);
    const posted = await connector.agent.fetch(citizen.inbox, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: '<#n> a <https://www.w3.org/ns/activitystreams#Announce>.' });
    expect(posted.status).to.equal(201);
    const item = await citizen.session.fetch(posted.headers.get('location')!);
    expect(item.status).to.equal(200);
  });

  it('reuses its credentials on the next start', async () => {
    const before = await readFile(join(dataDir, 'agent-credentials.json'), 'utf8');
    await connector.stop();
    connector = await startConnector(pod, dataDir, 3, port);
    expect(await readFile(join(dataDir, 'agent-credentials.json'), 'utf8')).to.equal(before);
    expect((await connector.agent.fetch(citizen.inbox, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: '<#n> a <https://www.w3.org/ns/activitystreams#Announce>.' })).status).to.equal(201);
  });

  it('admits only authenticated senders with small RDF bodies, a few per hour', async () => {
    const inbox = connector.agent.inbox;
    const note = '<> a <https://www.w3.org/ns/activitystreams#Announce>.';
    const anonymous = await fetch(inbox, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: note });
    expect(anonymous.status).to.equal(401);
    expect(anonymous.headers.get('www-authenticate')).to.match(/^DPoP/);
    const forged = await fetch(inbox, { method: 'POST', headers: { 'content-type': 'text/turtle', authorization: 'DPoP not-a-token', dpop: 'x' }, body: note });
    expect(forged.status).to.equal(401);
    const send = (body: string, type = 'text/turtle') => citizen.session.fetch(inbox, { method: 'POST', headers: { 'content-type': type }, body });
    expect((await send(`${note}\n#${'x'.repeat(4096)}`)).status).to.equal(413);
    expect((await send('{}', 'application/json')).status).to.equal(415);
    const accepted = await send(note);
    expect(accepted.status).to.equal(201);
    expect(accepted.headers.get('location')!.startsWith(inbox)).to.equal(true);
    expect((await send(note)).status, 'the fourth POST of the hour (refusals count)').to.equal(429);
  });

  it('asks for access, takes the receipt, reads granted sections, and stops at withdrawal', async () => {
    const consents: HeldConsent[] = [];
    const ended: Ended[] = [];
    connector.agent.onConsent((c) => { consents.push(c); });
    connector.agent.onEnded((e) => { ended.push(e); });
    const requestUrl = await connector.agent.requestAccess({
      citizen: citizen.account.webId, sections: ['skills'], purpose: 'https://w3id.org/dpv#ProvidePersonalisedRecommendations',
      notice: { sv: 'Vi läser dina kompetenser.', en: 'We read your skills.', url: `${connector.origin}/privacy` }, duration: 30, retention: 7,
    });
    const owner = new OwnerClient({ podUrl: citizen.account.podUrl, fetch: citizen.session.fetch });
    const { record } = await owner.approve(requestUrl);
    expect(consents.map((c) => c.record), 'the receipt arrived in the inbox while approving').to.deep.equal([record]);
    expect(consents[0].subject).to.equal(citizen.account.webId);
    expect(await connector.agent.statusOf(record)).to.equal('given');
    expect((await connector.agent.readSection(record, 'skills')).body).to.include('Welding');
    try {
      await connector.agent.readSection(record, 'contact');
      expect.fail('contact was not granted');
    } catch (error) { expect(error).to.be.instanceOf(RangeError); }

    await owner.withdraw(record);
    expect(ended).to.deep.equal([{ record, request: requestUrl, subject: citizen.account.webId, reason: 'withdrawn' }]);
    try {
      await connector.agent.readSection(record, 'skills');
      expect.fail('read after withdrawal');
    } catch (error) { expect(error).to.be.instanceOf(ConsentEnded); }
    expect(connector.agent.activeConsents()).to.deep.equal([]);
  });
});
