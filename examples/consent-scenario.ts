// An employer asks a citizen for her skills and experience for a named vacancy, the citizen
// approves, the employer reads, the citizen withdraws, and the employer is refused.
// Everything goes over HTTP to a real pod server: one started here (in memory, on a free port),
// or one already running when BASE_URL names it, so that the requests show on its consent pages.
// Run: npx tsx examples/consent-scenario.ts                       (PORT=… if 3210 is taken)
//      BASE_URL=http://localhost:3000/ npx tsx examples/consent-scenario.ts
import { randomBytes } from 'node:crypto';
import { Session } from '@inrupt/solid-client-authn-node';
import { OwnerClient, RequesterClient, buildRequest, describeEntry, noticeHash } from '../consent/index.ts';
import { createPodServer } from '../pod-server/server.ts';

const port = Number(process.env.PORT ?? 3210);
const server = process.env.BASE_URL ? undefined : await createPodServer({
  port, baseUrl: `http://localhost:${port}/`, storage: 'memory', dataDir: '', maxBodyBytes: 1 << 20, durableWrites: false, identity: true,
});
await server?.listen();
const base = server?.config.baseUrl ?? new URL(process.env.BASE_URL!).href.replace(/\/?$/, '/');
// A running server may have seen this example before: its accounts get fresh names.
const suffix = server ? '' : `-${randomBytes(3).toString('hex')}`;
console.log(`pod server on ${base}`);

/** A person or an organisation: a pod from the account API, then a logged-in session. */
async function join(podName: string, fullName: string) {
  const name = podName + suffix;
  const account = { name, email: `${name}@example.org`, password: 'a long example password' };
  const created = await post(`${base}.account/pods`, account);
  const credentials = await post(`${base}.account/credentials`, { name: 'example' }, `Basic ${Buffer.from(`${account.email}:${account.password}`).toString('base64')}`);
  const session = new Session();
  await session.login({ clientId: credentials.clientId, clientSecret: credentials.clientSecret, oidcIssuer: created.issuer });
  console.log(`${fullName}: ${created.webId}`);
  // The name the citizen is shown: the profile's foaf:name, recorded when a request arrives.
  const webId = created.webId as string;
  await session.fetch(webId.split('#')[0], {
    method: 'PATCH', headers: { 'content-type': 'application/sparql-update' },
    body: `PREFIX foaf: <http://xmlns.com/foaf/0.1/> DELETE { <${webId}> foaf:name ?n } INSERT { <${webId}> foaf:name ${JSON.stringify(fullName.replace(/ \(.*\)$/, ''))} } WHERE { <${webId}> foaf:name ?n }`,
  });
  return { webId, podUrl: created.podUrl as string, clientId: credentials.clientId as string, fetch: session.fetch, session, account };
}

async function post(url: string, body: unknown, authorization?: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

const anna = await join('anna', 'Anna Lind (citizen)');
const volvo = await join('volvo-recruiting', 'Volvo Cars recruiting (employer)');

// Anna keeps her competence profile in her pod, one document per section.
for (const [section, turtle] of Object.entries({
  skills: '<#mig> <http://schema.org/name> "MIG/MAG-svetsning"; <https://w3id.org/jobtech-mydata/vocab#monthsOfExperience> 96.',
  experience: '<#job> <http://schema.org/name> "Svetsare, Luleå Mekaniska AB, 2017–".',
  contact: '<#me> <http://schema.org/telephone> "+46 70 123 45 67".',
})) {
  await anna.fetch(`${anna.podUrl}competence/${section}`, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: turtle });
}

// 1. The employer asks, for one named vacancy, for two sections only.
const notice = 'Volvo Cars reads your skills and experience to assess your application for "Svetsare, Torslanda" (ad 2026-4711).';
const requester = new RequesterClient({ fetch: volvo.fetch, inbox: `${volvo.podUrl}inbox/`, webId: volvo.webId });
const request = buildRequest({
  requester: volvo.webId, clientId: volvo.clientId, dataSubject: anna.webId, sections: ['skills', 'experience'],
  purpose: 'https://w3id.org/dpv#HumanResourceManagement', legalBasis: 'https://w3id.org/dpv#Consent',
  notice: { en: notice, sv: 'Volvo Cars läser dina kompetenser och erfarenheter för att bedöma din ansökan till "Svetsare, Torslanda" (annons 2026-4711).', url: 'https://volvocars.example/privacy/recruiting', sha256: noticeHash(notice) },
  duration: 'P30D', retention: 'P90D', replyTo: `${volvo.podUrl}inbox/`,
});
const requestUrl = await requester.sendRequest(await requester.findInbox(anna.webId), request);
console.log(`\n1. Volvo asked: ${requestUrl}`);

// 2. Anna sees it and approves (she could also approve fewer sections, or for a shorter time).
const owner = new OwnerClient({ podUrl: anna.podUrl, fetch: anna.fetch });
const [pending] = await owner.listPending();
console.log(`2. Anna sees a request from ${pending.requester} for ${pending.sections.join(' and ')}; she approves.`);
await owner.approve(pending.id);

// 3. The employer receives a signed receipt and reads what it was given, nothing else.
const answer = await requester.waitForReceipt(requestUrl, { keys: `${base}.well-known/consent-jwks`, issuer: base, intervalMs: 100 });
if (answer.status !== 'given') throw new Error('expected a consent');
console.log(`3. Volvo holds a verified receipt, valid until ${answer.claims.valid_until}`);
console.log(`   skills:     ${(await requester.readGranted(anna.podUrl, 'skills')).body.trim()}`);
console.log(`   experience: ${(await requester.readGranted(anna.podUrl, 'experience')).body.trim()}`);
console.log(`   contact:    HTTP ${(await volvo.fetch(`${anna.podUrl}competence/contact`)).status} (not granted)`);

// 4. Anna withdraws with one call; the very next read is refused and Volvo is told.
const [grant] = await owner.listActiveGrants();
await owner.withdraw(grant.id);
console.log(`4. Anna withdrew. Volvo reads skills again: HTTP ${(await volvo.fetch(`${anna.podUrl}competence/skills`)).status}`);
console.log(`   Volvo's inbox says: ${(await requester.readWithdrawals()).map((n) => `${n.status} ${n.record}`).join(', ')}`);
console.log(`   Status endpoint: ${JSON.stringify(await requester.checkStatus(answer.receipt, answer.claims.status_url))}`);

// 5. Anna's access log: every read under her consent, hash-chained.
const { entries, verification } = await owner.readAccessLog();
console.log(`5. Anna's access log (chain ${verification.valid ? 'verified' : 'BROKEN'}):`);
for (const entry of entries) console.log(`   - ${describeEntry(entry, { granteeName: grant.requesterName, recordGivenAt: grant.validFrom })}`);

if (!server) {
  // 6. Against a running server: one more request, left for Anna to answer on her consent page.
  await requester.sendRequest(await requester.findInbox(anna.webId), { ...request, sections: ['skills', 'experience', 'contact'], createdAt: new Date().toISOString() });
  console.log(`6. A new request waits on ${base}.account/consent — log in as ${anna.account.email} / ${anna.account.password}`);
}
await Promise.all([anna.session.logout(), volvo.session.logout()]);
await server?.close();
