import { expect } from 'chai';
import { mkdtemp, readFile, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OwnerClient, RequesterClient } from '../../consent/index.ts';
import { Session } from '@inrupt/solid-client-authn-node';
import { agent, employerRequest, writeProfile, type Agent } from '../../test-support/consent.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

/**
 * A crash or a full disk can leave the access log's last line unfinished. The server cuts
 * it off when it loads the pod, notes the repair for the owner, and consent keeps working:
 * it never locks the pod (it used to answer 500 for good).
 */
describe('a torn access log is repaired on load (file storage, restart)', function () {
  this.timeout(60_000);
  let dataDir: string;
  let pod: TestServer;
  let citizen: Agent;
  let employer: Agent;
  const start = (port?: number) => startTestServer({ storage: 'file', dataDir, config: { identity: true, ...(port ? { port, baseUrl: `http://localhost:${port}/` } : {}) } });
  const skills = () => `${citizen.account.podUrl}competence/skills`;
  const logFile = () => join(dataDir, citizen.account.name, 'consent', 'access-log');

  async function relogin(who: Agent): Promise<Agent> {
    await who.session.logout().catch(() => undefined);
    const session = new Session();
    const { clientId, clientSecret, issuer } = who.credentials;
    await session.login({ clientId, clientSecret, oidcIssuer: issuer, tokenType: 'DPoP' });
    return { ...who, session };
  }

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'log-repair-'));
    pod = await start();
    [citizen, employer] = await Promise.all([agent(pod.baseUrl, 'anna'), agent(pod.baseUrl, 'acme')]);
    await writeProfile(citizen);
  });
  after(async () => {
    await Promise.all([citizen, employer].map((a) => a.session.logout().catch(() => undefined)));
    await pod.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('cuts the unfinished line, records the repair, and grant reads and the owner\'s log work', async () => {
    const requester = new RequesterClient({ fetch: employer.session.fetch, inbox: employer.inbox, webId: employer.account.webId });
    const owner = () => new OwnerClient({ podUrl: citizen.account.podUrl, fetch: citizen.session.fetch });
    await owner().approve(await requester.sendRequest(citizen.inbox, employerRequest(employer, citizen, ['skills'])));
    for (let i = 0; i < 2; i++) expect((await employer.session.fetch(skills())).status).to.equal(200);

    // With the server stopped, the second line loses its end, as a crash mid-append would leave it.
    const port = Number(new URL(pod.baseUrl).port);
    await pod.stop();
    const text = await readFile(logFile(), 'utf8');
    const [first, second] = text.split('\n');
    await truncate(logFile(), Buffer.byteLength(`${first}\n`) + 40);
    pod = await start(port);
    // The same clients log in again (a grant is bound to its client).
    [citizen, employer] = await Promise.all([citizen, employer].map(relogin));

    const read = await employer.session.fetch(skills());
    expect(read.status).to.equal(200);
    expect(await read.text()).to.include('Welding');
    expect((await owner().listActiveGrants())).to.have.length(1);
    const { entries, verification } = await owner().readAccessLog();
    expect(verification).to.include({ valid: true, count: 2 });
    expect(entries.map((e) => e.seq)).to.deep.equal([1, 2]);
    expect(entries[1].prev).to.equal(entries[0].hash);

    const note = await citizen.session.fetch(`${citizen.account.podUrl}consent/access-log-repairs`);
    expect(note.status).to.equal(200);
    const repairs = (await note.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(repairs).to.have.length(1);
    expect(repairs[0]).to.include({ keptBytes: Buffer.byteLength(`${first}\n`), removedBytes: 40, removed: second.slice(0, 40) });
    // Only the owner sees it.
    expect((await employer.session.fetch(`${citizen.account.podUrl}consent/access-log-repairs`)).status).to.equal(403);
  });
});
