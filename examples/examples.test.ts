import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { freePort } from '../test-support/server.ts';

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

  it('build-profile: a valid profile printed as Turtle', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/build-profile.ts']);
    expect(stdout).to.include('@prefix');
    expect(stdout).to.include('SkillClaim');
  });
});
