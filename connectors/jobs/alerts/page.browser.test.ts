// The alerts page as a person meets it, in a real browser: Swedish by default, English on request,
// an error beside the field, and what a stranger typed shown as text. Screenshots go to test-artifacts/.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../../test-support/browser.ts';
import { mkdir } from 'node:fs/promises';
import { startTestServer, type TestServer } from '../../../test-support/server.ts';
import { startAlertsOrigin, type AlertsOrigin } from './test-support.ts';

const ARTIFACTS = 'test-artifacts';

describe('the job alerts page in a real browser', function () {
  this.timeout(60_000);
  let pod: TestServer;
  let aggregator: AlertsOrigin;
  let origin: string;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/alerts-${name}.png`, fullPage: true });

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    pod = await startTestServer({ config: { identity: true } });
    aggregator = await startAlertsOrigin(pod.baseUrl, 'jobs-page');
    origin = aggregator.origin;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await aggregator?.stop();
    await pod?.stop();
  });

  it('speaks Swedish, puts the error beside the field and shows typed text as text', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/alerts`);
    expect(await page.getAttribute('html', 'lang')).to.equal('sv');
    expect(await page.textContent('label[for="webId"]')).to.match(/WebID/);
    await shot(page, 'sv');
    // A loopback address where nobody answers: no request leaves the machine.
    await page.fill('#webId', 'http://localhost:9/<b>nobody</b>#me');
    await page.click('button[type="submit"], input[type="submit"]');
    const error = page.locator('#webId-error');
    expect(await error.isVisible()).to.equal(true);
    expect(await page.getAttribute('#webId', 'aria-invalid')).to.equal('true');
    expect(await page.locator('#webId ~ b, b').count()).to.equal(0);
    await shot(page, 'sv-error');
    await page.close();
  });

  it('speaks English on request', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/alerts?lang=en`);
    expect(await page.getAttribute('html', 'lang')).to.equal('en');
    await shot(page, 'en');
    await page.close();
  });
});
