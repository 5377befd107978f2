import { expect } from 'chai';
import { OwnerClient, RequesterClient, verifyChain, ConsentHttpError } from '../../consent/index.ts';
import { agent, employerRequest, login, writeProfile, type Agent } from '../../test-support/consent.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

/**
 * The whole protocol with three separate identities and the real client libraries: a citizen,
 * an employer and an unrelated agent, each logged in with its own Solid-OIDC session.
 */
describe('consent end to end (citizen, employer, unrelated agent)', function () {
  this.timeout(60_000);
  let pod: TestServer;
  let citizen: Agent;
  let employer: Agent;
  let stranger: Agent;
  let owner: OwnerClient;
  let requester: RequesterClient;
  const section = (name: string) => `${citizen.account.podUrl}competence/${name}`;
  const status = async (agentFetch: typeof fetch, url: string) => (await agentFetch(url)).status;

  before(async () => {
    pod = await startTestServer({ config: { identity: true, consentCooldownSeconds: 4 } });
    [citizen, employer, stranger] = await Promise.all([agent(pod.baseUrl, 'anna'), agent(pod.baseUrl, 'acme'), agent(pod.baseUrl, 'mallory')]);
    await writeProfile(citizen);
    owner = new OwnerClient({ podUrl: citizen.account.podUrl, fetch: citizen.session.fetch });
    requester = new RequesterClient({ fetch: employer.session.fetch, inbox: employer.inbox, webId: employer.account.webId });
  });
  after(async () => {
    await Promise.all([citizen, employer, stranger].map((a) => a.session.logout().catch(() => undefined)));
    await pod.stop();
  });

  it('runs request -> partial approval -> reads -> withdrawal -> notification -> verified log', async () => {
    // Before any consent the employer can read nothing.
    expect(await status(employer.session.fetch, section('skills'))).to.equal(403);

    const inbox = await requester.findInbox(citizen.account.webId);
    const requestUrl = await requester.sendRequest(inbox, employerRequest(employer, citizen, ['skills', 'experience', 'contact']));
    const [pending] = await owner.listPending();
    expect(pending.id).to.equal(requestUrl);
    expect(pending.sections).to.deep.equal(['skills', 'experience', 'contact']);

    const decision = await owner.approve(requestUrl, { sections: ['skills', 'experience'] });
    const answer = await requester.waitForReceipt(requestUrl, { keys: `${pod.baseUrl}.well-known/consent-jwks`, issuer: pod.baseUrl, timeoutMs: 10_000, intervalMs: 100 });
    expect(answer.status).to.equal('given');
    if (answer.status !== 'given') return;
    expect(answer.claims.jti).to.equal(decision.record);
    expect(answer.claims.sections).to.deep.equal(['skills', 'experience']);
    expect(await requester.checkStatus(answer.receipt, answer.claims.status_url)).to.include({ valid: true, status: 'given' });

    expect((await employer.session.fetch(section('skills'), { method: 'HEAD' })).headers.get('wac-allow')).to.equal('user="read",public=""');
    const skills = await requester.readGranted(citizen.account.podUrl, 'skills');
    expect(skills.body).to.include('Welding (MIG/MAG)');
    expect((await requester.readGranted(citizen.account.podUrl, 'experience')).body).to.include('Volvo');
    expect(await status(employer.session.fetch, section('contact'))).to.equal(403);
    expect(await status(employer.session.fetch, `${citizen.account.podUrl}profile/private`)).to.be.oneOf([403, 404]);
    expect(await status(employer.session.fetch, `${citizen.account.podUrl}consent/access-log`)).to.equal(403);
    expect(await status(stranger.session.fetch, section('skills'))).to.equal(403);
    expect(await status(fetch, section('skills'))).to.equal(401);
    // A grant is to read: writing is still refused.
    const write = await employer.session.fetch(section('skills'), { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '<#x> <#y> "z".' });
    expect(write.status).to.equal(403);

    expect((await owner.listActiveGrants()).map((g) => g.id)).to.deep.equal([decision.record]);
    await owner.withdraw(decision.record);
    expect(await status(employer.session.fetch, section('skills'))).to.equal(403);
    expect(await requester.checkStatus(answer.receipt, answer.claims.status_url)).to.include({ valid: false, status: 'withdrawn' });
    const withdrawals = await requester.readWithdrawals();
    expect(withdrawals.map((n) => n.record)).to.deep.equal([decision.record]);

    const { entries, verification } = await owner.readAccessLog();
    expect(verification.valid).to.equal(true);
    expect(entries.map((e) => [e.grantee, e.resource, e.mode, e.recordId])).to.deep.equal([
      [employer.account.webId, section('skills'), 'read', decision.record],
      [employer.account.webId, section('skills'), 'read', decision.record],
      [employer.account.webId, section('experience'), 'read', decision.record],
    ]);
    expect(entries.every((e) => e.clientId === employer.credentials.clientId)).to.equal(true);
    const [exported] = await owner.exportRecords();
    expect(exported.statusHistory.map((s) => s.status)).to.deep.equal(['given', 'withdrawn']);
  });

  it('binds a grant to the client it was asked for: the same WebID with another app gets nothing', async () => {
    const otherApp = await login(pod.baseUrl, employer.account, 'other-app');
    try {
      const requestUrl = await requester.sendRequest(citizen.inbox, employerRequest(employer, citizen, ['skills']));
      await owner.approve(requestUrl);
      expect(await status(employer.session.fetch, section('skills'))).to.equal(200);
      const refused = await otherApp.session.fetch(section('skills'));
      expect(refused.status).to.equal(403);
      expect(await refused.text()).to.match(/client/);
    } finally {
      await otherApp.session.logout();
    }
    for (const grant of await owner.listActiveGrants()) await owner.withdraw(grant.id);
  });

  it('denies once the grant has expired', async () => {
    const requestUrl = await requester.sendRequest(citizen.inbox, employerRequest(employer, citizen, ['experience']));
    await owner.approve(requestUrl, { validUntil: new Date(Date.now() + 3000).toISOString() });
    expect(await status(employer.session.fetch, section('experience'))).to.equal(200);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    const expired = await employer.session.fetch(section('experience'));
    expect(expired.status).to.equal(403);
    expect(await expired.text()).to.match(/expired/);
    const record = (await owner.exportRecords()).find((r) => r.request === requestUrl)!;
    expect(record.statusHistory.map((change) => change.status)).to.deep.equal(['given', 'expired']);
    expect(record.statusHistory[1].at).to.equal(record.validUntil);
  });

  it('allows and logs writes when the citizen granted write', async () => {
    const requestUrl = await requester.sendRequest(citizen.inbox, employerRequest(employer, citizen, ['preferences'], { modes: ['read', 'write'] }));
    const { record } = await owner.approve(requestUrl);
    // A grant covers the section's document, not its container: the document must exist.
    expect((await employer.session.fetch(section('preferences'), { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '<#p> <#q> "x".' })).status).to.equal(403);
    await citizen.session.fetch(section('preferences'), { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '<#p> <http://schema.org/name> "Office work".' });
    const written = await employer.session.fetch(section('preferences'), { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '<#p> <http://schema.org/name> "Remote work".' });
    expect(written.status).to.equal(204);
    const patched = await employer.session.fetch(section('preferences'), { method: 'PATCH', headers: { 'content-type': 'application/sparql-update' }, body: `INSERT DATA { <${section('preferences')}#p> <http://schema.org/description> "Hybrid is fine" . }` });
    expect(patched.status).to.equal(204);
    expect(await (await citizen.session.fetch(section('preferences'))).text()).to.include('Hybrid is fine');
    const uses = (await owner.readAccessLog()).entries.filter((e) => e.recordId === record);
    expect(uses.map((e) => [e.resource, e.mode])).to.deep.equal([[section('preferences'), 'write'], [section('preferences'), 'append']]); // an insert-only patch needs Append
    // Control stays with the citizen: no grant reaches the ACL.
    expect((await employer.session.fetch(`${section('preferences')}.acl`)).status).to.equal(403);
    await owner.withdraw(record);
  });

  it('refuses a request whose requester is not the sender', async () => {
    const before = (await owner.listPending()).length;
    const forged = employerRequest(employer, citizen, ['skills']);
    const strangerClient = new RequesterClient({ fetch: stranger.session.fetch, inbox: stranger.inbox, webId: stranger.account.webId });
    const error = await strangerClient.sendRequest(citizen.inbox, forged).then(() => undefined, (e: ConsentHttpError) => e);
    expect(error?.status).to.equal(403);
    expect(String(error?.message)).to.match(/sent by/);
    expect((await owner.listPending()).length).to.equal(before);
  });

  it('refuses an invalid request with the report and stores nothing', async () => {
    const before = (await owner.listPending()).length;
    const bad = `@prefix jm: <https://w3id.org/jobtech-mydata/vocab#>. <> a jm:AccessRequest; jm:requester <${stranger.account.webId}>.`;
    const response = await stranger.session.fetch(citizen.inbox, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: bad });
    expect(response.status).to.equal(400);
    expect(await response.text()).to.match(/data subject/);
    expect((await owner.listPending()).length).to.equal(before);
  });

  it('makes a refused requester wait before asking again (429)', async () => {
    const requestUrl = await requester.sendRequest(citizen.inbox, employerRequest(employer, citizen, ['contact']));
    await owner.deny(requestUrl);
    const again = await employer.session.fetch(citizen.inbox, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: await (await import('../../consent/index.ts')).serializeRequest(employerRequest(employer, citizen, ['contact'])) });
    expect(again.status).to.equal(429);
    expect(Number(again.headers.get('retry-after'))).to.be.within(1, 4);
    await new Promise((resolve) => setTimeout(resolve, 4100));
    expect(await requester.sendRequest(citizen.inbox, employerRequest(employer, citizen, ['contact']))).to.match(/consent\/requests\//);
  });

  it('lets only the owner decide, list and read the log', async () => {
    const intruder = new OwnerClient({ podUrl: citizen.account.podUrl, fetch: employer.session.fetch });
    const error = await intruder.listPending().then(() => undefined, (e: ConsentHttpError) => e);
    expect(error?.status).to.equal(403);
    const decide = await employer.session.fetch(`${citizen.account.podUrl}.consent/decisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ request: `${citizen.account.podUrl}consent/requests/x`, decision: 'approve' }) });
    expect(decide.status).to.equal(403);
    const log = await owner.readAccessLog();
    expect(verifyChain(log.entries).valid).to.equal(true);
  });
});
