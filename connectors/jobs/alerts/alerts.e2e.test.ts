import { expect } from 'chai';
import { OwnerClient } from '../../../consent/index.ts';
import { parseDocument, toTurtle, writeSection, type JobAd } from '../../../vocab/index.ts';
import { agent as podAgent, type Agent as PodAgent } from '../../../test-support/consent.ts';
import { startTestServer, type TestServer } from '../../../test-support/server.ts';
import type { Agent } from '../../kit/index.ts';
import type { Alerts } from './alerts.ts';
import { startAlertsOrigin, type AlertsOrigin } from './test-support.ts';
import type { SqliteSubscriptions } from './subscriptions.ts';

const GAS_WELDER = 'nh36_gBN_No9';
const MANUAL_WELDER = 'wf1E_nWA_EJp';
const WELDER_GROUP = 'wQ1E_Bzk_ZyA';
const NURSE = 'bXNH_MNX_dUR';
const GOTHENBURG = 'PVZL_BQT_XtL';
const VASTRA_GOTALAND = 'zdoY_6u5_Krt';
const KIRUNA = 'biN6_UiL_Qob';
const FULL_TIME = '6YE1_gAC_R2G';
const PART_TIME = '947z_JGS_Uk2';
const MIG = 'Q1D1_Pdc_rnT';
const JAVA = 'jCsR_WQX_CKD';
const AS = 'https://www.w3.org/ns/activitystreams#';

const ad = (id: string, over: Partial<JobAd> = {}): JobAd => ({
  id, headline: `Svetsare ${id}`, employer: { name: 'Verkstad AB' }, occupation: { id: GAS_WELDER },
  workplaceAddress: { municipalityConcept: GOTHENBURG, municipality: 'Göteborg' }, ...over,
});
const skillsOnly = (skill: string) => ({ mustHave: { skills: [{ id: skill }], languages: [], workExperiences: [] } });

/**
 * Job alerts end to end: a pod server with real accounts and Solid-OIDC, and the aggregator's
 * agent on its own origin, provisioned through the account API. The citizen approves through the
 * owner API; alerts arrive in her inbox; withdrawal and expiry stop them and delete the copy.
 */
describe('consented job alerts, end to end', function () {
  this.timeout(60_000);
  let pod: TestServer;
  let aggregator: AlertsOrigin;
  let origin: string;
  let agent: Agent;
  let alerts: Alerts;
  let store: SqliteSubscriptions;
  let citizen: PodAgent;
  let owner: OwnerClient;

  before(async () => {
    pod = await startTestServer({ config: { identity: true } });
    aggregator = await startAlertsOrigin(pod.baseUrl, 'jobs-agent', { inboxMaxBytes: 4096 });
    ({ origin, agent, alerts, store } = aggregator);

    citizen = await podAgent(pod.baseUrl, 'alert-citizen');
    owner = new OwnerClient({ podUrl: citizen.account.podUrl, fetch: citizen.session.fetch });
    const person = citizen.account.webId;
    const write = async (name: 'preferences' | 'skills', value: object) => {
      const url = `${citizen.account.podUrl}competence/${name}`;
      const body = await toTurtle(writeSection(name, url, value as never));
      const response = await citizen.session.fetch(url, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body });
      expect(response.ok, `writing ${name}`).to.equal(true);
    };
    await write('preferences', { person, occupations: [WELDER_GROUP], locations: [VASTRA_GOTALAND], employmentTypes: [], worktimeExtents: [FULL_TIME] });
    await write('skills', { person, skills: [{ id: '#mig', skill: MIG }] });
  });

  after(async () => {
    await aggregator?.stop();
    await citizen?.session.logout();
    await pod?.stop();
  });

  /** The ads announced in the citizen's inbox (as:object of each as:Announce). */
  async function announcedAds(): Promise<string[]> {
    const listing = await citizen.session.fetch(citizen.inbox, { headers: { accept: 'text/turtle' } });
    const g = await parseDocument(await listing.text(), { contentType: 'text/turtle', baseIri: citizen.inbox });
    const out: string[] = [];
    for (const item of g.nodes(citizen.inbox, 'http://www.w3.org/ns/ldp#contains')) {
      const response = await citizen.session.fetch(item, { headers: { accept: 'text/turtle' } });
      const note = await parseDocument(await response.text(), { contentType: 'text/turtle', baseIri: item });
      for (const s of note.instancesOf(`${AS}Announce`)) {
        expect(note.node(s, `${AS}actor`)).to.equal(agent.webId);
        out.push(note.node(s, `${AS}object`)!);
      }
    }
    return out.sort();
  }

  const ask = (body: Record<string, string>, lang = 'sv') => fetch(`${origin}/alerts?lang=${lang}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });

  async function connect(validUntil?: Date): Promise<string> {
    const response = await ask({ webId: citizen.account.webId, skills: 'yes' });
    expect(response.status).to.equal(202);
    expect(await response.text()).to.include('Förfrågan är skickad');
    const [pending] = await owner.listPending();
    expect([...pending.sections].sort()).to.deep.equal(['preferences', 'skills']);
    expect(pending.purpose).to.equal('https://w3id.org/dpv#ProvidePersonalisedRecommendations');
    expect(pending.notice.en).to.equal(await (await fetch(pending.notice.url)).text());
    const { record } = await owner.approve(pending.id, validUntil ? { validUntil } : {});
    return record;
  }

  it('shows the page in Swedish, in English on request, with errors beside the field and nothing rendered from input', async () => {
    const sv = await (await fetch(`${origin}/alerts`)).text();
    expect(sv).to.include('<html lang="sv">').and.include('Jobbevakning');
    expect(await (await fetch(`${origin}/alerts?lang=en`)).text()).to.include('Job alerts');
    const empty = await ask({ webId: '' }, 'en');
    expect(empty.status).to.equal(400);
    expect(await empty.text()).to.match(/<p class="error" id="webId-error">Enter your WebID\.<\/p>\s*<input id="webId"[^>]*aria-invalid="true"/);
    const hostile = await ask({ webId: 'javascript:alert(1)//"><script>alert(1)</script>' });
    expect(hostile.status).to.equal(400);
    const html = await hostile.text();
    expect(html).not.to.include('<script>');
    expect(html).to.include('&#34;&#62;&#60;script&#62;');
    const nobody = await ask({ webId: `${origin}/no-such-profile#me` });
    expect(nobody.status).to.equal(422);
    expect(await nobody.text()).to.include('Vi hittade ingen inkorg');
  });

  it('sends matching new ads to the citizen’s inbox once, and none that do not match', async () => {
    const record = await connect();
    expect(store.get(record)?.profile).to.deep.equal({ occupations: [WELDER_GROUP], locations: [VASTRA_GOTALAND], employmentTypes: [], worktimeExtents: [FULL_TIME], skills: [MIG] });
    const ads = [
      ad('match-1', { worktimeExtent: { id: FULL_TIME }, ...skillsOnly(MIG) }),
      ad('match-2', { occupation: { id: MANUAL_WELDER }, workplaceAddress: { municipalityCode: '1480' } }),
      ad('nurse', { occupation: { id: NURSE } }),
      ad('kiruna', { workplaceAddress: { municipalityConcept: KIRUNA } }),
      ad('part-time', { worktimeExtent: { id: PART_TIME } }),
      ad('java', skillsOnly(JAVA)),
    ];
    expect(await alerts.notifyNewAds(ads)).to.deep.equal({ sent: 2, subscriptions: 1 });
    expect(await announcedAds()).to.deep.equal([`${origin}/ads/match-1`, `${origin}/ads/match-2`]);
    expect(await alerts.notifyNewAds(ads), 'never the same ad twice').to.deep.equal({ sent: 0, subscriptions: 1 });
    expect(await announcedAds()).to.have.length(2);
  });

  it('stops and deletes the copy at once when the citizen withdraws; the next read is refused', async () => {
    const [grant] = await owner.listActiveGrants();
    await owner.withdraw(grant.id);
    expect(store.all(), 'the copy is deleted when the notice arrives').to.deep.equal([]);
    expect((await agent.fetch(`${citizen.account.podUrl}competence/preferences`)).status).to.equal(403);
    expect(await alerts.notifyNewAds([ad('after-withdrawal')])).to.deep.equal({ sent: 0, subscriptions: 0 });
    expect(await announcedAds()).to.have.length(2);
  });

  it('stops and deletes the copy when the consent expires', async () => {
    const record = await connect(new Date(Date.now() + 2500));
    expect(store.get(record)).not.to.equal(undefined);
    expect((await alerts.notifyNewAds([ad('before-expiry')])).sent).to.equal(1);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await agent.fetch(`${citizen.account.podUrl}competence/preferences`)).status).to.equal(403);
    expect(await alerts.notifyNewAds([ad('after-expiry')])).to.deep.equal({ sent: 0, subscriptions: 1 });
    expect(store.all()).to.deep.equal([]);
    expect(agent.consent(record)?.status).to.equal('expired');
    expect(await announcedAds()).to.deep.equal([`${origin}/ads/before-expiry`, `${origin}/ads/match-1`, `${origin}/ads/match-2`]);
  });

  it('sweeps: subscribes once preferences appear, and ends subscriptions whose consent ran out', async () => {
    const late = await podAgent(pod.baseUrl, 'late-citizen');
    try {
      const response = await ask({ webId: late.account.webId });
      expect(response.status).to.equal(202);
      const lateOwner = new OwnerClient({ podUrl: late.account.podUrl, fetch: late.session.fetch });
      const [pending] = await lateOwner.listPending();
      const { record } = await lateOwner.approve(pending.id, { validUntil: new Date(Date.now() + 2500) });
      expect(store.get(record), 'no preferences yet: nothing to copy').to.equal(undefined);
      const url = `${late.account.podUrl}competence/preferences`;
      const body = await toTurtle(writeSection('preferences', url, { person: late.account.webId, occupations: [NURSE], locations: [], employmentTypes: [], worktimeExtents: [] }));
      expect((await late.session.fetch(url, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body })).ok).to.equal(true);
      await alerts.sweep();
      expect(store.get(record)?.profile.occupations).to.deep.equal([NURSE]);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(await alerts.sweep()).to.deep.equal({ checked: 1, removed: 1 });
      expect(store.all()).to.deep.equal([]);
    } finally {
      await late.session.logout();
    }
  });

  it('refuses unauthenticated and oversized notifications at the aggregator’s inbox', async () => {
    expect((await fetch(agent.inbox, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: '<> a <urn:x>.' })).status).to.equal(401);
    const big = await citizen.session.fetch(agent.inbox, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: `<> a <urn:x>. #${'x'.repeat(5000)}` });
    expect(big.status).to.equal(413);
  });
});
