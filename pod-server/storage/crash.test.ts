import { expect } from 'chai';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../../test-support/process.ts';
import { PUBLIC_WRITABLE_ACL } from '../../test-support/server.ts';

/**
 * kill -9 while many PUTs change content types, then restart: every acknowledged write must
 * read back with its body and its own type; a write in flight at the kill may or may not
 * have happened, but never half (the new body with the old type, or the reverse).
 */
describe('file storage survives kill -9 (real server process)', function () {
  this.timeout(40_000);
  const TYPES = ['text/plain', 'text/turtle', 'application/octet-stream'];
  const RESOURCES = 24;
  const ROUNDS = 4;
  let dataDir: string;
  let server: ServerProcess | undefined;
  const env = () => ({ PORT: '0', STORAGE: 'file', DATA_DIR: dataDir, IDENTITY: 'off', DURABLE_WRITES: 'false' });

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'crash-'));
    await mkdir(join(dataDir, 'shared'));
    await writeFile(join(dataDir, 'shared', '.acl'), PUBLIC_WRITABLE_ACL);
  });
  after(async () => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  // Every version's body names its type, so a reader can tell whether the pair was torn.
  const bodyOf = (r: number, v: number) => `<#v> <#is> "${TYPES[v % TYPES.length]} r${r}-v${v}".\n`;
  interface State { acked: number; inFlight: number }
  const states: State[] = Array.from({ length: RESOURCES }, () => ({ acked: -1, inFlight: -1 }));

  async function verify(baseUrl: string): Promise<number> {
    let checked = 0;
    for (let r = 0; r < RESOURCES; r++) {
      const { acked, inFlight } = states[r];
      if (acked < 0 && inFlight < 0) continue;
      const response = await fetch(`${baseUrl}shared/r${r}`);
      if (response.status === 404 && acked < 0) continue;
      expect(response.status, `r${r}`).to.equal(200);
      const body = await response.text();
      const match = /"(\S+) r(\d+)-v(\d+)"/.exec(body);
      expect(match, `r${r} body ${body}`).to.not.equal(null);
      const version = Number(match![3]);
      // The acknowledged version, or the one that was in flight at the kill.
      expect([acked, inFlight], `r${r} served v${version}`).to.include(version);
      const served = response.headers.get('content-type')!.split(';')[0].trim();
      expect(served, `r${r} v${version}: body written as ${match![1]}, served as ${served}`).to.equal(match![1]);
      states[r] = { acked: version, inFlight: -1 };
      checked++;
    }
    return checked;
  }

  async function writeUntilKilled(baseUrl: string, r: number, stop: { killed: boolean }): Promise<void> {
    while (!stop.killed) {
      const state = states[r];
      const version = Math.max(state.acked, state.inFlight) + 1;
      state.inFlight = version;
      try {
        const response = await fetch(`${baseUrl}shared/r${r}`, { method: 'PUT', headers: { 'content-type': TYPES[version % TYPES.length] }, body: bodyOf(r, version) });
        await response.arrayBuffer();
        if (stop.killed) return; // an answer racing the kill: treat it as not acknowledged
        expect(response.status, `PUT r${r} v${version}`).to.be.oneOf([201, 204]);
        state.acked = version;
        state.inFlight = -1;
      } catch {
        return; // the server is gone
      }
    }
  }

  it('keeps every acknowledged body with its own content type across kills', async () => {
    let writes = 0;
    let checked = 0;
    let leftovers = 0;
    for (let round = 0; round <= ROUNDS; round++) {
      server = await startServerProcess(env());
      checked += await verify(server.baseUrl);
      if (round === ROUNDS) break;
      const before = states.reduce((sum, s) => sum + Math.max(s.acked, 0), 0);
      const stop = { killed: false };
      const writers = states.map((_, r) => writeUntilKilled(server!.baseUrl, r, stop));
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 900));
      const exited = new Promise((resolve) => server!.child.once('exit', resolve));
      stop.killed = true;
      server.child.kill('SIGKILL');
      await exited;
      await Promise.all(writers);
      leftovers += (await readdir(join(dataDir, 'tmp$'))).length;
      writes += states.reduce((sum, s) => sum + Math.max(s.acked, 0), 0) - before;
    }
    // Temp files of writes cut short by the kills are gone after the restart.
    expect(await readdir(join(dataDir, 'tmp$'))).to.deep.equal([]);
    await server!.stop();
    console.log(`      ${writes} acknowledged writes, ${checked} read back, ${leftovers} temp files left by ${ROUNDS} kills`);
    expect(writes, 'acknowledged writes').to.be.greaterThan(RESOURCES);
    expect(checked).to.be.greaterThan(RESOURCES);
  });
});
