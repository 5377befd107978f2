/**
 * Pod server benchmark: the same scenarios against this server and, when given, the
 * Community Solid Server, in one run on one machine, reported side by side as ratios.
 *
 *   npm run bench                                   # this server only
 *   PEER_CSS=/path/to/@solid/community-server/bin/server.js npm run bench
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=10 ...       # load settings (defaults shown)
 */
import autocannon from 'autocannon';
import { startCommunitySolidServer, startOurs, type Target } from './targets.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

/** About 1 KB of Turtle: a small competence profile section. */
export function sampleTurtle(): string {
  const skills = Array.from({ length: 9 }, (_, i) => `  jm:skill <http://data.jobtechdev.se/taxonomy/concept/skill-${i}>;`).join('\n');
  return `@prefix schema: <http://schema.org/>.\n@prefix jm: <https://w3id.org/jobtech-mydata/vocab#>.\n<#me> a schema:Person;\n  schema:name "Åsa Öberg";\n${skills}\n  schema:jobTitle "Svetsare".\n`.padEnd(1024, ' ');
}

const N3_PATCH = `@prefix solid: <http://www.w3.org/ns/solid/terms#>. @prefix schema: <http://schema.org/>.
_:patch a solid:InsertDeletePatch; solid:inserts { <#me> schema:knowsLanguage "sv". }.`;

interface Scenario { name: string; path: string; method: 'GET' | 'PUT' | 'PATCH'; headers: Record<string, string>; body?: string }

const scenarios: Scenario[] = [
  { name: 'GET 1 KB Turtle', path: 'bench/doc.ttl', method: 'GET', headers: { accept: 'text/turtle' } },
  { name: 'PUT 1 KB Turtle', path: 'bench/put.ttl', method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: sampleTurtle() },
  { name: 'GET container, 100 members', path: 'bench/list/', method: 'GET', headers: { accept: 'text/turtle' } },
  { name: 'PATCH (N3 Patch)', path: 'bench/patch.ttl', method: 'PATCH', headers: { 'content-type': 'text/n3' }, body: N3_PATCH },
];

async function prepare(target: Target): Promise<void> {
  const put = async (path: string) => {
    const response = await fetch(target.baseUrl + path, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: sampleTurtle() });
    if (!response.ok) throw new Error(`${target.name}: PUT ${path} answered ${response.status}`);
  };
  await put('bench/doc.ttl');
  await put('bench/patch.ttl');
  for (let i = 0; i < 100; i++) await put(`bench/list/member-${i}`);
}

interface Measurement { rps: number; p50: number; p99: number; errors: number }

async function measure(target: Target, scenario: Scenario): Promise<Measurement> {
  const result = await autocannon({
    url: target.baseUrl + scenario.path, method: scenario.method, headers: scenario.headers, body: scenario.body,
    connections: CONNECTIONS, duration: SECONDS,
  });
  const errors = result.errors + result.non2xx + result.timeouts;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

async function main(): Promise<void> {
  const peerJs = process.env.PEER_CSS;
  const results = new Map<string, { target: Target; rows: Measurement[] }>();
  for (const start of [startOurs, ...(peerJs ? [() => startCommunitySolidServer(peerJs)] : [])]) {
    const target = await start();
    try {
      await prepare(target);
      const rows: Measurement[] = [];
      for (const scenario of scenarios) {
        rows.push(await measure(target, scenario));
        console.error(`${target.name} · ${scenario.name}: ${rows.at(-1)!.rps.toFixed(0)} req/s`);
      }
      results.set(target.name, { target, rows });
    } finally {
      await target.stop();
    }
  }
  report([...results.values()]);
}

function report(results: { target: Target; rows: Measurement[] }[]): void {
  const [ours, peer] = results;
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per scenario, file storage\n`);
  console.log(`| scenario | ${results.map((r) => `${r.target.name} req/s (p50 / p99 ms)`).join(' | ')}${peer ? ' | ratio |' : ' |'}`);
  console.log(`|---|${results.map(() => '---|').join('')}${peer ? '---|' : ''}`);
  scenarios.forEach((scenario, i) => {
    const cells = results.map((r) => `${r.rows[i].rps.toFixed(0)} (${r.rows[i].p50} / ${r.rows[i].p99})${r.rows[i].errors ? ` ⚠ ${r.rows[i].errors} errors` : ''}`);
    const ratio = peer ? ` ${(ours.rows[i].rps / peer.rows[i].rps).toFixed(1)}× |` : '';
    console.log(`| ${scenario.name} | ${cells.join(' | ')} |${ratio}`);
  });
  console.log(`| start-up (ms) | ${results.map((r) => r.target.startMs.toFixed(0)).join(' | ')} |${peer ? ` ${(peer.target.startMs / ours.target.startMs).toFixed(1)}× faster |` : ''}`);
  console.log(`| idle RSS (MB) | ${results.map((r) => r.target.idleRssMb.toFixed(0)).join(' | ')} |${peer ? ` ${(peer.target.idleRssMb / ours.target.idleRssMb).toFixed(1)}× smaller |` : ''}`);
}

main().catch((error) => { console.error(error); process.exit(1); });
