import { expect } from 'chai';
import { Jar } from '../../test-support/cookie-jar.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

describe('account pages: CSRF protection and escaped output', () => {
  let pod: TestServer;
  const url = (path: string) => new URL(path, pod.baseUrl).href;

  before(async () => { pod = await startTestServer({ config: { identity: true } }); });
  after(async () => { await pod.stop(); });

  async function formToken(jar: Jar, path: string): Promise<string> {
    const response = jar.keep(await fetch(url(path), { headers: { cookie: jar.header() } }));
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-security-policy')).to.include("default-src 'none'");
    expect(response.headers.get('x-frame-options')).to.equal('DENY');
    return /name="csrf" value="([^"]+)"/.exec(await response.text())![1];
  }

  function submit(jar: Jar, path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(url(path), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), ...headers }, body: new URLSearchParams(fields) }).then((r) => jar.keep(r));
  }

  const person = { name: 'pages-user', email: 'pages@example.org', password: 'long enough' };

  it('refuses a sign-up form without the token, with a token from another browser, or from another origin', async () => {
    const victim = new Jar();
    await formToken(victim, '/.account/signup');
    expect((await submit(victim, '/.account/signup', person)).status).to.equal(403);
    const attacker = new Jar();
    const attackerToken = await formToken(attacker, '/.account/signup');
    expect((await submit(victim, '/.account/signup', { ...person, csrf: attackerToken })).status).to.equal(403);
    const token = await formToken(victim, '/.account/signup');
    expect((await submit(victim, '/.account/signup', { ...person, csrf: token }, { origin: 'http://evil.example' })).status).to.equal(403);
    expect((await fetch(url('/pages-user/profile/card'))).status, 'no pod was created').to.equal(404);
  });

  it('signs up with a valid form, then the account page shows the WebID', async () => {
    const jar = new Jar();
    const response = await submit(jar, '/.account/signup', { ...person, csrf: await formToken(jar, '/.account/signup') }, { origin: new URL(pod.baseUrl).origin });
    expect(response.status).to.equal(303);
    expect(response.headers.get('location')).to.equal('/.account/');
    const page = await (await fetch(url('/.account/'), { headers: { cookie: jar.header() } })).text();
    expect(page).to.include(`${pod.baseUrl}pages-user/profile/card#me`);
  });

  it('escapes what it echoes back into the page', async () => {
    const jar = new Jar();
    const hostile = { name: '<script>alert(1)</script>', email: '"><img src=x onerror=alert(2)>@x.org', password: 'long enough' };
    const response = await submit(jar, '/.account/signup', { ...hostile, csrf: await formToken(jar, '/.account/signup') });
    expect(response.status).to.equal(400);
    const body = await response.text();
    expect(body).to.not.include('<script>alert(1)');
    expect(body).to.not.include('<img src=x');
    expect(body).to.include('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('escapes credential labels on the account page and protects its forms', async () => {
    const jar = new Jar();
    await submit(jar, '/.account/signup', { name: 'label-user', email: 'label@example.org', password: 'long enough', csrf: await formToken(jar, '/.account/signup') });
    const token = await formToken(jar, '/.account/');
    expect((await submit(jar, '/.account/credential-form', { name: 'no token' })).status).to.equal(403);
    const created = await submit(jar, '/.account/credential-form', { name: '<b onmouseover=alert(3)>bold</b>', csrf: token });
    expect(created.status).to.equal(201);
    const body = await created.text();
    expect(body).to.not.include('<b onmouseover');
    expect(body).to.include('&#60;b onmouseover&#61;alert(3)&#62;');
    expect(body).to.match(/id="client-secret">[A-Za-z0-9_-]{40,}</);
  });

  it('answers a wrong password with 401 and the form again; the login form needs its token too', async () => {
    const jar = new Jar();
    const token = await formToken(jar, '/.account/login');
    const wrong = await submit(jar, '/.account/login', { email: person.email, password: 'not it', csrf: token });
    expect(wrong.status).to.equal(401);
    expect(await wrong.text()).to.include('Fel e-postadress eller lösenord');
    expect((await submit(jar, '/.account/login', { email: person.email, password: person.password })).status).to.equal(403);
    expect((await submit(jar, '/.account/interaction/some-interaction/login', { email: person.email, password: person.password })).status).to.equal(403);
    const right = await submit(jar, '/.account/login', { email: person.email, password: person.password, csrf: token });
    expect(right.status).to.equal(303);
  });
});
