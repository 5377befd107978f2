import { expect } from 'chai';
import { OwnerClient, RequesterClient } from '../../consent/index.ts';
import { normalizeBaseUrl } from '../config.ts';
import { agent, employerRequest, writeProfile, type Agent } from '../../test-support/consent.ts';
import { freePort, startTestServer, type TestServer } from '../../test-support/server.ts';

/**
 * Two pod servers that trust each other's issuer: the employer's pod and identity live on one,
 * the citizen's on the other. Requests, receipts, reads and withdrawal notices cross between
 * them over HTTP, each server authenticating as itself where nobody else is acting.
 */
describe('consent across two pod servers', function () {
  this.timeout(60_000);
  let home: TestServer;
  let away: TestServer;
  let citizen: Agent;
  let employer: Agent;

  before(async () => {
    const [homePort, awayPort] = [await freePort(), await freePort()];
    const [homeUrl, awayUrl] = [homePort, awayPort].map((port) => normalizeBaseUrl(`http://localhost:${port}/`));
    home = await startTestServer({ config: { port: homePort, baseUrl: homeUrl, identity: true, trustedIssuers: [awayUrl] } });
    away = await startTestServer({ config: { port: awayPort, baseUrl: awayUrl, identity: true, trustedIssuers: [homeUrl] } });
    citizen = await agent(home.baseUrl, 'citizen');
    employer = await agent(away.baseUrl, 'employer');
    await writeProfile(citizen);
  });
  after(async () => {
    await Promise.all([citizen, employer].map((a) => a?.session.logout().catch(() => undefined)));
    await Promise.all([home?.stop(), away?.stop()]);
  });

  it('asks, approves, delivers the receipt to the other server, reads, withdraws and tells it', async () => {
    const requester = new RequesterClient({ fetch: employer.session.fetch, inbox: employer.inbox, webId: employer.account.webId });
    const requestUrl = await requester.sendRequest(await requester.findInbox(citizen.account.webId), employerRequest(employer, citizen, ['skills']));
    expect(requestUrl.startsWith(home.baseUrl)).to.equal(true);

    const owner = new OwnerClient({ podUrl: citizen.account.podUrl, fetch: citizen.session.fetch });
    const { record } = await owner.approve(requestUrl);
    const answer = await requester.waitForReceipt(requestUrl, { keys: `${home.baseUrl}.well-known/consent-jwks`, issuer: home.baseUrl, timeoutMs: 10_000, intervalMs: 100 });
    expect(answer.status).to.equal('given');

    expect((await requester.readGranted(citizen.account.podUrl, 'skills')).body).to.include('Welding');
    expect((await employer.session.fetch(`${citizen.account.podUrl}competence/contact`)).status).to.equal(403);

    await owner.withdraw(record);
    expect((await employer.session.fetch(`${citizen.account.podUrl}competence/skills`)).status).to.equal(403);
    expect((await requester.readWithdrawals()).map((n) => n.record)).to.deep.equal([record]);
  });

  it('publishes the server agent that signs in to other servers', async () => {
    const profile = await (await fetch(`${home.baseUrl}.well-known/agent`)).text();
    expect(profile).to.include(`solid:oidcIssuer <${home.baseUrl}>`);
  });
});
