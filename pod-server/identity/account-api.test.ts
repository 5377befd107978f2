import { expect } from 'chai';
import { Parser } from 'n3';
import { basic, clientCredentialsToken, createCredentials, createPod, dpopFetch, newDpopKey } from '../../test-support/identity.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

describe('account API and pod provisioning', () => {
  let pod: TestServer;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(new URL(path, pod.baseUrl), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  before(async () => { pod = await startTestServer({ config: { identity: true } }); });
  after(async () => { await pod.stop(); });

  it('creates the account, pod, WebID profile and inbox, and answers where they are', async () => {
    const response = await post('/.account/pods', { name: 'ada', email: 'ada@example.org', password: 'long enough' });
    expect(response.status).to.equal(201);
    const body = await response.json();
    expect(body).to.deep.equal({ webId: `${pod.baseUrl}ada/profile/card#me`, podUrl: `${pod.baseUrl}ada/`, issuer: pod.baseUrl });
    const card = await fetch(body.webId, { headers: { accept: 'text/turtle' } });
    expect(card.status, 'the profile is public').to.equal(200);
    const quads = new Parser({ baseIRI: body.webId }).parse(await card.text());
    const about = (predicate: string) => quads.filter((q) => q.subject.value === body.webId && q.predicate.value === predicate).map((q) => q.object.value);
    expect(about('http://www.w3.org/ns/solid/terms#oidcIssuer')).to.deep.equal([pod.baseUrl]);
    expect(about('http://www.w3.org/ns/pim/space#storage')).to.deep.equal([`${pod.baseUrl}ada/`]);
    expect(about('http://www.w3.org/ns/ldp#inbox')).to.deep.equal([`${pod.baseUrl}ada/inbox/`]);
  });

  it('keeps everything but the profile card private, and lets authenticated agents append to the inbox', async () => {
    const owner = await createPod(pod.baseUrl, 'grace');
    const stranger = await createPod(pod.baseUrl, 'linus');
    for (const path of ['', 'inbox/', '.acl', 'profile/', 'profile/card.acl']) expect((await fetch(`${owner.podUrl}${path}`)).status, path).to.equal(401);
    expect((await fetch(owner.podUrl, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '' })).status).to.equal(401);
    const key = await newDpopKey();
    const strangerToken = await clientCredentialsToken(stranger.issuer, await createCredentials(pod.baseUrl, stranger), key);
    const notification = await dpopFetch(`${owner.podUrl}inbox/`, strangerToken, key, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: '<#n> a <https://www.w3.org/ns/activitystreams#Offer>.' });
    expect(notification.status).to.equal(201);
    expect((await dpopFetch(`${owner.podUrl}inbox/`, strangerToken, key)).status, 'others cannot read the inbox').to.equal(403);
    expect((await dpopFetch(notification.headers.get('location')!, strangerToken, key)).status, 'nor their own notification').to.equal(403);
    expect((await dpopFetch(`${owner.podUrl}profile/card`, strangerToken, key, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '' })).status).to.equal(403);
    const ownerToken = await clientCredentialsToken(owner.issuer, await createCredentials(pod.baseUrl, owner), key);
    const inbox = await dpopFetch(`${owner.podUrl}inbox/`, ownerToken, key);
    expect(inbox.status).to.equal(200);
    expect(await inbox.text()).to.include(notification.headers.get('location')!);
  });

  it('validates pod names and refuses reserved ones', async () => {
    for (const name of ['A', 'a', 'with space', 'under_score', '-lead', 'trail-', 'double--hyphen', 'x'.repeat(41), '../up', 'a/b', 42]) {
      const response = await post('/.account/pods', { name, email: `n${Math.random()}@example.org`, password: 'long enough' });
      expect(response.status, String(name)).to.equal(400);
      expect((await response.json()).error).to.equal('invalid_pod_name');
    }
    const reserved = await post('/.account/pods', { name: 'admin', email: 'root@example.org', password: 'long enough' });
    expect(reserved.status).to.equal(400);
    expect((await reserved.json()).error).to.equal('reserved_pod_name');
  });

  it('answers 409 for a taken name or email, and changes nothing', async () => {
    await createPod(pod.baseUrl, 'taken');
    const sameName = await post('/.account/pods', { name: 'taken', email: 'someone-else@example.org', password: 'long enough' });
    expect(sameName.status).to.equal(409);
    const sameEmail = await post('/.account/pods', { name: 'free-name', email: 'TAKEN@example.org', password: 'long enough' });
    expect(sameEmail.status).to.equal(409);
    expect((await fetch(`${pod.baseUrl}free-name/profile/card`)).status).to.equal(404);
    const racing = await Promise.all([1, 2, 3].map((i) => post('/.account/pods', { name: 'racer', email: `racer${i}@example.org`, password: 'long enough' })));
    expect(racing.map((r) => r.status).sort()).to.deep.equal([201, 409, 409]);
  });

  it('answers 400 for bad JSON, 400 for weak input and 415 for non-JSON bodies', async () => {
    const broken = await post('/.account/pods', '{"name": "x",');
    expect(broken.status).to.equal(400);
    expect((await broken.json()).message).to.match(/not valid JSON/);
    expect((await post('/.account/pods', '[]')).status).to.equal(400);
    expect((await post('/.account/pods', { name: 'shortpw', email: 's@example.org', password: 'short' })).status).to.equal(400);
    expect((await post('/.account/pods', { name: 'bademail', email: 'not-an-email', password: 'long enough' })).status).to.equal(400);
    const form = await fetch(new URL('/.account/pods', pod.baseUrl), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"name":"csrf","email":"c@example.org","password":"long enough"}' });
    expect(form.status, 'a cross-site form cannot create accounts').to.equal(415);
  });

  it('issues client credentials only with the right password, lists them without secrets, and revokes them', async () => {
    const owner = await createPod(pod.baseUrl, 'hopper');
    const wrong = await post('/.account/credentials', { name: 'x' }, { authorization: basic(owner.email, 'wrong password') });
    expect(wrong.status).to.equal(401);
    expect(wrong.headers.get('www-authenticate')).to.match(/^Basic/);
    expect((await post('/.account/credentials', { name: 'x' })).status).to.equal(401);
    expect((await post('/.account/credentials', { name: 'x' }, { authorization: basic('nobody@example.org', owner.password) })).status).to.equal(401);
    const created = await createCredentials(pod.baseUrl, owner, 'nightly export');
    expect(created).to.include({ webId: owner.webId, issuer: pod.baseUrl });
    const listed = await (await fetch(new URL('/.account/credentials', pod.baseUrl), { headers: { authorization: basic(owner.email, owner.password) } })).json();
    expect(listed).to.have.length(1);
    expect(listed[0]).to.include({ clientId: created.clientId, name: 'nightly export' }).and.not.have.property('clientSecret');
    const other = await createPod(pod.baseUrl, 'other-user');
    const foreignDelete = await fetch(new URL(`/.account/credentials/${created.clientId}`, pod.baseUrl), { method: 'DELETE', headers: { authorization: basic(other.email, other.password) } });
    expect(foreignDelete.status, 'nobody revokes another account\'s credentials').to.equal(404);
    await clientCredentialsToken(pod.baseUrl, created, await newDpopKey());
  });

  it('refuses sign-up when SIGNUP=closed, through the API and the page', async () => {
    const closed = await startTestServer({ config: { identity: true, signup: 'closed' } });
    try {
      const response = await fetch(new URL('/.account/pods', closed.baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'nope', email: 'n@example.org', password: 'long enough' }) });
      expect(response.status).to.equal(403);
      expect((await fetch(new URL('/.account/signup', closed.baseUrl))).status).to.equal(403);
      expect((await fetch(new URL('/nope/', closed.baseUrl))).status).to.equal(404);
    } finally {
      await closed.stop();
    }
  });

  it('stops answering password guesses for an account after ten wrong ones', async () => {
    const target = await createPod(pod.baseUrl, 'guessed');
    const attempt = (password: string) => fetch(new URL('/.account/credentials', pod.baseUrl), { headers: { authorization: basic(target.email, password) } });
    for (let i = 0; i < 10; i++) expect((await attempt(`guess ${i}`)).status).to.equal(401);
    const locked = await attempt(target.password);
    expect(locked.status, 'even the right password waits out the window').to.equal(429);
    expect(Number(locked.headers.get('retry-after'))).to.be.greaterThan(0);
  });
});
