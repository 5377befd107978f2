/**
 * Authenticated GET of a private resource: a DPoP-bound token and a fresh DPoP proof on
 * every request, against the real server started as `npm start` would (file storage,
 * identity on). Two figures:
 *   - session.fetch: the real client library in a loop with BENCH_CONCURRENCY requests in
 *     flight (proof signing happens in this process, so it competes with the server for CPU);
 *   - pre-signed: proofs signed before the run and sent by autocannon, one per request, which
 *     measures the server alone.
 *
 *   node bin/build.mjs && tsx bench/authenticated-get.ts
 *   BENCH_SECONDS=10 BENCH_CONCURRENCY=10 tsx bench/authenticated-get.ts
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session } from '@inrupt/solid-client-authn-node';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import { clientCredentialsToken, createCredentials, createPod, newDpopKey } from '../test-support/identity.ts';
import { freePort } from '../test-support/server.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** About 1 KB of Turtle, like the other GET scenarios (bench/run.ts runs on import, so not shared). */
const SAMPLE = `@prefix schema: <http://schema.org/>.\n<#me> a schema:Person; schema:name "Åsa Öberg"; schema:jobTitle "Svetsare".\n`.padEnd(1024, ' ');

async function startServer(): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-auth-'));
  const port = await freePort();
  const child = spawn('node', [join(ROOT, 'dist/start.mjs')], { env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, STORAGE: 'file' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const baseUrl = `http://localhost:${port}/`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(baseUrl).then((r) => r.ok, () => false)) break;
    if (i > 2000) throw new Error('server did not come up');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    baseUrl,
    stop: async () => {
      await new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); });
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** session.fetch in CONCURRENCY loops for SECONDS; every response must be 200. */
async function viaSession(session: Session, url: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const response = await session.fetch(url, { headers: { accept: 'text/turtle' } });
      await response.arrayBuffer();
      if (response.status !== 200) errors++;
      latencies.push(performance.now() - started);
    }
  }));
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / SECONDS, p50: latencies[Math.floor(latencies.length / 2)], p99: latencies[Math.floor(latencies.length * 0.99)], errors };
}

/** autocannon with one pre-signed proof per request. */
async function preSigned(baseUrl: string, url: string, token: string, key: Awaited<ReturnType<typeof newDpopKey>>) {
  const count = Number(process.env.BENCH_PROOFS ?? 60_000);
  const iat = Math.floor(Date.now() / 1000);
  const proofs: string[] = [];
  for (let i = 0; i < count; i++) {
    proofs.push(await new SignJWT({ htm: 'GET', htu: url, jti: randomUUID(), iat }).setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: key.jwk }).sign(key.privateKey));
  }
  let next = 0;
  const result = await autocannon({
    url: baseUrl, connections: CONCURRENCY, duration: Math.min(SECONDS, 50), amount: count,
    requests: [{ method: 'GET', path: new URL(url).pathname, setupRequest: (request) => ({ ...request, headers: { accept: 'text/turtle', authorization: `DPoP ${token}`, dpop: proofs[next++] } }) }],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
}

async function main(): Promise<void> {
  const server = await startServer();
  try {
    const account = await createPod(server.baseUrl, `bench-${Date.now().toString(36)}`);
    const credentials = await createCredentials(server.baseUrl, account, 'bench');
    const session = new Session();
    await session.login({ clientId: credentials.clientId, clientSecret: credentials.clientSecret, oidcIssuer: credentials.issuer });
    const url = `${account.podUrl}private/profile.ttl`;
    const put = await session.fetch(url, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: SAMPLE });
    if (!put.ok) throw new Error(`PUT ${url}: ${put.status}`);
    if ((await fetch(url)).status !== 401) throw new Error('the resource must be private for this benchmark');
    for (let i = 0; i < 200; i++) await (await session.fetch(url)).arrayBuffer(); // warm up

    const real = await viaSession(session, url);
    console.error(`session.fetch: ${real.rps.toFixed(0)} req/s`);
    const key = await newDpopKey();
    const token = await clientCredentialsToken(credentials.issuer, credentials, key);
    const raw = await preSigned(server.baseUrl, url, token, key);
    console.error(`pre-signed: ${raw.rps.toFixed(0)} req/s`);
    await session.logout({ logoutType: 'app' });

    console.log(`\nAuthenticated GET of a private 1 KB Turtle resource (DPoP proof per request), ${CONCURRENCY} in flight, file storage\n`);
    console.log('| client | req/s | p50 ms | p99 ms | errors |');
    console.log('|---|---|---|---|---|');
    console.log(`| @inrupt session.fetch (signs each proof) | ${real.rps.toFixed(0)} | ${real.p50.toFixed(1)} | ${real.p99.toFixed(1)} | ${real.errors} |`);
    console.log(`| autocannon, pre-signed proofs | ${raw.rps.toFixed(0)} | ${raw.p50} | ${raw.p99} | ${raw.errors} |`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
