import { expect } from 'chai';
import { OwnerClient, serializeRequest } from '../../consent/index.ts';
import { agent, employerRequest, type Agent } from '../../test-support/consent.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { cleanName } from './requester-names.ts';

async function rename(who: Agent, name: string): Promise<void> {
  const webId = who.account.webId;
  const response = await who.session.fetch(webId.split('#')[0], {
    method: 'PATCH', headers: { 'content-type': 'application/sparql-update' },
    body: `PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nDELETE { <${webId}> foaf:name ?n } INSERT { <${webId}> foaf:name ${JSON.stringify(name)} } WHERE { <${webId}> foaf:name ?n }`,
  });
  expect(response.status).to.be.oneOf([200, 204]);
}

/** The names a citizen is shown are the server's record of the profile when the request arrived. */
describe('requester names recorded on arrival', function () {
  this.timeout(60_000);
  let pod: TestServer;
  let citizen: Agent;
  let employer: Agent;

  before(async () => {
    pod = await startTestServer({ config: { identity: true } });
    [citizen, employer] = await Promise.all([agent(pod.baseUrl, 'citizen'), agent(pod.baseUrl, 'employer', 'Rekryteringsappen')]);
  });
  after(async () => {
    await Promise.all([citizen, employer].map((a) => a?.session.logout().catch(() => undefined)));
    await pod?.stop();
  });

  it('stores the profile name and the client name with the request and its record, ignoring names the request claims', async () => {
    await rename(employer, 'Svets & Montage AB');
    const request = { ...employerRequest(employer, citizen, ['skills']), requesterName: 'Arbetsförmedlingen', clientName: 'Officiella appen' };
    const posted = await employer.session.fetch(citizen.inbox, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: await serializeRequest(request) });
    expect(posted.status, await posted.text()).to.equal(201);
    const location = posted.headers.get('location')!;
    await rename(employer, 'Arbetsförmedlingen');

    const stored = await (await citizen.session.fetch(location)).text();
    expect(stored).to.include('"Svets & Montage AB"');
    expect(stored).to.include('"Rekryteringsappen"');
    expect(stored).not.to.include('Arbetsförmedlingen');
    expect(stored).not.to.include('Officiella appen');

    const owner = new OwnerClient({ podUrl: citizen.account.podUrl, fetch: citizen.session.fetch });
    const [pending] = await owner.listPending();
    expect([pending.requesterName, pending.clientName]).to.deep.equal(['Svets & Montage AB', 'Rekryteringsappen']);
    await owner.approve(pending.id);
    const [record] = await owner.listActiveGrants();
    expect([record.requesterName, record.clientName]).to.deep.equal(['Svets & Montage AB', 'Rekryteringsappen']);
    const recordText = await (await citizen.session.fetch(record.id)).text();
    expect(recordText).to.include('"Svets & Montage AB"');
  });

  it('keeps names to one printable line of at most 200 characters', () => {
    expect(cleanName('  Volvo\n\tCars\u202e AB ')).to.equal('Volvo Cars AB');
    expect(cleanName('x'.repeat(500))).to.have.length(200);
    expect(cleanName('   ')).to.equal(undefined);
    expect(cleanName(42)).to.equal(undefined);
  });
});
