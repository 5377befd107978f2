import { expect } from 'chai';
import { SolidOidcVerifier } from '../../service-kit/solid-oidc/solid-oidc.ts';
import { clientCredentialsToken, createCredentials, createPod, dpopFetch, dpopProof, newDpopKey, type DpopKey, type PodAccount } from '../../test-support/identity.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

/** A WebID hosted on another server, vouched for by that server's issuer, reading a pod here. */
describe('WebIDs and issuers hosted elsewhere', () => {
  let home: TestServer;
  let elsewhere: TestServer;
  let alice: PodAccount;
  let key: DpopKey;
  let aliceToken: string;
  const doc = () => `${alice.podUrl}shared/doc`;

  async function tokenFor(account: PodAccount, server: TestServer): Promise<string> {
    return clientCredentialsToken(account.issuer, await createCredentials(server.baseUrl, account), key);
  }

  async function grantRead(webIds: string[]): Promise<void> {
    const acl = `@prefix acl: <http://www.w3.org/ns/auth/acl#>.
<#owner> a acl:Authorization; acl:agent <${alice.webId}>; acl:accessTo <${doc()}>; acl:mode acl:Read, acl:Write, acl:Control.
<#readers> a acl:Authorization; ${webIds.map((id) => `acl:agent <${id}>`).join('; ')}; acl:accessTo <${doc()}>; acl:mode acl:Read.
`;
    const response = await dpopFetch(`${doc()}.acl`, aliceToken, key, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: acl });
    expect(response.status).to.be.oneOf([201, 204]);
  }

  before(async () => {
    elsewhere = await startTestServer({ config: { identity: true } });
    home = await startTestServer({ config: { identity: true, trustedIssuers: [elsewhere.baseUrl] } });
    key = await newDpopKey();
    alice = await createPod(home.baseUrl, 'alice');
    aliceToken = await tokenFor(alice, home);
    const created = await dpopFetch(doc(), aliceToken, key, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '<#it> <http://schema.org/name> "Shared".' });
    expect(created.status).to.equal(201);
  });
  after(async () => {
    await home.stop();
    await elsewhere.stop();
  });

  it('accepts a token from a trusted issuer for a WebID whose profile names that issuer', async () => {
    const bob = await createPod(elsewhere.baseUrl, 'bob');
    await grantRead([bob.webId]);
    const response = await dpopFetch(doc(), await tokenFor(bob, elsewhere), key);
    expect(response.status).to.equal(200);
    expect(await response.text()).to.include('Shared');
  });

  it('refuses a trusted issuer speaking for a WebID whose profile does not name it', async () => {
    const carol = await createPod(elsewhere.baseUrl, 'carol');
    const carolToken = await tokenFor(carol, elsewhere);
    const card = `@prefix foaf: <http://xmlns.com/foaf/0.1/>.\n<#me> a foaf:Person; foaf:name "Carol".\n`;
    const edited = await dpopFetch(carol.webId.split('#')[0], carolToken, key, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: card });
    expect(edited.status).to.equal(204);
    await grantRead([carol.webId]);
    const response = await dpopFetch(doc(), carolToken, key);
    expect(response.status).to.equal(401);
    expect(response.headers.get('www-authenticate')).to.match(/does not name .* as its solid:oidcIssuer/);
  });

  it('fetches the issuer\'s keys and the WebID profile once, not per request', async () => {
    const erin = await createPod(elsewhere.baseUrl, 'erin');
    const erinToken = await tokenFor(erin, elsewhere);
    const fetched: string[] = [];
    const realFetch = globalThis.fetch;
    // Every outgoing request of the verifier (and of jose inside it) goes through global fetch.
    globalThis.fetch = (input, init) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    };
    try {
      const verifier = new SolidOidcVerifier({ baseUrl: home.baseUrl, trustedIssuers: [elsewhere.baseUrl] });
      for (let i = 0; i < 25; i++) {
        const credentials = await verifier.extract({ method: 'GET', url: doc(), headers: { authorization: `DPoP ${erinToken}`, dpop: await dpopProof(key, 'GET', doc()) } });
        expect(credentials).to.deep.equal({ webId: erin.webId, clientId: decodeClientId(erinToken), issuer: elsewhere.baseUrl });
      }
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched.map((url) => new URL(url).pathname).sort()).to.deep.equal(['/.oidc/jwks', '/.well-known/openid-configuration', '/erin/profile/card']);
  });
});

function decodeClientId(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).client_id;
}
