import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { freePort, startTestServer } from '../test-support/server.ts';

const run = promisify(execFile);

/** The examples are documentation that runs: they must keep running. */
describe('examples', function () {
  this.timeout(60_000);

  it('consent-scenario: request, approval, reads, withdrawal, verified log', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/consent-scenario.ts'], { env: { ...process.env, PORT: String(await freePort()) } });
    expect(stdout).to.match(/contact: +HTTP 403 \(not granted\)/);
    expect(stdout).to.match(/Anna withdrew\. Volvo reads skills again: HTTP 403/);
    expect(stdout).to.include('"status":"withdrawn"');
    expect(stdout).to.include('chain verified');
    expect(stdout.match(/read your/g)).to.have.length(2);
  });

  it('consent-scenario against a running server (BASE_URL): its request waits on that server\'s consent page', async () => {
    const pod = await startTestServer({ config: { identity: true } });
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/consent-scenario.ts'], { env: { ...process.env, BASE_URL: pod.baseUrl, PORT: '' } });
      expect(stdout).to.include('chain verified');
      const [, email, password] = /log in as (\S+) \/ (.+)$/m.exec(stdout)!;
      const html = await consentPageAs(pod.baseUrl, email, password);
      expect(html.match(/<section class="request"/g)).to.have.length(1);
      expect(html).to.include('<h3 id="r0-name">Volvo Cars recruiting</h3>');
      expect(html).to.match(/återkallat \d+ \S+ 20\d\d kl\. \d\d:\d\d CES?T/);
      expect(html.match(/<li class="read">Volvo Cars recruiting läste/g)).to.have.length(2);
    } finally {
      await pod.stop();
    }
  });

  it('build-profile: a valid profile printed as Turtle', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/build-profile.ts']);
    expect(stdout).to.include('@prefix');
    expect(stdout).to.include('SkillClaim');
  });
});

/** Logs in through the HTML form (CSRF cookie and field) and returns the consent page. */
async function consentPageAs(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const go = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(new URL(path, baseUrl), { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), origin: new URL(baseUrl).origin } });
    for (const line of response.headers.getSetCookie()) { const [pair] = line.split(';'); const i = pair.indexOf('='); jar.set(pair.slice(0, i), pair.slice(i + 1)); }
    return response;
  };
  const login = await (await go('/.account/login')).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(login)![1];
  const posted = await go('/.account/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf, email, password }).toString() });
  expect(posted.status).to.equal(303);
  return (await go('/.account/consent')).text();
}
