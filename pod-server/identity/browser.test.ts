import { expect } from 'chai';
import { mkdir } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { startBrowserApp, type BrowserApp } from '../../test-support/browser-app.ts';
import { launchBrowser } from '../../test-support/browser.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

const ARTIFACTS = 'test-artifacts';

/** A person signs up and logs in through the real pages; a browser app on another origin gets tokens and reads the private pod. */
describe('authorization code flow in a real browser', function () {
  this.timeout(60_000);
  let pod: TestServer;
  let app: BrowserApp;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  /** Screenshots of each page in each language, to look at (test-artifacts/ is not committed). */
  const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/account-${name}.png`, fullPage: true });
  const switchLanguage = (page: Page) => page.click('nav.top a[hreflang]');

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    pod = await startTestServer({ config: { identity: true } });
    app = await startBrowserApp(pod.baseUrl);
    ({ context: browser, close: closeBrowser } = await launchBrowser());
  });
  after(async () => {
    await closeBrowser?.();
    await app?.stop();
    await pod?.stop();
  });

  it('signs up, logs in on the form, consents, and the app reads the private pod with a DPoP-bound token', async () => {
    const page = await browser.newPage();
    await page.goto(`${pod.baseUrl}.account/signup`);
    expect(await page.getAttribute('html', 'lang')).to.equal('sv');
    await shot(page, 'signup-sv');
    await switchLanguage(page);
    expect(await page.getAttribute('html', 'lang')).to.equal('en');
    await shot(page, 'signup-en');
    // novalidate: the server's messages, beside each field, in the page's language.
    await page.fill('#name', 'Browser User');
    await page.fill('#email', 'browser@example');
    await page.fill('#password', 'short');
    await page.click('button[type=submit]');
    expect(await page.textContent('#name-error')).to.include('lowercase letters');
    expect(await page.inputValue('#name'), 'what was entered stays').to.equal('Browser User');
    expect(await page.inputValue('#password'), 'but not the password').to.equal('');
    await shot(page, 'signup-errors-en');
    await switchLanguage(page);
    await page.fill('#name', 'browser-user');
    await page.fill('#email', 'browser@example.org');
    await page.fill('#password', 'a long password');
    await page.click('button[type=submit]');

    await page.waitForURL(`${pod.baseUrl}.account/`);
    expect(await page.textContent('main')).to.include(`${pod.baseUrl}browser-user/profile/card#me`);
    expect(await page.textContent('main')).to.include('Din WebID');
    await shot(page, 'account-sv');
    await switchLanguage(page);
    expect(await page.textContent('main')).to.include('Your WebID');
    await shot(page, 'account-en');
    await page.goto(`${pod.baseUrl}.account/login?lang=sv&return=%2F.account%2Fconsent`);
    await shot(page, 'login-sv');
    await switchLanguage(page);
    expect(new URL(page.url()).searchParams.get('return'), 'the switch keeps the way back').to.equal('/.account/consent');
    await shot(page, 'login-en');

    // Forget the account cookie (and the language), so the person really logs in on the form.
    await browser.clearCookies();
    const appPage = await browser.newPage();
    await appPage.goto(`${app.origin}/app/`);
    await appPage.click('#login');
    await appPage.waitForURL(/\/\.account\/interaction\//);
    expect(await appPage.getAttribute('html', 'lang')).to.equal('sv');
    await appPage.fill('#email', 'browser@example.org');
    await appPage.fill('#password', 'wrong password');
    await appPage.click('button[type=submit]');
    expect(await appPage.textContent('[role=alert]')).to.include('Fel e-postadress eller lösenord');
    expect(await appPage.getAttribute('#password', 'aria-describedby')).to.equal('password-error');
    await shot(appPage, 'app-login-error-sv');
    await switchLanguage(appPage);
    expect(await appPage.textContent('h1')).to.equal('Log in');
    await shot(appPage, 'app-login-en');
    await appPage.fill('#email', 'browser@example.org');
    await appPage.fill('#password', 'a long password');
    await appPage.click('button[type=submit]');

    await appPage.waitForSelector('button[value=allow]');
    const consent = (await appPage.textContent('main')) ?? '';
    expect(consent, 'the client name is shown as text, not markup').to.include('Test <App> & Co');
    expect(consent).to.include(app.clientId);
    expect(consent).to.include('Your WebID');
    await shot(appPage, 'authorize-en');
    await switchLanguage(appPage);
    expect(await appPage.textContent('main')).to.include('Din WebID');
    await shot(appPage, 'authorize-sv');
    await appPage.click('button[value=allow]');

    await appPage.waitForURL(`${app.origin}/app/callback**`);
    await appPage.waitForFunction(() => (document.getElementById('result')?.textContent ?? '') !== '');
    const text = (await appPage.textContent('#result')) ?? '';
    expect(text).to.not.match(/^error/);
    const result = JSON.parse(text);
    expect(result).to.include({ webid: `${pod.baseUrl}browser-user/profile/card#me`, tokenType: 'DPoP', refresh: true, status: 200 });
    expect(result.body).to.include(`${pod.baseUrl}browser-user/inbox/`);
    expect((await fetch(`${pod.baseUrl}browser-user/`)).status, 'the pod root is private').to.equal(401);
  });
});
