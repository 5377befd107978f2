/**
 * The inbox-flood figures: one stranger posting 1,000 access requests and 1,000 binaries of
 * 210 KB to a citizen's inbox with the default limits, and the owner reading page one of a
 * 57,000-line access log through the paged API versus the whole log. In-process server with
 * file storage; the client shares the machine.
 *
 *   tsx bench/inbox-abuse.ts
 */
import { appendEntry, parseLog, serializeEntry, serializeRequest, type AccessLogEntry } from '../consent/index.ts';
import { agent, employerRequest, type Agent } from '../test-support/consent.ts';
import { startTestServer } from '../test-support/server.ts';

const FLOOD = 1000;
const CONCURRENCY = 20;
const LOG_LINES = 57_000;

async function flood(label: string, send: () => Promise<Response>): Promise<void> {
  const counts = new Map<number, number>();
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next++ < FLOOD) {
      const response = await send();
      await response.arrayBuffer();
      counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
    }
  }));
  console.log(`${label}: ${FLOOD} POSTs in ${((performance.now() - started) / 1000).toFixed(1)} s, answers ${JSON.stringify(Object.fromEntries(counts))}`);
}

async function main(): Promise<void> {
  const pod = await startTestServer({ storage: 'file', config: { identity: true, maxBodyBytes: 25 * 1024 * 1024 } });
  const agents: Agent[] = [];
  try {
    const [citizen, mallory, mallet] = [await agent(pod.baseUrl, 'citizen'), await agent(pod.baseUrl, 'mallory'), await agent(pod.baseUrl, 'mallet')];
    agents.push(citizen, mallory, mallet);
    const owner = (path: string) => citizen.session.fetch(`${citizen.account.podUrl}${path}`);

    let i = 0;
    await flood('access requests', async () => mallory.session.fetch(citizen.inbox, {
      method: 'POST', headers: { 'content-type': 'text/turtle' },
      body: await serializeRequest(employerRequest(mallory, citizen, ['skills'], { purpose: `https://w3id.org/dpv#Purpose${i++}` })),
    }));
    const pending = (await (await owner('.consent/requests')).json()) as { total: number };
    console.log(`  pending requests stored: ${pending.total}`);

    const binary = new Uint8Array(210 * 1024).fill(1);
    await flood('210 KB binaries (another stranger)', () => mallet.session.fetch(citizen.inbox, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: binary }));
    const inbox = await (await citizen.session.fetch(citizen.inbox, { headers: { accept: 'application/n-triples' } })).text();
    console.log(`  inbox members: ${(inbox.match(/ldp#contains>/g) ?? []).length}`);

    let last: AccessLogEntry | undefined;
    const lines: string[] = [];
    for (let n = 0; n < LOG_LINES; n++) {
      last = appendEntry(last, { grantee: 'https://employer.example/profile#org', clientId: 'https://employer.example/app', resource: `${citizen.account.podUrl}competence/skills`, mode: 'read', recordId: `${citizen.account.podUrl}consent/records/x` }, new Date(Date.UTC(2026, 0, 1) + n * 1000));
      lines.push(serializeEntry(last));
    }
    await pod.server.store.write(`/citizen/consent/access-log`, Buffer.from(lines.join('')), 'application/jsonl');
    const bytes = lines.reduce((sum, line) => sum + line.length, 0);
    await owner('.consent/log?limit=1'); // loads the pod's consent state once
    for (let round = 0; round < 3; round++) {
      let started = performance.now();
      const page = (await (await owner('.consent/log?limit=100')).json()) as { total: number; items: unknown[] };
      const paged = performance.now() - started;
      started = performance.now();
      const whole = parseLog(await (await owner('consent/access-log')).text());
      const full = performance.now() - started;
      console.log(`access log of ${LOG_LINES} lines (${(bytes / 1e6).toFixed(1)} MB): page one (100 of ${page.total}) ${paged.toFixed(0)} ms; whole log fetched and parsed (${whole.length}) ${full.toFixed(0)} ms`);
    }
  } finally {
    await Promise.all(agents.map((a) => a.session.logout().catch(() => undefined)));
    await pod.stop();
  }
}

await main();
