import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OwnerClient, RequesterClient, verifyChain } from '../../consent/index.ts';
import { agent, employerRequest, writeProfile, type Agent } from '../../test-support/consent.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

/** A 2 MB tmpfs on a fresh folder, or undefined where mounting is not allowed (not root). */
async function smallTmpfs(prefix: string): Promise<string | undefined> {
  const mountPoint = await mkdtemp(join(tmpdir(), prefix));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return mountPoint;
  } catch {
    await rm(mountPoint, { recursive: true, force: true });
    return undefined;
  }
}

async function unmount(mountPoint: string | undefined): Promise<void> {
  if (!mountPoint) return;
  execFileSync('umount', [mountPoint]);
  await rm(mountPoint, { recursive: true, force: true });
}

/**
 * A real full disk and a real read-only one: DATA_DIR on a 2 MB tmpfs. Needs the right to
 * mount (root); elsewhere the test is skipped and says so.
 */
describe('a full or read-only disk (tmpfs)', function () {
  this.timeout(60_000);
  let mountPoint: string | undefined;
  let pod: TestServer;
  let citizen: Agent;
  let employer: Agent;
  const dataDir = () => join(mountPoint!, 'data');
  const skills = () => `${citizen.account.podUrl}competence/skills`;
  const logFile = () => join(dataDir(), citizen.account.name, 'consent', 'access-log');
  const filler = () => join(mountPoint!, 'filler');

  before(async function () {
    mountPoint = await smallTmpfs('full-disk-');
    if (!mountPoint) {
      console.log('      (skipped: cannot mount a tmpfs here; the short-write path is covered by the store and batcher tests)');
      this.skip();
    }
    pod = await startTestServer({ storage: 'file', dataDir: dataDir(), config: { identity: true } });
    [citizen, employer] = await Promise.all([agent(pod.baseUrl, 'anna'), agent(pod.baseUrl, 'acme')]);
    await writeProfile(citizen);
    const requester = new RequesterClient({ fetch: employer.session.fetch, inbox: employer.inbox, webId: employer.account.webId });
    await new OwnerClient({ podUrl: citizen.account.podUrl, fetch: citizen.session.fetch }).approve(await requester.sendRequest(citizen.inbox, employerRequest(employer, citizen, ['skills'])));
  });
  after(async () => {
    await Promise.all([citizen, employer].filter(Boolean).map((a) => a.session.logout().catch(() => undefined)));
    await pod?.stop();
    await unmount(mountPoint);
  });

  /** Fills every free block of the file system, down to the last page. */
  async function fillDisk(): Promise<void> {
    const handle = await open(filler(), 'a');
    try {
      for (const size of [256 * 1024, 4096, 512, 1]) {
        const chunk = Buffer.alloc(size, 'x');
        try { for (;;) await handle.write(chunk); } catch { /* full at this granularity */ }
      }
    } finally {
      await handle.close();
    }
  }

  it('answers 507 for writes, stores nothing, and serves no grant read without its whole log line', async () => {
    expect((await employer.session.fetch(skills())).status).to.equal(200);
    await fillDisk();
    const put = await citizen.session.fetch(`${citizen.account.podUrl}competence/new`, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(20_000) });
    expect(put.status).to.equal(507);
    expect(await put.text()).to.match(/no room/);
    expect((await citizen.session.fetch(`${citizen.account.podUrl}competence/new`)).status).to.equal(404);
    expect(await readdir(join(dataDir(), 'tmp$'))).to.deep.equal([]);

    // Reads fill the log's last page; the one whose line does not fit must fail whole.
    let served = 1;
    let refused: Response | undefined;
    for (let i = 0; i < 60 && !refused; i++) {
      const read = await employer.session.fetch(skills());
      if (read.status === 200) served++;
      else refused = read;
    }
    expect(refused, 'a read that did not fit the log').to.not.equal(undefined);
    expect(refused!.status).to.equal(507);
    expect(await refused!.text()).to.not.include('Welding');
    const log = await readFile(logFile(), 'utf8');
    expect(log.endsWith('\n')).to.equal(true);
    expect(verifyChain(log)).to.include({ valid: true, count: served });
    // The pod's consent still answers (it used to be 500 from here on).
    const owner = new OwnerClient({ podUrl: citizen.account.podUrl, fetch: citizen.session.fetch });
    expect(await owner.listActiveGrants()).to.have.length(1);

    await rm(filler());
    expect((await employer.session.fetch(skills())).status).to.equal(200);
    const { verification } = await owner.readAccessLog();
    expect(verification).to.include({ valid: true, count: served + 1 });
  });
});

/**
 * A read-only disk, on a server without the identity provider: Linux refuses to remount a file
 * system read-only while a file on it is open for writing, and the identity database is.
 */
describe('a read-only disk (tmpfs)', function () {
  this.timeout(60_000);
  let mountPoint: string | undefined;
  let pod: TestServer | undefined;
  const PUBLIC_ACL = `@prefix acl: <http://www.w3.org/ns/auth/acl#>. @prefix foaf: <http://xmlns.com/foaf/0.1/>.
<#public> a acl:Authorization; acl:agentClass foaf:Agent; acl:accessTo <./>; acl:default <./>; acl:mode acl:Read, acl:Write.`;

  before(async function () {
    mountPoint = await smallTmpfs('read-only-disk-');
    if (!mountPoint) {
      console.log('      (skipped: cannot mount a tmpfs here)');
      this.skip();
    }
    pod = await startTestServer({ storage: 'file', dataDir: join(mountPoint!, 'data'), seed: { '/shared/.acl': PUBLIC_ACL } });
  });
  after(async () => {
    await pod?.stop();
    await unmount(mountPoint);
  });

  it('answers 503 with Retry-After while the disk is read-only, serves reads, and works again after', async () => {
    const url = `${pod!.baseUrl}shared/note`;
    expect((await fetch(url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'before' })).status).to.equal(201);
    execFileSync('mount', ['-o', 'remount,ro', mountPoint!]);
    try {
      const put = await fetch(url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'during' });
      expect(put.status).to.equal(503);
      expect(put.headers.get('retry-after')).to.match(/^\d+$/);
      expect(await put.text()).to.match(/read-only|not writable|refuses writes/i);
      const read = await fetch(url);
      expect(read.status).to.equal(200);
      expect(await read.text()).to.equal('before');
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mountPoint!]);
    }
    expect((await fetch(url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'after' })).status).to.equal(204);
    expect(await (await fetch(url)).text()).to.equal('after');
  });
});
