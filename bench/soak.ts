/**
 * Memory under load: resident memory of the pod server (the `npm start` bundle, file storage)
 * idle, after a mixed soak over many distinct resources, and after it has sat idle again.
 * Every cache the server keeps is meant to be bounded in bytes, so RSS must level off rather
 * than grow with the number of resources touched.
 *
 *   node bin/build.mjs && tsx bench/soak.ts
 *   SOAK_SECONDS=60 SOAK_RESOURCES=4000 SOAK_CONNECTIONS=16 ...   (defaults shown)
 */
import autocannon from 'autocannon';
import { startOurs } from './targets.ts';
import { readFile } from 'node:fs/promises';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const RESOURCES = Number(process.env.SOAK_RESOURCES ?? 4000);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 16);

/** About 1 KB of Turtle, like a small profile section. */
const SAMPLE = `@prefix schema: <http://schema.org/>.\n<#me> a schema:Person; schema:name "Åsa Öberg"; schema:jobTitle "Svetsare".\n`.padEnd(1024, ' ');

const PATCH = `@prefix solid: <http://www.w3.org/ns/solid/terms#>.
_:p a solid:InsertDeletePatch; solid:inserts { <#me> <http://schema.org/knowsLanguage> "sv". }.`;

/** One request of the mix: mostly reads in three formats, some writes, patches and listings. */
function pick(counter: number): { method: 'PUT' | 'PATCH' | 'GET'; path: string; headers: Record<string, string>; body?: string } {
  const n = Math.floor(Math.random() * RESOURCES);
  const path = `/bench/soak/${n % 40}/r${n}`;
  switch (counter % 10) {
    case 0: return { method: 'PUT', path, headers: { 'content-type': 'text/turtle' }, body: SAMPLE };
    case 1: return { method: 'PATCH', path, headers: { 'content-type': 'text/n3' }, body: PATCH };
    case 2: return { method: 'GET', path, headers: { accept: 'application/ld+json' } };
    case 3: return { method: 'GET', path, headers: { accept: 'application/n-triples' } };
    case 4: return { method: 'GET', path: `/bench/soak/${n % 40}/`, headers: { accept: 'text/turtle' } };
    default: return { method: 'GET', path, headers: { accept: 'text/turtle' } };
  }
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const server = await startOurs();
  try {
    // Every resource exists before the soak, so reads hit real bodies, not 404s.
    for (let n = 0; n < RESOURCES; n++) {
      await fetch(`${server.baseUrl}bench/soak/${n % 40}/r${n}`, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: SAMPLE });
    }
    const before = await rssMb(server.pid);
    const samples: number[] = [];
    const sampler = setInterval(() => { rssMb(server.pid).then((mb) => samples.push(mb), () => {}); }, 5000);
    let counter = 0;
    const result = await autocannon({
      url: server.baseUrl, connections: CONNECTIONS, duration: SECONDS,
      requests: [{ setupRequest: (request) => ({ ...request, ...pick(counter++) }) }],
    });
    clearInterval(sampler);
    const after = await rssMb(server.pid);
    await sleep(10_000);
    const rested = await rssMb(server.pid);
    console.log(`\nsoak: ${SECONDS} s, ${CONNECTIONS} connections, ${RESOURCES} distinct resources, ${result.requests.total} requests, ${result.errors + result.timeouts} errors, ${result.non2xx} non-2xx`);
    console.log(`| RSS (MB) | idle, resources written | every 5 s during the soak | right after | 10 s later |`);
    console.log(`|---|---|---|---|---|`);
    console.log(`| pod server | ${before.toFixed(0)} | ${samples.map((mb) => mb.toFixed(0)).join(' → ')} | ${after.toFixed(0)} | ${rested.toFixed(0)} |`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
