import { expect } from 'chai';
import { createPod, type PodAccount } from '../../test-support/identity.ts';
import { Jar } from '../../test-support/cookie-jar.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { validatePodName } from './pod-names.ts';

describe('account sessions, cookies and the way back after logging in', () => {
  let pod: TestServer;
  let person: PodAccount;
  const url = (path: string) => new URL(path, pod.baseUrl).href;
  const get = (path: string, jar: Jar, headers: Record<string, string> = {}) => fetch(url(path), { redirect: 'manual', headers: { cookie: jar.header(), ...headers } }).then((r) => jar.keep(r));

  async function formToken(jar: Jar, path: string): Promise<string> {
    return /name="csrf" value="([^"]+)"/.exec(await (await get(path, jar)).text())![1];
  }
  async function post(jar: Jar, path: string, fields: Record<string, string>): Promise<Response> {
    const csrf = await formToken(jar, path === '/.account/logout' ? '/.account/' : path.split('?')[0]);
    return jar.keep(await fetch(url(path), {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
      body: new URLSearchParams({ ...fields, csrf }),
    }));
  }

  before(async () => {
    pod = await startTestServer({ config: { identity: true } });
    person = await createPod(pod.baseUrl, 'session-user');
  });
  after(async () => { await pod.stop(); });

  it('ends the session on the server at logout: a cookie copied before it opens nothing afterwards', async () => {
    const browser = new Jar();
    expect((await post(browser, '/.account/login', { email: person.email, password: person.password })).status).to.equal(303);
    const copied = new Jar();
    copied.cookies.set('account', browser.cookies.get('account')!);
    expect((await get('/.account/', copied)).status, 'the copy works while the session lives').to.equal(200);
    const out = await post(browser, '/.account/logout', {});
    expect(out.status).to.equal(303);
    const after = await get('/.account/', copied);
    expect(after.status).to.equal(303);
    expect(after.headers.get('location')).to.match(/^\/\.account\/login/);
    const consent = await get('/.account/consent', copied);
    expect(consent.status, 'nor the consent pages').to.equal(303);
  });

  it('keeps other sessions of the same account when one browser logs out', async () => {
    const phone = new Jar();
    const laptop = new Jar();
    await post(phone, '/.account/login', { email: person.email, password: person.password });
    await post(laptop, '/.account/login', { email: person.email, password: person.password });
    await post(phone, '/.account/logout', {});
    expect((await get('/.account/', laptop)).status).to.equal(200);
    expect((await get('/.account/', phone)).status).to.equal(303);
  });

  it('ignores malformed cookies instead of answering 500', async () => {
    for (const [path, cookie, status] of [
      ['/.account/login', 'csrf=%E0%A4%A', 200],
      ['/.account/', 'account=%', 303],
      ['/.account/', 'account=%; csrf=%zz; device=%', 303],
      ['/.account/signup', 'csrf=%', 200],
    ] as const) {
      const response = await fetch(url(path), { redirect: 'manual', headers: { cookie } });
      expect(response.status, `${path} with ${cookie}`).to.equal(status);
    }
    const jar = new Jar();
    const token = await formToken(jar, '/.account/login');
    const broken = await fetch(url('/.account/login'), {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${jar.header()}; device=%E0%A4%A; account=%` },
      body: new URLSearchParams({ email: person.email, password: person.password, csrf: token }),
    });
    expect(broken.status, 'a bad device cookie is no device').to.equal(303);
  });

  it('returns to the page the person came from after logging in, and only to a page on this server', async () => {
    const login = await get('/.account/login?return=%2Fsession-user%2Fprofile%2Fcard%3Fx%3D1', new Jar());
    expect(await login.text()).to.include('name="return" value="/session-user/profile/card?x&#61;1"');
    const cases: [string, string][] = [
      ['/session-user/profile/card', '/session-user/profile/card'],
      ['/.account/consent?page=2', '/.account/consent?page=2'],
      ['//evil.example/steal', '/.account/'],
      ['/\\evil.example', '/.account/'],
      ['https://evil.example/', '/.account/'],
      ['javascript:alert(1)', '/.account/'],
      ['/%0d%0aSet-Cookie:x=1', '/%0d%0aSet-Cookie:x=1'],
      ['/\tevil', '/.account/'],
      ['/.account/logout', '/.account/'],
      ['', '/.account/'],
    ];
    for (const [back, expected] of cases) {
      const response = await post(new Jar(), '/.account/login', { email: person.email, password: person.password, return: back });
      expect(response.status, back).to.equal(303);
      expect(response.headers.get('location'), back).to.equal(expected);
    }
  });

  it('sends a logged-out visitor of the account page to log-in and back', async () => {
    const response = await get('/.account/', new Jar());
    expect(response.headers.get('location')).to.equal('/.account/login?return=%2F.account%2F');
  });

  it('gives the sign-up form a pattern that browsers accept (v flag) and that agrees with the server', async () => {
    const text = await (await get('/.account/signup', new Jar())).text();
    const input = /<input id="name"[^>]*>/.exec(text)![0];
    const pattern = /pattern="([^"]*)"/.exec(input)![1].replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));
    const min = Number(/minlength="(\d+)"/.exec(input)![1]);
    const max = Number(/maxlength="(\d+)"/.exec(input)![1]);
    const browser = new RegExp(`^(?:${pattern})$`, 'v');
    const server = (name: string) => { try { validatePodName(name); return true; } catch { return false; } };
    for (const name of ['ab', 'a-b', 'abc-12-x', 'a'.repeat(40), 'a', 'a'.repeat(41), '-ab', 'ab-', 'a--b', 'A-b', 'a_b', 'a b', 'å-b']) {
      const accepted = browser.test(name) && name.length >= min && name.length <= max;
      expect(accepted, name).to.equal(server(name));
    }
  });
});
