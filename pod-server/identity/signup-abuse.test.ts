import { expect } from 'chai';
import { MemoryStore } from '../storage/memory.ts';
import type { ResourceMetadata, WriteCheck } from '../storage/store.ts';
import { basic, createPod } from '../../test-support/identity.ts';
import { PUBLIC_WRITABLE_ACL, startTestServer, type TestServer } from '../../test-support/server.ts';

/** A real store whose Nth write from now on fails, as a full or broken disk would. */
class FailingStore extends MemoryStore {
  #failIn = 0;
  failNthWrite(n: number): void { this.#failIn = n; }
  override async write(path: string, body: Buffer, contentType: string, check?: WriteCheck): Promise<ResourceMetadata> {
    if (this.#failIn > 0 && --this.#failIn === 0) throw new Error(`disk failure writing ${path}`);
    return super.write(path, body, contentType, check);
  }
}

describe('sign-up: a limit per client address, and no name lost to a failed sign-up', () => {
  let pod: TestServer;
  let store: FailingStore;
  const signUp = (body: Record<string, unknown>, address = '10.20.0.1') => fetch(new URL('/.account/pods', pod.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });

  before(async () => {
    store = new FailingStore();
    pod = await startTestServer({
      config: { identity: true, trustProxy: 'loopback', signupsPerAddress: 3, signupWindowSeconds: 3600 },
      parts: { store },
      seed: { '/shared/.acl': PUBLIC_WRITABLE_ACL },
    });
  });
  after(async () => { await pod.stop(); });

  it('refuses the fourth sign-up from one address with 429 and Retry-After; bad input and taken names do not count', async () => {
    const address = '10.21.0.1';
    expect((await signUp({ name: 'x', email: 'bad@example.org', password: 'long enough' }, address)).status).to.equal(400);
    for (const name of ['limit-one', 'limit-two', 'limit-three']) expect((await signUp({ name, email: `${name}@example.org`, password: 'long enough' }, address)).status, name).to.equal(201);
    expect((await signUp({ name: 'limit-one', email: 'again@example.org', password: 'long enough' }, address)).status, 'taken: 409, not 429').to.equal(409);
    const refused = await signUp({ name: 'limit-four', email: 'limit-four@example.org', password: 'long enough' }, address);
    expect(refused.status).to.equal(429);
    expect(Number(refused.headers.get('retry-after'))).to.be.greaterThan(0);
    expect(await refused.json()).to.include({ error: 'too_many_signups' });
    expect((await fetch(new URL('/limit-four/', pod.baseUrl))).status, 'no pod was made').to.equal(404);
    expect((await signUp({ name: 'limit-four', email: 'limit-four@example.org', password: 'long enough' }, '10.22.0.1')).status, 'another address').to.equal(201);
  });

  for (const failing of [1, 3, 6]) {
    it(`completes the pod on a retry when write ${failing} of the sign-up failed`, async () => {
      const name = `half-done-${failing}`;
      store.failNthWrite(failing);
      const failed = await signUp({ name, email: `${name}@example.org`, password: 'first password' }, `10.23.0.${failing}`);
      expect(failed.status).to.be.greaterThanOrEqual(500);
      const login = await fetch(new URL('/.account/credentials', pod.baseUrl), { headers: { authorization: basic(`${name}@example.org`, 'first password') } });
      expect(login.status, 'the unfinished account cannot log in').to.equal(401);
      // The retry comes from someone else: the name was never anybody's, so it can be finished by them.
      const account = await createPod(pod.baseUrl, name, 'second password');
      expect(account.webId).to.equal(`${pod.baseUrl}${name}/profile/card#me`);
      const card = await fetch(account.webId);
      expect(card.status).to.equal(200);
      expect(await card.text()).to.include('solid:oidcIssuer');
      expect((await fetch(new URL(`/${name}/inbox/`, pod.baseUrl))).status, 'the inbox exists and is private').to.equal(401);
      const credentials = await fetch(new URL('/.account/credentials', pod.baseUrl), { headers: { authorization: basic(account.email, 'second password') } });
      expect(credentials.status).to.equal(200);
    });
  }

  it('lets the same person finish with the same email after a failure', async () => {
    store.failNthWrite(2);
    const body = { name: 'retry-same', email: 'retry-same@example.org', password: 'long enough' };
    expect((await signUp(body, '10.24.0.1')).status).to.be.greaterThanOrEqual(500);
    expect((await signUp(body, '10.24.0.2')).status).to.equal(201);
    expect((await signUp(body, '10.24.0.3')).status, 'now it is taken').to.equal(409);
  });

  it('frees an email held by an unfinished sign-up when its owner picks another name', async () => {
    store.failNthWrite(1);
    expect((await signUp({ name: 'first-choice', email: 'chooser@example.org', password: 'long enough' }, '10.25.0.1')).status).to.be.greaterThanOrEqual(500);
    expect((await signUp({ name: 'second-choice', email: 'chooser@example.org', password: 'long enough' }, '10.25.0.2')).status).to.equal(201);
    expect((await signUp({ name: 'first-choice', email: 'someone@example.org', password: 'long enough' }, '10.25.0.3')).status, 'the first name is free to finish').to.equal(201);
  });

  it('still refuses a name an administrator put on disk, and keeps no reservation for it', async () => {
    const response = await signUp({ name: 'shared', email: 'shared@example.org', password: 'long enough' }, '10.26.0.1');
    expect(response.status).to.equal(409);
    expect((await signUp({ name: 'elsewhere', email: 'shared@example.org', password: 'long enough' }, '10.26.0.2')).status, 'the email is free').to.equal(201);
  });
});
