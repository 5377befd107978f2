import { expect } from 'chai';
import { mkdir } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { RequesterClient } from '../../consent/index.ts';
import { launchBrowser } from '../../test-support/browser.ts';
import { agent, employerRequest, writeProfile, type Agent } from '../../test-support/consent.ts';
import { freePort, startTestServer, type TestServer } from '../../test-support/server.ts';
import { endOfSwedishDay, swedishDay } from './page-format.ts';

const ARTIFACTS = 'test-artifacts';
const HOSTILE = '<img src=x onerror="window.pwned=1">Welder & co <script>window.pwned=2</script>';

/** Changes the foaf:name in an agent's own WebID profile, as any Solid app could. */
async function rename(who: Agent, name: string): Promise<void> {
  const webId = who.account.webId;
  const response = await who.session.fetch(webId.split('#')[0], {
    method: 'PATCH', headers: { 'content-type': 'application/sparql-update' },
    body: `PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nDELETE { <${webId}> foaf:name ?n } INSERT { <${webId}> foaf:name ${JSON.stringify(name)} } WHERE { <${webId}> foaf:name ?n }`,
  });
  expect(response.status, await response.text()).to.be.oneOf([200, 204]);
}

/** The citizen's consent pages in a real browser, in Swedish (the default) and English. */
describe('consent pages in a real browser', function () {
  this.timeout(120_000);
  let pod: TestServer;
  let citizen: Agent;
  let employer: Agent;
  let renamer: Agent;
  let verifiedEmployer: Agent;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  const section = (name: string) => `${citizen.account.podUrl}competence/${name}`;
  const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/consent-${name}.png`, fullPage: true });
  const ask = (from: Agent, sections: Parameters<typeof employerRequest>[2], overrides: Parameters<typeof employerRequest>[3] = {}) =>
    new RequesterClient({ fetch: from.session.fetch, inbox: from.inbox, webId: from.account.webId }).sendRequest(citizen.inbox, employerRequest(from, citizen, sections, overrides));
  const consentPage = async (lang: 'sv' | 'en', query = '') => {
    const page = await browser.newPage();
    await page.goto(`${pod.baseUrl}.account/consent?lang=${lang}${query}`);
    return page;
  };
  const cardOf = (page: Page, from: Agent) => page.locator('section.request', { hasText: from.account.webId });

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const port = await freePort();
    const baseUrl = `http://localhost:${port}/`;
    pod = await startTestServer({
      config: {
        identity: true, port, baseUrl, consentCooldownSeconds: 24 * 3600,
        // Enough pending requests from one requester to fill more than one page.
        inboxLimits: { maxPendingPerRequester: 30, maxPendingUnknown: 30, senderPerHour: 100 },
        verifiedOrganisations: [{ webId: `${baseUrl}verified/profile/card#me`, name: 'Arbetsförmedlingen', organisationNumber: '202100-2114' }],
      },
    });
    [citizen, employer, renamer, verifiedEmployer] = await Promise.all(['citizen', 'employer', 'renamer', 'verified'].map((name) => agent(pod.baseUrl, name)));
    await writeProfile(citizen);
    await rename(employer, HOSTILE);
    ({ context: browser, close: closeBrowser } = await launchBrowser());
    const page = await browser.newPage();
    await page.goto(`${pod.baseUrl}.account/login`);
    await page.fill('#email', citizen.account.email);
    await page.fill('#password', citizen.account.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${pod.baseUrl}.account/`);
    await page.close();
  });
  after(async () => {
    await closeBrowser?.();
    await Promise.all([citizen, employer, renamer, verifiedEmployer].map((a) => a?.session.logout().catch(() => undefined)));
    await pod?.stop();
  });

  it('in Swedish: shows the request in words, approves a subset until a chosen day, logs the read, withdraws after a confirmation', async () => {
    await ask(employer, ['skills', 'experience', 'contact'], { notice: { ...employerRequest(employer, citizen, ['skills']).notice, sv: HOSTILE } });
    const page = await consentPage('sv');
    await shot(page, 'sv-1-pending');
    expect(await page.getAttribute('html', 'lang')).to.equal('sv');
    const card = cardOf(page, employer);
    expect(await card.count()).to.equal(1);
    const text = (await card.textContent()) ?? '';
    expect(text, 'the name recorded from the profile').to.include(HOSTILE);
    expect(text).to.include('namn uppgett av avsändaren');
    expect(text).to.include(employer.credentials.clientId);
    expect(text).to.include('30 dagar, och sparar uppgifterna 90 dagar efter det');
    expect(text).to.include('Personaladministration och rekrytering');
    expect(text).to.include('Rättslig grundSamtycke');
    expect(text).to.match(/Skickad\d{1,2} [a-zåäö]+ 20\d\d kl\. \d\d:\d\d CES?T/);
    expect(await card.locator('img, script').count(), 'requester text never becomes markup').to.equal(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).to.equal(undefined);

    const date = card.locator('input[type=date]');
    const today = swedishDay(new Date());
    expect(await date.getAttribute('min')).to.equal(today);
    expect(await date.getAttribute('max')).to.equal(swedishDay(new Date(Date.now() + 30 * 86400_000)));
    expect(await card.locator(`#${await date.getAttribute('aria-describedby')}`).textContent()).to.match(/^Välj ett datum från .+ till .+\./);
    const box = async (name: string) => card.locator(`input[value=${name}]`).boundingBox();
    const label = await card.locator('label.check', { hasText: 'Kontaktuppgifter' }).boundingBox();
    const contact = (await box('contact'))!;
    expect(Math.abs(contact.y + contact.height / 2 - (label!.y + label!.height / 2)), 'checkbox centred on its label').to.be.below(3);
    expect(contact.width, 'checkbox not stretched').to.be.below(30);

    const until = swedishDay(new Date(Date.now() + 3 * 86400_000));
    await card.locator('input[value=contact]').uncheck();
    await date.fill(until);
    await card.locator('button[value=approve]').click();
    await page.waitForSelector('li.grant');
    await shot(page, 'sv-2-approved');
    const grant = (await page.textContent('li.grant')) ?? '';
    expect(grant).to.include('får läsa kompetenser och arbetslivserfarenhet till');
    expect(grant, 'until the end of that day in Sweden').to.include(`kl. 23:59 CE`);
    expect(endOfSwedishDay(until)!.getTime()).to.be.greaterThan(Date.now());

    expect((await employer.session.fetch(section('skills'))).status).to.equal(200);
    expect((await employer.session.fetch(section('contact'))).status).to.equal(403);
    await page.reload();
    const log = page.locator('#access-log li');
    expect(await log.count()).to.equal(1);
    expect(await log.first().textContent()).to.match(/läste dina kompetenser den \d+ [a-zåäö]+ 20\d\d kl\. \d\d:\d\d CES?T enligt samtycket du gav den \d+ [a-zåäö]+ 20\d\d$/);

    await page.locator('li.grant button').click();
    await page.waitForSelector('.confirm');
    await shot(page, 'sv-3-confirm-withdraw');
    expect(await page.textContent('.confirm')).to.include('Åtkomsten upphör direkt');
    expect((await employer.session.fetch(section('skills'))).status, 'nothing changes before the confirmation').to.equal(200);
    await page.locator('.confirm button[type=submit]').click();
    await page.waitForSelector('text=Ingen har ditt samtycke just nu.');
    await shot(page, 'sv-4-withdrawn');
    expect((await employer.session.fetch(section('skills'))).status).to.equal(403);
    expect(await page.locator('#access-log li').count(), 'only the reads that happened are logged').to.equal(2);
    expect(await page.textContent('ul.history')).to.match(/godkänt .+ · återkallat .+ 20\d\d kl\. \d\d:\d\d CES?T/);
  });

  it('keeps the name a requester had when it asked: a later rename rewrites neither the card nor the log', async () => {
    await rename(renamer, 'Bemanning Norr AB');
    await ask(renamer, ['skills']);
    await rename(renamer, 'Arbetsförmedlingen');
    let page = await consentPage('sv');
    const card = cardOf(page, renamer);
    expect(await card.locator('h3').textContent()).to.equal('Bemanning Norr AB');
    expect(await card.textContent()).not.to.include('Arbetsförmedlingen');
    await card.locator('button[value=approve]').click();
    await page.waitForSelector('li.grant');
    expect((await renamer.session.fetch(section('skills'))).status).to.equal(200);
    await rename(renamer, 'Försäkringskassan');
    await page.reload();
    const line = page.locator('#access-log li').first();
    expect(await line.textContent()).to.match(/^Bemanning Norr AB läste dina kompetenser/);
    expect(await page.textContent('li.grant')).to.include('Bemanning Norr AB');

    // A request sent under the new name shows it, as the sender's own claim, with a warning.
    await rename(renamer, 'Arbetsförmedlingen');
    await ask(renamer, ['experience']);
    page = await consentPage('sv');
    const second = cardOf(page, renamer);
    expect(await second.locator('h3').textContent()).to.equal('Arbetsförmedlingen');
    expect(await second.textContent()).to.include('namn uppgett av avsändaren');
    expect(await second.locator('.warning').textContent()).to.include('är inte den verifierade organisationen');
    expect(await second.locator('.badge').count()).to.equal(0);
    await shot(page, 'sv-5-impersonation');
    expect(await page.locator('li.grant', { hasText: 'Bemanning Norr AB' }).count(), 'the earlier grant keeps its name').to.equal(1);
  });

  it('shows a requester on the operator registry with a badge, its registered name and organisation number', async () => {
    await ask(verifiedEmployer, ['skills']);
    const page = await consentPage('sv');
    const card = cardOf(page, verifiedEmployer);
    expect(await card.locator('h3').textContent()).to.equal('Arbetsförmedlingen');
    expect(await card.locator('.badge').textContent()).to.equal('✓ Verifierad organisation: Arbetsförmedlingen, org.nr 202100-2114');
    expect(await card.locator('p.who').textContent()).not.to.include('uppgett av avsändaren');
    await shot(page, 'sv-6-verified');
  });

  it('in English: words, the language remembered, errors beside the field, and a confirmation before a denial that names the cool-down', async () => {
    const page = await consentPage('en');
    expect(await page.getAttribute('html', 'lang')).to.equal('en');
    await page.goto(`${pod.baseUrl}.account/consent`);
    expect(await page.getAttribute('html', 'lang'), 'remembered in a cookie').to.equal('en');
    const card = cardOf(page, verifiedEmployer);
    const text = (await card.textContent()) ?? '';
    expect(text).to.include('30 days, and keeps the data 90 days after that');
    expect(text).to.include('Human resource management and recruitment');
    expect(text).to.match(/Sent\d{1,2} [A-Z][a-z]+ 20\d\d at \d\d:\d\d CES?T/);
    expect(await card.locator('.badge').textContent()).to.equal('✓ Verified organisation: Arbetsförmedlingen, org. no. 202100-2114');

    await card.locator('input[value=skills]').uncheck();
    await card.locator('input[type=date]').fill(swedishDay(new Date(Date.now() + 60 * 86400_000)));
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/decide')), card.locator('button[value=approve]').click()]);
    expect(response.status()).to.equal(400);
    await shot(page, 'en-1-errors');
    const again = cardOf(page, verifiedEmployer);
    const date = again.locator('input[type=date]');
    expect(await date.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = (await date.getAttribute('aria-describedby'))!.split(' ');
    expect(await page.textContent(`#${describedBy[1]}`)).to.match(/^The date can be .+ at the latest/);
    expect(await again.locator('fieldset .field-error').textContent()).to.equal('Choose at least one section to share, or deny the request.');
    expect(await again.locator('input[value=skills]').isChecked(), 'what was entered is kept').to.equal(false);

    await again.locator('button[value=deny]').click();
    await page.waitForSelector('.confirm');
    await shot(page, 'en-2-confirm-deny');
    expect(await page.textContent('.confirm')).to.include('cannot ask you again for 1 day');
    await page.locator('.confirm button[value=deny]').click();
    await page.waitForSelector('ul.history');
    expect(await cardOf(page, verifiedEmployer).count()).to.equal(0);
    expect(await page.textContent('ul.history')).to.match(/Arbetsförmedlingen.*refused \d+ [A-Z][a-z]+ 20\d\d at/);
    await shot(page, 'en-3-history');
  });

  it('pages the pending requests, twenty to a page', async () => {
    // Distinct purposes, so the server keeps them as separate requests rather than collapsing them.
    for (let i = 0; i < 21; i++) await ask(employer, ['education'], { purpose: `https://w3id.org/dpv#HumanResourceManagement-${i}` });
    const page = await consentPage('sv');
    const pending = await page.locator('section.request').count();
    expect(pending).to.equal(20);
    await page.locator('nav.paging a[rel=next]').first().click();
    await page.waitForURL(/requests=2/);
    expect(await page.locator('section.request').count()).to.be.greaterThan(0);
    expect(await page.textContent('nav.paging')).to.include('Sida 2 av 2');
  });

  it('pages the access log, fifty lines a page, and shows a line that was altered', async () => {
    for (let i = 0; i < 55; i++) expect((await renamer.session.fetch(section('skills'))).status).to.equal(200);
    const page = await consentPage('sv');
    expect(await page.locator('#access-log li').count()).to.equal(50);
    const nav = page.locator('nav.paging', { hasText: 'Sida 1 av' }).last();
    await nav.locator('a[rel=next]').click();
    await page.waitForURL(/log=2/);
    expect(await page.locator('#access-log li').count()).to.be.within(1, 50);
    expect(await page.locator('#access-log').textContent()).to.include('Bemanning Norr AB');

    // Someone edits the newest line on disk: the first page says the log was altered.
    const logPath = `/${citizen.account.name}/consent/access-log`;
    const stored = (await pod.server.store.read(logPath))!;
    const lines = stored.body.toString('utf8').trimEnd().split('\n');
    lines[lines.length - 1] = lines[lines.length - 1].replace(/"time":"[^"]+"/, '"time":"2026-01-01T00:00:00.000Z"');
    await pod.server.store.write(logPath, Buffer.from(`${lines.join('\n')}\n`), stored.contentType);
    await page.goto(`${pod.baseUrl}.account/consent?lang=sv`);
    expect(await page.locator('#log ~ p.error[role=alert]').first().textContent()).to.include('Åtkomstloggen har ändrats i efterhand (entry');
  });

  it('refuses a decision without the form token (CSRF) and changes nothing', async () => {
    const requestUrl = await ask(employer, ['skills']);
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
  });

  it('sends people who are not logged in to the login page, and back here afterwards', async () => {
    const fresh = await browser.browser()?.newContext() ?? browser;
    const page = await fresh.newPage();
    await page.context().clearCookies();
    const response = await page.goto(`${pod.baseUrl}.account/consent`);
    expect(page.url()).to.equal(`${pod.baseUrl}.account/login?return=%2F.account%2Fconsent`);
    expect(response?.status()).to.equal(200);
  });
});
