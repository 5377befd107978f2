// The alerts page as a person meets it, in a real browser: Swedish by default, English on request,
// an error beside the field, and what a stranger typed shown as text. Screenshots go to test-artifacts/.
import { expect } from 'chai';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import type { Page } from 'playwright-core';
import { getTaxonomy } from '../../../vocab/index.ts';
import { launchBrowser } from '../../../test-support/browser.ts';
import { freePort, startTestServer, type TestServer } from '../../../test-support/server.ts';
import { createAgent, type Agent } from '../../kit/index.ts';
import { createAlerts, type Alerts } from './alerts.ts';

const ARTIFACTS = 'test-artifacts';

describe('the job alerts page in a real browser', function () {
  this.timeout(60_000);
  let pod: TestServer;
  let dataDir: string;
  let server: Server;
  let origin: string;
  let agent: Agent;
  let alerts: Alerts;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/alerts-${name}.png`, fullPage: true });

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    pod = await startTestServer({ config: { identity: true } });
    dataDir = await mkdtemp(join(tmpdir(), 'alerts-page-'));
    const port = await freePort();
    origin = `http://localhost:${port}`;
    agent = createAgent({ origin, name: 'Jobtech jobs', issuer: pod.baseUrl, dataDir, account: { podName: 'jobs-page', email: 'jobs-page@example.org' }, log: () => {} });
    alerts = createAlerts({ agent, dataDir, taxonomy: getTaxonomy(), adUrl: (id) => `${origin}/ads/${id}`, log: { info() {}, warn() {} } });
    const app = express();
    app.use(agent.router);
    app.use(alerts.router);
    server = await new Promise((resolve) => { const s = app.listen(port, () => resolve(s)); });
    await agent.start();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await alerts?.close();
    await agent?.close();
    await new Promise((resolve) => server?.close(resolve));
    await pod?.stop();
    await rm(dataDir, { recursive: true, force: true });
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
