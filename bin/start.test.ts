import { expect } from 'chai';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
