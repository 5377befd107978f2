/**
 * What consent enforcement costs: the same authenticated GET of a 1 KB private resource,
 * once allowed by WAC (an ACL names the reader) and once allowed by a consent grant (the
 * pod server evaluates the grant and appends to the hash-chained access log before it
 * answers). Proofs are pre-signed so the figures measure the server, side by side in one run.
 *
 *   node bin/build.mjs && tsx bench/consent-get.ts
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=10 ...
 */
import { Session } from '@inrupt/solid-client-authn-node';
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { OwnerClient, RequesterClient } from '../consent/index.ts';
import { employerRequest, type Agent } from '../test-support/consent.ts';
import { clientCredentialsToken, createCredentials, createPod, newDpopKey, type DpopKey } from '../test-support/identity.ts';
import { startOurs } from './targets.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SAMPLE = `@prefix schema: <http://schema.org/>.\n<#weld> a schema:DefinedTerm; schema:name "MIG/MAG-svetsning".\n`.padEnd(1024, ' ');

async function join(baseUrl: string, name: string): Promise<Agent> {
  const account = await createPod(baseUrl, name);
  const credentials = await createCredentials(baseUrl, account, 'bench');
  const session = new Session();
  await session.login({ clientId: credentials.clientId, clientSecret: credentials.clientSecret, oidcIssuer: credentials.issuer });
  return { account, credentials, session, inbox: `${account.podUrl}inbox/` };
}

async function put(agent: Agent, url: string, body: string): Promise<void> {
  const response = await agent.session.fetch(url, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body });
  if (!response.ok) throw new Error(`PUT ${url}: ${response.status} ${await response.text()}`);
}

/** autocannon with one pre-signed DPoP proof per request; every answer must be 200. */
async function measure(url: string, token: string, key: DpopKey): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const count = Number(process.env.BENCH_PROOFS ?? 40_000);
  const iat = Math.floor(Date.now() / 1000);
  const proofs: string[] = [];
  for (let i = 0; i < count; i++) {
    proofs.push(await new SignJWT({ htm: 'GET', htu: url, jti: randomUUID(), iat }).setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: key.jwk }).sign(key.privateKey));
  }
  let next = 0;
  const result = await autocannon({
    url: new URL(url).origin, connections: CONNECTIONS, duration: Math.min(SECONDS, 50), amount: count,
    requests: [{ method: 'GET', path: new URL(url).pathname, setupRequest: (request) => ({ ...request, headers: { accept: 'text/turtle', authorization: `DPoP ${token}`, dpop: proofs[next++] } }) }],
  });
  // requests.average is per whole second; the total over the exact duration is finer.
  return { rps: result.requests.total / result.duration, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
}

async function main(): Promise<void> {
  const server = await startOurs();
  try {
    const [citizen, employer] = [await join(server.baseUrl, 'citizen'), await join(server.baseUrl, 'employer')];
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
    const wac = await measure(viaWac, token, key);
    console.error(`WAC: ${wac.rps.toFixed(0)} req/s`);
    const consent = await measure(viaConsent, token, key);
    console.error(`consent: ${consent.rps.toFixed(0)} req/s`);
    const log = await citizen.session.fetch(`${citizen.account.podUrl}consent/access-log`);
    const lines = (await log.text()).trim().split('\n').length;
    await Promise.all([citizen.session.logout(), employer.session.logout()]);

    console.log(`\nAuthenticated GET of a private 1 KB resource, pre-signed DPoP proofs, ${CONNECTIONS} connections, file storage\n`);
    console.log('| allowed by | req/s | p50 ms | p99 ms | errors |');
    console.log('|---|---|---|---|---|');
    console.log(`| WAC (acl:agent) | ${wac.rps.toFixed(0)} | ${wac.p50} | ${wac.p99} | ${wac.errors} |`);
    console.log(`| consent grant + access-log append | ${consent.rps.toFixed(0)} | ${consent.p50} | ${consent.p99} | ${consent.errors} |`);
    console.log(`\nconsent costs ${(100 * (1 - consent.rps / wac.rps)).toFixed(1)}% of throughput; the access log holds ${lines} entries (one per read).`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
