import { expect } from 'chai';
import type { BrowserContext } from 'playwright-core';
import { startBrowserApp, type BrowserApp } from '../../test-support/browser-app.ts';
import { launchBrowser } from '../../test-support/browser.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

/** A person signs up and logs in through the real pages; a browser app on another origin gets tokens and reads the private pod. */
describe('authorization code flow in a real browser', function () {
  this.timeout(60_000);
  let pod: TestServer;
  let app: BrowserApp;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;

  before(async () => {
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
    await page.fill('#name', 'browser-user');
    await page.fill('#email', 'browser@example.org');
    await page.fill('#password', 'a long password');
    await page.click('button[type=submit]');

    await page.waitForURL(`${pod.baseUrl}.account/`);
    expect(await page.textContent('main')).to.include(`${pod.baseUrl}browser-user/profile/card#me`);

    // Forget the account cookie, so the person really logs in on the form.
    await browser.clearCookies();
    const appPage = await browser.newPage();
    await appPage.goto(`${app.origin}/app/`);
    await appPage.click('#login');
    await appPage.waitForURL(/\/\.account\/interaction\//);
    await appPage.fill('#email', 'browser@example.org');
    await appPage.fill('#password', 'wrong password');
    await appPage.click('button[type=submit]');
    expect(await appPage.textContent('[role=alert]')).to.include('Wrong email or password');
    await appPage.fill('#email', 'browser@example.org');
    await appPage.fill('#password', 'a long password');
    await appPage.click('button[type=submit]');

    await appPage.waitForSelector('button[value=allow]');
    const consent = (await appPage.textContent('main')) ?? '';
    expect(consent, 'the client name is shown as text, not markup').to.include('Test <App> & Co');
    expect(consent).to.include(app.clientId);
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
