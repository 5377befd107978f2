/**
 * Authenticated GET of a private resource: a DPoP-bound token and a fresh DPoP proof on
 * every request, against the real server started as `npm start` would (file storage,
 * identity on) and, when PEER_CSS is given, the Community Solid Server (its file config:
 * accounts, pods, WebACL) in the same run. Two figures per server:
 *   - session.fetch: the real client library in a loop with BENCH_CONCURRENCY requests in
 *     flight (proof signing happens in this process, so it competes with the server for CPU);
 *   - pre-signed: proofs signed before the run and sent by autocannon, one per request, which
 *     measures the server alone.
 *
 *   npm run bench:auth
 *   PEER_CSS=/path/to/@solid/community-server/bin/server.js npm run bench:auth
 *   BENCH_SECONDS=10 BENCH_CONCURRENCY=10 BENCH_PROOFS=60000 ...   # defaults shown
 */
import { Session } from '@inrupt/solid-client-authn-node';
import { clientCredentialsToken, createCredentials, createPod, newDpopKey, type ClientCredentials } from '../test-support/identity.ts';
import { createCssPod } from './css-accounts.ts';
import { preSigned, type Measurement } from './pre-signed.ts';
import { startCommunitySolidServer, startOurs, type Target } from './targets.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
/** About 1 KB of Turtle, like the other GET scenarios (bench/run.ts runs on import, so not shared). */
const SAMPLE = `@prefix schema: <http://schema.org/>.\n<#me> a schema:Person; schema:name "Åsa Öberg"; schema:jobTitle "Svetsare".\n`.padEnd(1024, ' ');

interface Pod extends ClientCredentials { podUrl: string }
interface Server { start(): Promise<Target>; pod(baseUrl: string, name: string): Promise<Pod> }

const ours: Server = {
  start: startOurs,
  async pod(baseUrl, name) {
    const account = await createPod(baseUrl, name);
    return { ...(await createCredentials(baseUrl, account, 'bench')), podUrl: account.podUrl };
  },
};

const css = (serverJs: string): Server => ({
  start: () => startCommunitySolidServer(serverJs, '@css:config/file.json'),
  pod: createCssPod,
});

/** session.fetch in CONCURRENCY loops for SECONDS; every response must be 200. */
async function viaSession(session: Session, url: string): Promise<Measurement> {
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

/** A private resource in a fresh pod, then both measurements. */
async function bench(server: Server): Promise<{ name: string; real: Measurement; raw: Measurement }> {
  const target = await server.start();
  try {
    const pod = await server.pod(target.baseUrl, `bench-${Date.now().toString(36)}`);
    const session = new Session();
    await session.login({ clientId: pod.clientId, clientSecret: pod.clientSecret, oidcIssuer: pod.issuer });
    const url = `${pod.podUrl}private/profile.ttl`;
    const put = await session.fetch(url, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: SAMPLE });
    if (!put.ok) throw new Error(`${target.name}: PUT ${url}: ${put.status}`);
    if ((await fetch(url)).status !== 401) throw new Error(`${target.name}: the resource must be private for this benchmark`);
    for (let i = 0; i < 200; i++) await (await session.fetch(url)).arrayBuffer(); // warm up

    const real = await viaSession(session, url);
    console.error(`${target.name} · session.fetch: ${real.rps.toFixed(0)} req/s`);
    await session.logout({ logoutType: 'app' });
    const key = await newDpopKey();
    const raw = await preSigned(url, await clientCredentialsToken(pod.issuer, pod, key), key, { connections: CONCURRENCY, seconds: SECONDS });
    console.error(`${target.name} · pre-signed: ${raw.rps.toFixed(0)} req/s`);
    return { name: target.name, real, raw };
  } finally {
    await target.stop();
  }
}

function report(results: Awaited<ReturnType<typeof bench>>[]): void {
  const peer = results.length > 1;
  const cell = (m: Measurement) => `${m.rps.toFixed(0)} (${m.p50.toFixed(1)} / ${m.p99.toFixed(1)})${m.errors ? ` ⚠ ${m.errors} errors` : ''}${m.note ? ` ⚠ ${m.note}` : ''}`;
  const row = (client: string, pick: (r: (typeof results)[number]) => Measurement) => {
    const ratio = peer ? ` ${(pick(results[0]).rps / pick(results[1]).rps).toFixed(1)}× |` : '';
    console.log(`| ${client} | ${results.map((r) => cell(pick(r))).join(' | ')} |${ratio}`);
  };
  console.log(`\nAuthenticated GET of a private 1 KB Turtle resource (DPoP proof per request), ${CONCURRENCY} in flight, ${SECONDS} s each, file storage\n`);
  console.log(`| client | ${results.map((r) => `${r.name} req/s (p50 / p99 ms)`).join(' | ')} |${peer ? ' ratio |' : ''}`);
  console.log(`|---|${results.map(() => '---|').join('')}${peer ? '---|' : ''}`);
  row('@inrupt session.fetch (signs each proof)', (r) => r.real);
  row('autocannon, pre-signed proofs', (r) => r.raw);
}

async function main(): Promise<void> {
  const peerJs = process.env.PEER_CSS;
  const results = [];
  for (const server of [ours, ...(peerJs ? [css(peerJs)] : [])]) results.push(await bench(server));
  report(results);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
