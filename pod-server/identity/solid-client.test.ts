import { expect } from 'chai';
import { createContainerAt, getSolidDataset, getStringNoLocale, getThing, saveSolidDatasetAt, setThing, buildThing, createSolidDataset, universalAccess } from '@inrupt/solid-client';
import { Session } from '@inrupt/solid-client-authn-node';
import { createCredentials, createPod, type PodAccount } from '../../test-support/identity.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

const NAME = 'http://schema.org/name';

/** The real Solid client libraries, logged in with credentials from the account API. */
describe('Solid clients against the identity provider and pods', () => {
  let pod: TestServer;
  const sessions: Session[] = [];
  let alice: PodAccount;
  let bob: PodAccount;
  let carol: PodAccount;

  async function login(account: PodAccount): Promise<Session> {
    const credentials = await createCredentials(pod.baseUrl, account);
    const session = new Session();
    await session.login({ clientId: credentials.clientId, clientSecret: credentials.clientSecret, oidcIssuer: credentials.issuer });
    sessions.push(session);
    return session;
  }

  before(async () => {
    pod = await startTestServer({ config: { identity: true } });
    [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((name) => createPod(pod.baseUrl, name)));
  });
  after(async () => {
    await Promise.all(sessions.map((s) => s.logout({ logoutType: 'app' })));
    await pod.stop();
  });

  it('logs in with client credentials, writes private data, shares it with one person and nobody else', async () => {
    const aliceSession = await login(alice);
    expect(aliceSession.info.isLoggedIn).to.equal(true);
    expect(aliceSession.info.webId).to.equal(alice.webId);

    const container = `${alice.podUrl}private/`;
    await createContainerAt(container, { fetch: aliceSession.fetch });
    const notesUrl = `${container}notes`;
    const note = buildThing({ url: `${notesUrl}#it` }).addStringNoLocale(NAME, 'Private note').build();
    await saveSolidDatasetAt(notesUrl, setThing(createSolidDataset(), note), { fetch: aliceSession.fetch });
    const readBack = await getSolidDataset(notesUrl, { fetch: aliceSession.fetch });
    expect(getStringNoLocale(getThing(readBack, `${notesUrl}#it`)!, NAME)).to.equal('Private note');

    const bobSession = await login(bob);
    const carolSession = await login(carol);
    await expectStatus(getSolidDataset(notesUrl, { fetch: bobSession.fetch }), 403);

    await universalAccess.setAgentAccess(notesUrl, bob.webId, { read: true }, { fetch: aliceSession.fetch });

    const bobReads = await getSolidDataset(notesUrl, { fetch: bobSession.fetch });
    expect(getStringNoLocale(getThing(bobReads, `${notesUrl}#it`)!, NAME)).to.equal('Private note');
    await expectStatus(getSolidDataset(notesUrl, { fetch: carolSession.fetch }), 403);
    await expectStatus(getSolidDataset(notesUrl), 401);
    const bobWrites = await bobSession.fetch(notesUrl, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '' });
    expect(bobWrites.status, 'read access is not write access').to.equal(403);
  });
});

async function expectStatus(promise: Promise<unknown>, status: number): Promise<void> {
  const error = await promise.then(() => undefined, (e: { statusCode?: number; response?: { status?: number } }) => e);
  expect(error, `expected HTTP ${status}`).to.not.equal(undefined);
  expect(error!.statusCode ?? error!.response?.status).to.equal(status);
}
