import { expect } from 'chai';
import { agent, type Agent } from '../../test-support/consent.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

/** The longest the event loop went without turning while `work` ran (a 10 ms interval that fires late). */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return longest;
}

/** R2's inbox vector: an authenticated stranger posts a large JSON-LD "access request" to a citizen's inbox. */
describe('large JSON-LD access requests posted to an inbox', function () {
  this.timeout(60_000);
  let pod: TestServer;
  let citizen: Agent;
  let stranger: Agent;
  const request = (values: number) => JSON.stringify({
    '@context': { jm: 'https://w3id.org/jobtech-mydata/vocab#' },
    '@id': '',
    '@type': 'jm:AccessRequest',
    'http://example.org/note': Array.from({ length: values }, (_, i) => `note ${i}`),
  });
  const post = (body: string) => stranger.session.fetch(citizen.inbox, { method: 'POST', headers: { 'content-type': 'application/ld+json' }, body });

  before(async () => {
    // The inbox's own size limit (64 KB by default) is turned off here, so that the consent
    // protocol's bounds behind it are what these tests reach; the last test puts it back.
    pod = await startTestServer({ config: { identity: true, maxBodyBytes: 4 << 20, inboxLimits: { maxNotificationBytes: 0, senderPerHour: 0 } } });
    [citizen, stranger] = await Promise.all([agent(pod.baseUrl, 'anna'), agent(pod.baseUrl, 'mallory')]);
  });
  after(async () => {
    await Promise.all([citizen, stranger].map((a) => a.session.logout().catch(() => undefined)));
    await pod.stop();
  });

  it('refuses a 184 KB one (15 000 statements) with 400 and never holds the event loop for long (9 s before)', async () => {
    const body = request(15_000);
    let response: Response | undefined;
    const stall = await longestStall(async () => { response = await post(body); });
    expect(response!.status).to.equal(400);
    expect(await response!.text()).to.match(/15001 statements; [^\n]* at most 1000/);
    expect(stall).to.be.below(2000); // generous: it was 9 s, now the document is read in a worker and counted before validation
  });

  it('refuses a 1.3 MB one by its size, before parsing it', async () => {
    const body = request(100_000);
    const response = await post(body);
    const text = await response.text();
    expect(response.status, text).to.equal(400);
    expect(text).to.match(new RegExp(`${body.length} characters; [^\\n]* at most 262144`));
  });

  it('is refused by the inbox size limit first, with the default settings (413)', async () => {
    const defaults = await startTestServer({ config: { identity: true } });
    const agents: Agent[] = [];
    try {
      agents.push(...await Promise.all([agent(defaults.baseUrl, 'anna'), agent(defaults.baseUrl, 'mallory')]));
      const [owner, sender] = agents;
      const response = await sender.session.fetch(owner.inbox, { method: 'POST', headers: { 'content-type': 'application/ld+json' }, body: request(15_000) });
      expect(response.status, await response.text()).to.equal(413);
    } finally {
      // A session left logged in keeps a refresh timer, and the test run would never exit.
      await Promise.all(agents.map((a) => a.session.logout().catch(() => undefined)));
      await defaults.stop();
    }
  });
});
