/**
 * A wrong-password flood against the account API while an innocent client GETs a file-backed
 * resource: how much slower do other requests get? (Reliability finding R3.)
 *
 *   npx tsx bench/login-flood.ts                     # this checkout
 *   SERVER_DIR=/path/to/other/checkout npx tsx bench/login-flood.ts   # e.g. an older commit, for "before"
 *
 * The server runs in its own process with file storage. Three phases of FLOOD_SECONDS each:
 * idle; a flood from one address (FLOOD_CLIENTS loops, each sending Basic logins with random
 * emails); the same flood with each request from a new address (X-Forwarded-For, trusted from
 * loopback), which no per-address limit stops. One GET at a time is timed throughout, each of a
 * document not read before (bodies are cached, so a repeated GET would not touch the disk).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test-support/server.ts';

const SERVER_DIR = resolve(process.env.SERVER_DIR ?? fileURLToPath(new URL('..', import.meta.url)));
const SECONDS = Number(process.env.FLOOD_SECONDS ?? 10);
const CLIENTS = Number(process.env.FLOOD_CLIENTS ?? 16);

const dataDir = await mkdtemp(join(tmpdir(), 'bench-login-flood-'));
await mkdir(join(dataDir, 'bench'));
await writeFile(join(dataDir, 'bench', '.acl'), `@prefix acl: <http://www.w3.org/ns/auth/acl#>. @prefix foaf: <http://xmlns.com/foaf/0.1/>.
<#public> a acl:Authorization; acl:agentClass foaf:Agent; acl:accessTo <./>; acl:default <./>; acl:mode acl:Read.`);
// Each timed GET reads a document nobody read before: the server caches bodies, and this measures the disk path.
const DOCUMENTS = 4000;
const body = Array.from({ length: 20 }, (_, i) => `<#s${i}> <#p> "value ${i}".`).join('\n');
for (let i = 0; i < DOCUMENTS; i++) await writeFile(join(dataDir, 'bench', `doc${i}`), body);
let next = 0;
const port = await freePort();
const base = `http://localhost:${port}/`;
const child = spawn('node', ['--import', 'tsx', join(SERVER_DIR, 'bin/start.ts')], {
  cwd: SERVER_DIR,
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, STORAGE: 'file', TRUST_PROXY: 'loopback' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

try {
  await waitUntilUp();
  console.log(`server: ${SERVER_DIR}; ${CLIENTS} flooding clients; ${SECONDS} s per phase`);
  console.log('phase                      GETs   p50 ms   p99 ms   max ms   logins/s  login answers');
  await phase('idle', undefined);
  await phase('flood, one address', () => '10.0.0.1');
  await phase('flood, every request new', () => `10.${rand(256)}.${rand(256)}.${rand(256)}`);
} finally {
  child.kill('SIGTERM');
  await new Promise((done) => child.once('exit', done));
  await rm(dataDir, { recursive: true, force: true });
}

async function phase(name: string, address: (() => string) | undefined): Promise<void> {
  const until = performance.now() + SECONDS * 1000;
  const answers = new Map<number, number>();
  const flood = address ? Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < until) {
      const auth = Buffer.from(`${rand(1e9)}${rand(1e9)}@x.org:wrong`).toString('base64');
      const status = await fetch(`${base}.account/credentials`, { headers: { authorization: `Basic ${auth}`, 'x-forwarded-for': address() } })
        .then(async (r) => { await r.arrayBuffer(); return r.status; }, () => 0);
      answers.set(status, (answers.get(status) ?? 0) + 1);
    }
  }) : [];
  const times: number[] = [];
  while (performance.now() < until) {
    const started = performance.now();
    if (next >= DOCUMENTS) throw new Error('out of unread documents: lower FLOOD_SECONDS');
    const response = await fetch(`${base}bench/doc${next++}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET answered ${response.status}`);
    times.push(performance.now() - started);
    await new Promise((done) => setTimeout(done, 20));
  }
  await Promise.all(flood);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  const total = [...answers.values()].reduce((a, b) => a + b, 0);
  const statuses = [...answers].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
  console.log(`${name.padEnd(26)} ${String(times.length).padStart(4)} ${at(0.5).padStart(8)} ${at(0.99).padStart(8)} ${times.at(-1)!.toFixed(1).padStart(8)} ${(total / SECONDS).toFixed(1).padStart(10)}  ${statuses}`);
}

function rand(n: number): number { return Math.floor(Math.random() * n); }

async function waitUntilUp(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('the server exited');
    try {
      if ((await fetch(base)).ok) return;
    } catch { /* not yet */ }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the server did not start');
}
