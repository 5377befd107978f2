import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '../test-support/process.ts';
import { PUBLIC_WRITABLE_ACL, freePort } from '../test-support/server.ts';

describe('npm start', function () {
  this.timeout(60_000);
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pod-restart-'));
    // An administrator makes /shared/ writable by editing the file, before the first start.
    await mkdir(join(dataDir, 'shared'), { recursive: true });
    await writeFile(join(dataDir, 'shared', '.acl'), PUBLIC_WRITABLE_ACL);
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps everything written by one process for the next one on the same DATA_DIR', async () => {
    const port = String(await freePort());
    const env = { PORT: port, DATA_DIR: dataDir, STORAGE: 'file' };
    const first = await startServerProcess(env);
    expect(first.baseUrl).to.equal(`http://localhost:${port}/`);
    const base = first.baseUrl;
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 254, 255]);
    const writes: [string, string, Buffer | string][] = [
      ['shared/profile', 'text/turtle', '<#me> <http://schema.org/name> "Åsa".'],
      ['shared/photos/me.png', 'image/png', png],
      ['shared/notes.txt', 'text/plain; charset=utf-8', 'hej då\n'],
      ['shared/data.json', 'application/ld+json', JSON.stringify({ '@id': '#x', 'http://schema.org/name': 'From JSON-LD' })],
    ];
    for (const [path, type, body] of writes) {
      const response = await fetch(base + path, { method: 'PUT', headers: { 'content-type': type }, body: typeof body === 'string' ? body : new Uint8Array(body) });
      expect(response.status, path).to.equal(201);
    }
    const patched = await fetch(`${base}shared/profile`, { method: 'PATCH', headers: { 'content-type': 'application/sparql-update' }, body: `INSERT DATA { <${base}shared/profile#me> <http://schema.org/jobTitle> "Welder" . }` });
    expect(patched.status).to.equal(204);

    const paths = ['shared/profile', 'shared/photos/me.png', 'shared/notes.txt', 'shared/data.json', 'shared/', 'shared/photos/', ''];
    const snapshot = async () => Promise.all(paths.map(async (path) => {
      const response = await fetch(base + path);
      return { path, status: response.status, type: response.headers.get('content-type'), etag: response.headers.get('etag'), body: Buffer.from(await response.arrayBuffer()).toString('base64') };
    }));
    const before = await snapshot();
    expect(before.every((r) => r.status === 200)).to.equal(true);
    expect(await first.stop()).to.equal(0);

    const second = await startServerProcess(env);
    try {
      expect(await snapshot()).to.deep.equal(before);
    } finally {
      expect(await second.stop()).to.equal(0);
    }
  });

  it('refuses a configuration that makes no sense, saying why', async () => {
    const error = await startServerProcess({ PORT: 'eighty', DATA_DIR: dataDir }).then(() => undefined, (e: Error) => e);
    expect(error?.message).to.match(/PORT must be a port number, got eighty/);
  });
});

/** `npm start` as a person runs it, in its own process group so that leftovers can be seen (and removed). */
function npmStart(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn('npm', ['start'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (chunk) => { output += chunk; });
  child.stderr!.on('data', (chunk) => { output += chunk; });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Whether any process is left in the group (kill with signal 0 only asks). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    if (await condition()) return true;
  }
  return condition();
}

describe('npm start as a process', function () {
  this.timeout(60_000);
  let dataDir: string;
  const groups: number[] = [];

  before(async () => { dataDir = await mkdtemp(join(tmpdir(), 'pod-npm-start-')); });
  after(async () => {
    for (const pgid of groups) if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stops the pod server and the aggregator when npm start gets SIGTERM: the ports are free and no process is left', async () => {
    const started = npmStart({ PORT: '0', DATA_DIR: dataDir, JOBS_PORT: '0', JOBS_SEED_GENERATED: '50', JOBS_ALERTS: 'off' });
    groups.push(started.child.pid!);
    const listening = await until(() => /^jobs listening on http:\/\/localhost:(\d+)\/$/m.test(started.output()), 45_000);
    expect(listening, started.output()).to.equal(true);
    const port = Number(/^listening on http:\/\/localhost:(\d+)\/$/m.exec(started.output())![1]);
    const jobsPort = Number(/^jobs listening on http:\/\/localhost:(\d+)\/$/m.exec(started.output())![1]);
    expect(await portAnswers(port)).to.equal(true);
    expect(await portAnswers(jobsPort)).to.equal(true);

    started.child.kill('SIGTERM'); // the npm process only, as a process manager does
    await started.exited;
    expect(await until(() => !groupAlive(started.child.pid!), 10_000), 'a process of npm start outlived it').to.equal(true);
    expect(await portAnswers(port)).to.equal(false);
    expect(await portAnswers(jobsPort)).to.equal(false);
  });

  it('says which port is in use and exits with 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const started = npmStart({ PORT: String(port), DATA_DIR: dataDir, JOBS_PORT: 'off' });
      groups.push(started.child.pid!);
      expect(await started.exited).to.equal(1);
      expect(started.output()).to.include(`port ${port} is in use`);
      expect(started.output()).not.to.match(/TypeError/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
