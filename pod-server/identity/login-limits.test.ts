import { expect } from 'chai';
import { basic, createPod } from '../../test-support/identity.ts';
import { Jar } from '../../test-support/cookie-jar.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

describe('password guessing: limits per account, per device and per client address', () => {
  let pod: TestServer;
  const url = (path: string) => new URL(path, pod.baseUrl).href;
  /** The Basic-authenticated account API, from `address` (the server trusts X-Forwarded-For from loopback here). */
  const attempt = (email: string, password: string, address: string, jar?: Jar) =>
    fetch(url('/.account/credentials'), { headers: { authorization: basic(email, password), 'x-forwarded-for': address, ...(jar ? { cookie: jar.header() } : {}) } })
      .then((response) => (jar ? jar.keep(response) : response));

  before(async () => {
    pod = await startTestServer({ config: { identity: true, trustProxy: 'loopback', loginFailuresPerAddress: 12, loginFailuresPerAccount: 10, passwordHashQueue: 100 } });
  });
  after(async () => { await pod.stop(); });

  it('counts parallel guesses before checking them: of 40 at once, 10 are checked and 30 refused', async () => {
    const target = await createPod(pod.baseUrl, 'parallel');
    // Each guess from its own address, so only the per-account limit applies.
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(target.email, `guess ${i}`, `10.1.0.${i + 1}`)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401), 'checked (wrong password)').to.have.length(10);
    expect(statuses.filter((s) => s === 429), 'refused before checking').to.have.length(30);
    const refused = responses.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).to.be.greaterThan(0);
    expect(await refused.text()).to.match(/Too many wrong passwords for this account/);
  });

  it('lets the owner in from a known device after a stranger spent the account\'s guesses', async () => {
    const owner = await createPod(pod.baseUrl, 'owner-device');
    const laptop = new Jar();
    expect((await attempt(owner.email, owner.password, '10.2.0.1', laptop)).status).to.equal(200);
    expect(laptop.cookies.get('device'), 'a device cookie after a successful login').to.be.a('string');
    for (let i = 0; i < 10; i++) expect((await attempt(owner.email, `stranger ${i}`, `10.3.0.${i + 1}`)).status).to.equal(401);
    expect((await attempt(owner.email, owner.password, '10.3.0.99')).status, 'an unknown device waits').to.equal(429);
    expect((await attempt(owner.email, owner.password, '10.2.0.1', laptop)).status, 'the owner\'s laptop does not').to.equal(200);
  });

  it('lets the owner log in on the HTML form from a known device after a stranger\'s guesses', async () => {
    const owner = await createPod(pod.baseUrl, 'owner-form');
    const browser = new Jar();
    const formToken = async () => /name="csrf" value="([^"]+)"/.exec(await browser.keep(await fetch(url('/.account/login'), { headers: { cookie: browser.header() } })).text())![1];
    const logIn = async (password: string) => {
      const csrf = await formToken();
      return browser.keep(await fetch(url('/.account/login'), {
        method: 'POST', redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: browser.header(), 'x-forwarded-for': '10.4.0.1' },
        body: new URLSearchParams({ email: owner.email, password, csrf }),
      }));
    };
    expect((await logIn(owner.password)).status).to.equal(303);
    for (let i = 0; i < 12; i++) await attempt(owner.email, `stranger ${i}`, `10.5.0.${i + 1}`);
    expect((await attempt(owner.email, owner.password, '10.5.0.99')).status).to.equal(429);
    const again = await logIn(owner.password);
    expect(again.status).to.equal(303);
    expect(again.headers.get('location')).to.equal('/.account/');
    const wrong = await logIn('typo');
    expect(wrong.status, 'a typo from the known device is just wrong').to.equal(401);
  });

  it('a device cookie of one account gives no budget for another', async () => {
    const mine = await createPod(pod.baseUrl, 'cookie-mine');
    const theirs = await createPod(pod.baseUrl, 'cookie-theirs');
    const jar = new Jar();
    expect((await attempt(mine.email, mine.password, '10.6.0.1', jar)).status).to.equal(200);
    for (let i = 0; i < 10; i++) await attempt(theirs.email, `guess ${i}`, `10.7.0.${i + 1}`);
    expect((await attempt(theirs.email, theirs.password, '10.6.0.1', jar)).status).to.equal(429);
  });

  it('stops one address guessing across many accounts, before hashing, while others log in', async () => {
    const victim = await createPod(pod.baseUrl, 'address-victim');
    const attacker = '10.8.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await attempt(`nobody${i}@example.org`, 'guess', attacker)).status);
    expect(statuses.slice(0, 12)).to.deep.equal(Array(12).fill(401));
    expect(statuses.slice(12)).to.deep.equal([429, 429]);
    expect((await attempt(victim.email, victim.password, attacker)).status, 'even a right password waits on that address').to.equal(429);
    expect((await attempt(victim.email, victim.password, '10.9.0.1')).status, 'another address is not affected').to.equal(200);
  });

  it('does not count successful logins against the address', async () => {
    const person = await createPod(pod.baseUrl, 'many-logins');
    for (let i = 0; i < 15; i++) expect((await attempt(person.email, person.password, '10.10.0.1')).status).to.equal(200);
  });
});
