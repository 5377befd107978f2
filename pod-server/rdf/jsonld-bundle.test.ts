import { expect } from 'chai';
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Parser } from 'n3';
import { PUBLIC_WRITABLE_ACL, freePort } from '../../test-support/server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The worker is its own entry in the bundle; under tsx it is TypeScript. This runs what `npm start` runs. */
describe('the JSON-LD worker in the bundle (npm start)', function () {
  this.timeout(60_000);
  let dataDir: string;
  before(async () => {
    await promisify(execFile)(process.execPath, ['bin/build.mjs'], { cwd: ROOT });
    dataDir = await mkdtemp(join(tmpdir(), 'pod-bundle-'));
    await mkdir(join(dataDir, 'shared'));
    await writeFile(join(dataDir, 'shared', '.acl'), PUBLIC_WRITABLE_ACL);
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('reads a large JSON-LD PUT in the bundled worker', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/start.mjs'], { cwd: ROOT, env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, STORAGE: 'file' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => { if (/^listening on /m.test(output)) resolve(); });
        void exited.then(() => reject(new Error(`the bundle exited:\n${output}`)));
      });
      const body = JSON.stringify({ '@graph': Array.from({ length: 5000 }, (_, i) => ({ '@id': `http://example.org/s${i}`, 'http://example.org/p': `value ${i}` })) });
      expect(body.length).to.be.greaterThan(64 * 1024);
      const url = `http://localhost:${port}/shared/big`;
      const put = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/ld+json' }, body });
      expect(put.status, `${await put.text()}\n${output}`).to.equal(201);
      const stored = await (await fetch(url, { headers: { accept: 'text/turtle' } })).text();
      expect(new Parser().parse(stored)).to.have.length(5000);
      expect(output).not.to.match(/worker failed/);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
