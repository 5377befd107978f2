/**
 * What consent enforcement costs: the same authenticated GET of a 1 KB private resource,
 * once allowed by WAC (an ACL names the reader) and once allowed by a consent grant (the
 * pod server evaluates the grant and appends to the hash-chained access log before it
 * answers). Proofs are pre-signed so the figures measure the server, side by side in one run.
 *
 *   node bin/build.mjs && tsx bench/consent-get.ts
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=10 ...
 */
import { OwnerClient, RequesterClient } from '../consent/index.ts';
import { agent, employerRequest, type Agent } from '../test-support/consent.ts';
import { clientCredentialsToken, newDpopKey } from '../test-support/identity.ts';
import { preSigned, type Measurement } from './pre-signed.ts';
import { cpuSeconds, startOurs } from './targets.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SAMPLE = `@prefix schema: <http://schema.org/>.\n<#weld> a schema:DefinedTerm; schema:name "MIG/MAG-svetsning".\n`.padEnd(1024, ' ');

async function put(who: Agent, url: string, body: string): Promise<void> {
  const response = await who.session.fetch(url, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body });
  if (!response.ok) throw new Error(`PUT ${url}: ${response.status} ${await response.text()}`);
}

async function main(): Promise<void> {
  const server = await startOurs();
  try {
    const [citizen, employer] = [await agent(server.baseUrl, 'citizen'), await agent(server.baseUrl, 'employer')];
    const viaWac = `${citizen.account.podUrl}shared/skills`;
    const viaConsent = `${citizen.account.podUrl}competence/skills`;
    await put(citizen, viaWac, SAMPLE);
    await put(citizen, `${viaWac}.acl`, `@prefix acl: <http://www.w3.org/ns/auth/acl#>.
<#owner> a acl:Authorization; acl:agent <${citizen.account.webId}>; acl:accessTo <skills>; acl:mode acl:Read, acl:Write, acl:Control.
<#reader> a acl:Authorization; acl:agent <${employer.account.webId}>; acl:accessTo <skills>; acl:mode acl:Read.`);
    await put(citizen, viaConsent, SAMPLE);

    const requester = new RequesterClient({ fetch: employer.session.fetch, inbox: employer.inbox, webId: employer.account.webId });
    const requestUrl = await requester.sendRequest(citizen.inbox, employerRequest(employer, citizen, ['skills']));
    await new OwnerClient({ podUrl: citizen.account.podUrl, fetch: citizen.session.fetch }).approve(requestUrl);
    for (const url of [viaWac, viaConsent]) {
      const status = (await employer.session.fetch(url)).status;
      if (status !== 200) throw new Error(`${url} answered ${status}`);
    }

    const key = await newDpopKey();
    const token = await clientCredentialsToken(employer.credentials.issuer, employer.credentials, key);
    /** Throughput, and the server's own CPU time per request (the client shares the machine). */
    const measure = async (url: string): Promise<Measurement & { cpuUs: number }> => {
      const before = await cpuSeconds(server.pid);
      const result = await preSigned(url, token, key, { connections: CONNECTIONS, seconds: SECONDS });
      return { ...result, cpuUs: ((await cpuSeconds(server.pid)) - before) * 1e6 / (result.rps * SECONDS) };
    };
    const wac = await measure(viaWac);
    console.error(`WAC: ${wac.rps.toFixed(0)} req/s`);
    const consent = await measure(viaConsent);
    console.error(`consent: ${consent.rps.toFixed(0)} req/s`);
    const log = await citizen.session.fetch(`${citizen.account.podUrl}consent/access-log`);
    const lines = (await log.text()).trim().split('\n').length;
    await Promise.all([citizen.session.logout(), employer.session.logout()]);

    console.log(`\nAuthenticated GET of a private 1 KB resource, pre-signed DPoP proofs, ${CONNECTIONS} connections, file storage\n`);
    console.log('| allowed by | req/s | p50 ms | p99 ms | server CPU µs/request | errors |');
    console.log('|---|---|---|---|---|---|');
    for (const [name, m] of [['WAC (acl:agent)', wac], ['consent grant + access-log append', consent]] as const) {
      console.log(`| ${name} | ${m.rps.toFixed(0)} | ${m.p50} | ${m.p99} | ${m.cpuUs.toFixed(0)} | ${m.errors}${m.note ? ` ⚠ ${m.note}` : ''} |`);
    }
    console.log(`\nconsent costs ${(100 * (1 - consent.rps / wac.rps)).toFixed(1)}% of throughput and ${(100 * (consent.cpuUs / wac.cpuUs - 1)).toFixed(1)}% more server CPU per request;`);
    console.log(`the access log holds ${lines} entries, one per read under the grant.`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
