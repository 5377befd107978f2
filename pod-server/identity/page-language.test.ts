import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPod } from '../../test-support/identity.ts';
import { Jar } from '../../test-support/cookie-jar.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const HOSTILE_APP = '<img src=x onerror="alert(1)">Evil & "Co"';
const decode = (s: string) => s.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));
/** The href of the language switch (the link marked with the other language). */
const switchLink = (page: string) => decode(/<a href="([^"]*)" lang="(?:sv|en)" hreflang/.exec(page)![1]);
/** An element's opening tag by id. */
const tag = (page: string, id: string) => new RegExp(`<(?:input|p)[^>]* id="${id}"[^>]*>|<input id="${id}"[^>]*>`).exec(page)?.[0] ?? '';

describe('citizen pages on the way to the consents: Swedish first, English switchable, errors beside the field', function () {
  this.timeout(30_000);
  let pod: TestServer;
  let app: Server;
  let appOrigin = '';
  const url = (path: string) => new URL(path, pod.baseUrl).href;
  const get = (jar: Jar, path: string, accept = BROWSER) => fetch(url(path), { redirect: 'manual', headers: { cookie: jar.header(), accept } }).then((r) => jar.keep(r));
  let address = 0;
  // Each post from its own address, so only the test of the per-address limit meets it.
  const post = (jar: Jar, path: string, fields: Record<string, string>, accept = BROWSER) => fetch(url(path), {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), accept, origin: new URL(pod.baseUrl).origin, 'x-forwarded-for': `10.98.0.${++address}` },
    body: new URLSearchParams(fields),
  }).then((r) => jar.keep(r));
  const token = async (jar: Jar, path: string) => /name="csrf" value="([^"]+)"/.exec(await (await get(jar, path)).text())![1];

  before(async () => {
    pod = await startTestServer({ config: { identity: true, trustProxy: 'loopback', loginFailuresPerAddress: 3 } });
    // An app identified by a Client ID Document whose name carries markup.
    app = createServer((req, res) => {
      if (req.url !== '/id') return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify({
        '@context': ['https://www.w3.org/ns/solid/oidc-context.jsonld'], client_id: `${appOrigin}/id`, client_name: HOSTILE_APP,
        redirect_uris: [`${appOrigin}/cb`], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'],
        scope: 'openid webid offline_access', token_endpoint_auth_method: 'none',
      }));
    });
    await new Promise<void>((resolve) => app.listen(0, resolve));
    appOrigin = `http://localhost:${(app.address() as AddressInfo).port}`;
  });
  after(async () => {
    app?.closeAllConnections();
    await new Promise((resolve) => app?.close(resolve));
    await pod?.stop();
  });

  it('draws sign-up, log-in and the account page in Swedish by default and in English on request, remembering the choice', async () => {
    const person = await createPod(pod.baseUrl, 'lang-user');
    const jar = new Jar();
    const signup = await (await get(jar, '/.account/signup')).text();
    expect(signup).to.include('<html lang="sv">').and.include('Skapa din pod').and.include('In English');
    const login = await (await get(jar, '/.account/login')).text();
    expect(login).to.include('<html lang="sv">').and.include('<h1>Logga in</h1>');
    const english = await get(jar, '/.account/login?lang=en');
    expect(english.headers.get('set-cookie')).to.match(/lang=en;/);
    expect(await english.text()).to.include('<html lang="en">').and.include('<h1>Log in</h1>').and.include('På svenska');
    expect(await (await get(jar, '/.account/signup')).text(), 'the cookie remembers English').to.include('Create your pod');
    const csrf = await token(jar, '/.account/login');
    expect((await post(jar, '/.account/login', { csrf, email: person.email, password: person.password })).status).to.equal(303);
    const account = await (await get(jar, '/.account/')).text();
    expect(account).to.include('<html lang="en">').and.include('Your WebID').and.include(person.webId);
    const swedish = await (await get(jar, '/.account/?lang=sv')).text();
    expect(swedish).to.include('<html lang="sv">').and.include('Din WebID').and.include('Logga ut');
  });

  it('keeps the path and query in the language switch, also on a form drawn again after an error', async () => {
    const jar = new Jar();
    const login = await (await get(jar, '/.account/login?return=%2F.account%2Fconsent%3Fhistory%3D2')).text();
    expect(switchLink(login)).to.equal('/.account/login?return=%2F.account%2Fconsent%3Fhistory%3D2&lang=en');
    expect(login).to.include('name="return" value="/.account/consent?history&#61;2"');
    const signup = await (await get(jar, '/.account/signup?interaction=abcdefghij12&lang=en')).text();
    expect(switchLink(signup)).to.equal('/.account/signup?interaction=abcdefghij12&lang=sv');
    // A POST cannot be repeated by a link: the switch goes to the form's own page, with the return path but no password.
    const wrong = await post(jar, '/.account/login', { csrf: await token(jar, '/.account/login'), email: 'nobody@example.org', password: 'secret words', return: '/.account/consent' });
    const text = await wrong.text();
    expect(switchLink(text)).to.equal('/.account/login?return=%2F.account%2Fconsent&lang=sv');
    expect(text).to.not.include('secret words');
  });

  it('shows sign-up errors beside their fields, tied with aria-describedby, keeps what was entered but never the password', async () => {
    const jar = new Jar();
    const response = await post(jar, '/.account/signup', { csrf: await token(jar, '/.account/signup'), name: 'Bad Name', email: 'not-an-email', password: 'short' });
    expect(response.status).to.equal(400);
    const page = await response.text();
    expect(page).to.include('<html lang="sv">');
    expect(tag(page, 'name')).to.include('aria-invalid="true"').and.include('aria-describedby="name-hint name-error"').and.include('value="Bad Name"').and.include('autocomplete="off"');
    expect(tag(page, 'email')).to.include('aria-describedby="email-hint email-error"').and.include('value="not-an-email"').and.include('autocomplete="email"');
    expect(tag(page, 'password')).to.include('autocomplete="new-password"').and.include('aria-invalid="true"').and.not.include('value=');
    expect(page).to.match(/<p class="field-error" id="name-error">Namnet får bara ha små bokstäver/);
    expect(page).to.match(/<p class="field-error" id="email-error">Ange en e-postadress/);
    expect(page).to.match(/<p class="field-error" id="password-error">Lösenordet måste ha minst 8 tecken/);
    expect(page, 'a summary at the top, linking each field').to.match(/<div class="error-summary" role="alert"[^>]*><h2[^>]*>Något behöver rättas<\/h2>\s*<ul><li><a href="#name">/);
    expect((await fetch(url('/bad-name/'))).status, 'nothing was created').to.equal(404);
  });

  it('says a taken name or email beside that field, in English when chosen', async () => {
    await createPod(pod.baseUrl, 'taken-name');
    const jar = new Jar();
    await get(jar, '/.account/signup?lang=en');
    const name = await post(jar, '/.account/signup', { csrf: await token(jar, '/.account/signup'), name: 'taken-name', email: 'fresh@example.org', password: 'long enough' });
    expect(name.status).to.equal(409);
    expect(await name.text()).to.match(/id="name-error">That name is taken/);
    const email = await post(jar, '/.account/signup', { csrf: await token(jar, '/.account/signup'), name: 'fresh-name', email: 'taken-name@example.org', password: 'long enough' });
    expect(email.status).to.equal(409);
    expect(await email.text()).to.match(/id="email-error">There is already an account with that email address/);
  });

  it('shows a wrong password beside the password field, and an empty field without spending a login attempt', async () => {
    const jar = new Jar();
    const login = await (await get(jar, '/.account/login')).text();
    expect(tag(login, 'email')).to.include('autocomplete="email"');
    expect(tag(login, 'password')).to.include('autocomplete="current-password"');
    const empty = await post(jar, '/.account/login', { csrf: await token(jar, '/.account/login'), email: 'someone@example.org', password: '' });
    expect(empty.status).to.equal(400);
    const emptyPage = await empty.text();
    expect(emptyPage).to.match(/id="password-error">Ange ditt lösenord/);
    expect(tag(emptyPage, 'email')).to.include('value="someone@example.org"');
    const wrong = await post(jar, '/.account/login', { csrf: await token(jar, '/.account/login'), email: 'someone@example.org', password: 'not it' });
    expect(wrong.status).to.equal(401);
    const page = await wrong.text();
    expect(tag(page, 'password')).to.include('aria-describedby="password-error"').and.include('aria-invalid="true"');
    expect(page).to.match(/id="password-error">Fel e-postadress eller lösenord/);
  });

  it('says a login limit on the form in the page\'s language, with Retry-After', async () => {
    const jar = new Jar();
    const from = { 'x-forwarded-for': '10.99.0.1' };
    const attempt = async () => {
      const csrf = await token(jar, '/.account/login');
      return fetch(url('/.account/login'), {
        method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), ...from },
        body: new URLSearchParams({ csrf, email: 'limit@example.org', password: 'guess' }),
      });
    };
    for (let i = 0; i < 3; i++) expect((await attempt()).status).to.equal(401);
    const refused = await attempt();
    expect(refused.status).to.equal(429);
    expect(Number(refused.headers.get('retry-after'))).to.be.greaterThan(0);
    expect(await refused.text()).to.match(/role="alert"[\s\S]*För många felaktiga inloggningsförsök\. Försök igen om \d+ minuter/);
  });

  it('says an expired form as a page in the person\'s language to a browser, and plainly to other clients', async () => {
    const jar = new Jar();
    await get(jar, '/.account/login?lang=en');
    const browser = await post(jar, '/.account/login', { csrf: 'forged', email: 'a@example.org', password: 'whatever' });
    expect(browser.status).to.equal(403);
    expect(browser.headers.get('content-type')).to.match(/^text\/html/);
    expect(await browser.text()).to.include('<html lang="en">').and.include('The form has expired');
    const script = await post(jar, '/.account/login', { csrf: 'forged' }, '*/*');
    expect(script.status).to.equal(403);
    expect(script.headers.get('content-type')).to.match(/^text\/plain/);
  });

  it('draws oidc-provider\'s own error page in the same frame and language', async () => {
    const response = await get(new Jar(), '/.oidc/auth?client_id=no-such-client&response_type=code&scope=openid');
    expect(response.status).to.equal(400);
    const page = await response.text();
    expect(page).to.include('<html lang="sv">').and.include('Något gick fel').and.include('invalid_client');
    expect(response.headers.get('content-security-policy')).to.include("default-src 'none'");
  });

  it('names the app on the login and authorization steps from its Client ID Document, escaped, with its address and "Din WebID"; logout asks first', async () => {
    const person = await createPod(pod.baseUrl, 'oidc-lang');
    const jar = new Jar();
    const clientId = `${appOrigin}/id`;
    const auth = new URLSearchParams({
      client_id: clientId, redirect_uri: `${appOrigin}/cb`, response_type: 'code', scope: 'openid webid offline_access', prompt: 'consent',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
    });
    let response = await get(jar, `/.oidc/auth?${auth}`);
    expect(response.status).to.be.oneOf([302, 303]);
    const interaction = response.headers.get('location')!;
    expect(interaction).to.match(/^\/\.account\/interaction\/[\w-]+$/);
    const login = await (await get(jar, interaction)).text();
    expect(login).to.include('<html lang="sv">').and.include('vill att du loggar in');
    expect(login, 'the name is text, not markup').to.not.include('<img src=x');
    expect(login).to.include('&#60;img src&#61;x onerror&#61;&#34;alert(1)&#34;&#62;Evil &#38; &#34;Co&#34;');
    expect(switchLink(login)).to.equal(`${interaction}?lang=en`);
    const csrf = /name="csrf" value="([^"]+)"/.exec(login)![1];
    response = await post(jar, `${interaction}/login`, { csrf, email: person.email, password: 'wrong password' });
    expect(response.status).to.equal(401);
    const again = await response.text();
    expect(again).to.match(/id="password-error">Fel e-postadress eller lösenord/);
    expect(switchLink(again), 'the switch of a re-drawn step goes to the step itself').to.equal(`${interaction}?lang=en`);
    response = await post(jar, `${interaction}/login`, { csrf, email: person.email, password: person.password });
    for (let hops = 0; hops < 5 && [302, 303].includes(response.status) && !response.headers.get('location')!.includes('/.account/interaction/'); hops++) {
      response = await get(jar, new URL(response.headers.get('location')!, pod.baseUrl).pathname + new URL(response.headers.get('location')!, pod.baseUrl).search);
    }
    const consentStep = new URL(response.headers.get('location')!, pod.baseUrl).pathname;
    const sv = await (await get(jar, consentStep)).text();
    expect(sv).to.include('<html lang="sv">').and.include('Din WebID').and.include(person.webId).and.include('Tillåt').and.include('Neka');
    expect(sv).to.not.include('<img src=x');
    expect(sv).to.match(/<h2 id="app-name">&#60;img src&#61;x onerror&#61;&#34;alert\(1\)&#34;&#62;Evil &#38; &#34;Co&#34;<\/h2>/);
    expect(sv, 'its address below the name, in small print').to.include(`<small class="url"><code>${clientId}</code></small>`);
    expect(sv).to.include('namn uppgett av appen').and.include('även när du inte är inloggad');
    const en = await (await get(jar, `${consentStep}?lang=en`)).text();
    expect(en).to.include('<html lang="en">').and.include('Your WebID').and.include('Allow').and.include('Deny');
    expect(switchLink(en)).to.equal(`${consentStep}?lang=sv`);

    // Logged in at the provider now: an app-initiated logout asks first, in the chosen language.
    const question = await (await get(jar, '/.oidc/session/end')).text();
    expect(question).to.include('<html lang="en">').and.include('Log out?').and.include('id="op.logoutForm"');
    expect(switchLink(question)).to.equal('/.oidc/session/end?lang=sv');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(question)![1];
    let done = await post(jar, '/.oidc/session/end/confirm', { xsrf, logout: 'yes' });
    for (let hops = 0; hops < 3 && [302, 303].includes(done.status); hops++) done = await get(jar, new URL(done.headers.get('location')!, pod.baseUrl).pathname);
    expect(await done.text()).to.include('<html lang="en">').and.include('You are logged out');
  });
});
