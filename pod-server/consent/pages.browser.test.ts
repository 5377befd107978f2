import { expect } from 'chai';
import { mkdir } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { RequesterClient } from '../../consent/index.ts';
import { launchBrowser } from '../../test-support/browser.ts';
import { agent, employerRequest, writeProfile, type Agent } from '../../test-support/consent.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

const ARTIFACTS = 'test-artifacts';
const HOSTILE = '<img src=x onerror="window.pwned=1">Welder & co <script>window.pwned=2</script>';

/** The citizen's consent pages in a real browser: a request arrives, is approved in part, read, withdrawn. */
describe('consent pages in a real browser', function () {
  this.timeout(90_000);
  let pod: TestServer;
  let citizen: Agent;
  let employer: Agent;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  const section = (name: string) => `${citizen.account.podUrl}competence/${name}`;
  const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/consent-${name}.png`, fullPage: true });

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    pod = await startTestServer({ config: { identity: true } });
    [citizen, employer] = await Promise.all([agent(pod.baseUrl, 'citizen'), agent(pod.baseUrl, 'employer')]);
    await writeProfile(citizen);
    ({ context: browser, close: closeBrowser } = await launchBrowser());
  });
  after(async () => {
    await closeBrowser?.();
    await Promise.all([citizen, employer].map((a) => a?.session.logout().catch(() => undefined)));
    await pod?.stop();
  });

  it('shows the request, approves a subset, logs the reads in plain words, and withdraws with one click', async () => {
    const requester = new RequesterClient({ fetch: employer.session.fetch, inbox: employer.inbox, webId: employer.account.webId });
    const request = employerRequest(employer, citizen, ['skills', 'experience', 'contact']);
    request.notice = { ...request.notice, en: HOSTILE };
    await requester.sendRequest(citizen.inbox, request);

    const page = await browser.newPage();
    await page.goto(`${pod.baseUrl}.account/login`);
    await page.fill('#email', citizen.account.email);
    await page.fill('#password', citizen.account.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${pod.baseUrl}.account/`);
    await page.goto(`${pod.baseUrl}.account/consent`);
    await shot(page, '1-pending');

    const card = page.locator('section.request');
    expect(await card.count()).to.equal(1);
    const text = (await card.textContent()) ?? '';
    expect(text).to.include(employer.account.webId);
    expect(text).to.include(employer.credentials.clientId);
    expect(text, 'requester text is shown as text').to.include(HOSTILE);
    expect(await card.locator('img, script').count(), 'and never becomes markup').to.equal(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).to.equal(undefined);

    await card.locator('input[name=sections][value=contact]').uncheck();
    await card.locator('button[value=approve]').click();
    await page.waitForSelector('li.grant');
    await shot(page, '2-approved');
    expect(await page.textContent('li.grant')).to.include('skills, experience');

    expect((await employer.session.fetch(section('skills'))).status).to.equal(200);
    expect((await employer.session.fetch(section('contact'))).status).to.equal(403);

    await page.reload();
    const log = page.locator('#access-log li');
    expect(await log.count()).to.equal(1);
    expect(await log.first().textContent()).to.match(/read your skills on .* under the consent you gave on/);

    await page.locator('li.grant button').click();
    await page.waitForSelector('text=Nobody has your consent right now.');
    await shot(page, '3-withdrawn');
    expect((await employer.session.fetch(section('skills'))).status).to.equal(403);
    expect(await page.locator('#access-log li').count(), 'only the read that happened is logged').to.equal(1);
  });

  it('refuses a decision without the form token (CSRF) and changes nothing', async () => {
    const requester = new RequesterClient({ fetch: employer.session.fetch, inbox: employer.inbox, webId: employer.account.webId });
    const requestUrl = await requester.sendRequest(citizen.inbox, employerRequest(employer, citizen, ['skills']));
    const page = await browser.newPage();
    await page.goto(`${pod.baseUrl}.account/consent`);
    const forged = await page.request.post(`${pod.baseUrl}.account/consent/decide`, { form: { request: requestUrl, decision: 'approve', sections: 'skills' } });
    expect(forged.status()).to.equal(403);
    const crossSite = await page.request.post(`${pod.baseUrl}.account/consent/decide`, {
      form: { request: requestUrl, decision: 'approve', sections: 'skills', csrf: 'guessed' },
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status()).to.equal(403);
    expect((await employer.session.fetch(section('skills'))).status).to.equal(403);
    expect(await page.locator('section.request').count()).to.equal(1);
  });

  it('sends people who are not logged in to the login page', async () => {
    const fresh = await browser.browser()?.newContext() ?? browser;
    const page = await fresh.newPage();
    await page.context().clearCookies();
    const response = await page.goto(`${pod.baseUrl}.account/consent`);
    expect(page.url()).to.equal(`${pod.baseUrl}.account/login`);
    expect(response?.status()).to.equal(200);
  });
});
