import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import { decodeJwt } from 'jose';
import { basic, clientCredentialsToken, createPod, dpopFetch, newDpopKey, type PodAccount } from '../../test-support/identity.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

/** A service on its own origin that serves whatever profile the test sets (or a redirect, or junk). */
interface ProfileHost { origin: string; webId: string; serve: (status: number, body: string, headers?: Record<string, string>) => void; close(): Promise<void> }

async function profileHost(): Promise<ProfileHost> {
  let answer = { status: 404, body: '', headers: {} as Record<string, string> };
  const server: Server = createServer((req, res) => {
    res.writeHead(answer.status, { 'content-type': 'text/turtle', ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${(server.address() as { port: number }).port}`;
  return {
    origin,
    webId: `${origin}/profile/card#me`,
    serve(status, body, headers = {}) { answer = { status, body, headers }; },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('linking a WebID on another origin to an account', () => {
  let pod: TestServer;
  let host: ProfileHost;
  let owner: PodAccount;
  const call = (method: string, path: string, body?: unknown, account = owner) => fetch(new URL(path, pod.baseUrl), {
    method, headers: { 'content-type': 'application/json', accept: 'application/json', authorization: basic(account.email, account.password) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const profile = (extra: string) => `@prefix solid: <http://www.w3.org/ns/solid/terms#>.\n<#me> a <http://xmlns.com/foaf/0.1/Agent>; ${extra}.\n`;

  before(async () => {
    pod = await startTestServer({ config: { identity: true } });
    host = await profileHost();
    owner = await createPod(pod.baseUrl, 'service-owner');
  });
  after(async () => {
    await host.close();
    await pod.stop();
  });

  it('refuses credentials for a WebID that is not linked', async () => {
    const response = await call('POST', '/.account/credentials', { name: 'svc', webId: host.webId });
    expect(response.status).to.equal(403);
    expect((await response.json()).message).to.match(/not linked/);
  });

  it('refuses WebIDs it must not fetch or that belong to this server, with reasons', async () => {
    const cases: Array<[unknown, string]> = [
      ['not a url', 'invalid_webid'],
      ['http://example.org/profile#me', 'invalid_webid'],
      ['https://user:pw@example.org/profile#me', 'invalid_webid'],
      [`${pod.baseUrl}service-owner/profile/card#me`, 'local_webid'],
      [42, 'invalid_webid'],
    ];
    for (const [webId, code] of cases) {
      const response = await call('POST', '/.account/webids', { webId });
      expect(response.status, String(webId)).to.equal(400);
      expect((await response.json()).error, String(webId)).to.equal(code);
    }
  });

  it('hands out a token, refuses a profile that lacks it or the issuer, and links once both are there', async () => {
    const first = await call('POST', '/.account/webids', { webId: host.webId });
    expect(first.status).to.equal(202);
    const challenge = await first.json();
    expect(challenge.token).to.match(/^[A-Za-z0-9_-]{32}$/);
    expect(challenge.predicate).to.equal('http://www.w3.org/ns/solid/terms#oidcIssuerRegistrationToken');

    const tries: Array<[number, string, Record<string, string>, string]> = [
      [404, '', {}, 'profile_unreachable'],
      [302, '', { location: 'https://example.org/' }, 'profile_unreachable'],
      [200, profile(`solid:oidcIssuerRegistrationToken "${challenge.token}"`), {}, 'issuer_not_listed'],
      [200, profile(`solid:oidcIssuer <${pod.baseUrl}>`), {}, 'token_not_found'],
      [200, profile(`solid:oidcIssuer <${pod.baseUrl}>; solid:oidcIssuerRegistrationToken "wrong"`), {}, 'token_not_found'],
      [200, `${profile(`solid:oidcIssuer <${pod.baseUrl}>`)}#${'x'.repeat(70_000)}`, {}, 'profile_too_large'],
      [200, '<#me> <a> ', {}, 'profile_invalid'],
      [200, '{}', { 'content-type': 'application/json' }, 'profile_not_turtle'],
    ];
    for (const [status, body, headers, code] of tries) {
      host.serve(status, body, headers);
      const response = await call('POST', '/.account/webids', { webId: host.webId });
      expect(response.status, code).to.equal(422);
      expect((await response.json()).error).to.equal(code);
    }

    host.serve(200, profile(`solid:oidcIssuer <${pod.baseUrl}>; solid:oidcIssuerRegistrationToken "${challenge.token}"`));
    const linked = await call('POST', '/.account/webids', { webId: host.webId });
    expect(linked.status).to.equal(201);
    expect(await linked.json()).to.deep.equal({ webId: host.webId, linked: true });
    expect((await call('POST', '/.account/webids', { webId: host.webId })).status, 'linking again changes nothing').to.equal(200);
    expect((await (await call('GET', '/.account/webids')).json()).map((l: { webId: string }) => l.webId)).to.deep.equal([host.webId]);
  });

  it('issues credentials whose tokens carry the linked WebID, which pods accept', async () => {
    const response = await call('POST', '/.account/credentials', { name: 'svc', webId: host.webId });
    expect(response.status).to.equal(201);
    const credentials = await response.json();
    expect(credentials.webId).to.equal(host.webId);
    const key = await newDpopKey();
    const token = await clientCredentialsToken(pod.baseUrl, credentials, key);
    expect(decodeJwt(token).webid).to.equal(host.webId);

    // The profile still names this issuer, so the pod server takes the token as that WebID.
    const citizen = await createPod(pod.baseUrl, 'citizen-of-link');
    const posted = await dpopFetch(`${citizen.podUrl}inbox/`, token, key, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: '<#n> a <https://www.w3.org/ns/activitystreams#Announce>.' });
    expect(posted.status).to.equal(201);
  });

  it('keeps one account from using a WebID another account linked', async () => {
    const other = await createPod(pod.baseUrl, 'other-owner');
    const response = await call('POST', '/.account/credentials', { name: 'svc', webId: host.webId }, other);
    expect(response.status).to.equal(403);
  });
});
