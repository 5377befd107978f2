import { expect } from 'chai';
import { basic, createCredentials, createPod, dpopProof, newDpopKey } from '../../test-support/identity.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

describe('the Solid-OIDC provider', () => {
  let pod: TestServer;
  let discovery: Record<string, unknown>;

  before(async () => {
    pod = await startTestServer({ config: { identity: true } });
    discovery = await (await fetch(new URL('/.well-known/openid-configuration', pod.baseUrl))).json();
  });
  after(async () => { await pod.stop(); });

  it('describes itself as a Solid-OIDC issuer on the pods\' own origin', () => {
    expect(discovery).to.include({ issuer: pod.baseUrl, solid_oidc_supported: 'https://solidproject.org/TR/solid-oidc' });
    expect(discovery.scopes_supported).to.include.members(['openid', 'webid', 'offline_access']);
    expect(discovery.grant_types_supported).to.include.members(['authorization_code', 'refresh_token', 'client_credentials']);
    expect(discovery.grant_types_supported).to.not.include('implicit');
    expect(discovery.response_types_supported).to.deep.equal(['code', 'none']);
    expect(discovery.code_challenge_methods_supported).to.deep.equal(['S256']);
    expect(discovery.dpop_signing_alg_values_supported).to.include('ES256');
    expect(String(discovery.registration_endpoint)).to.match(new RegExp(`^${pod.baseUrl}`));
  });

  it('publishes only public keys', async () => {
    const jwks = await (await fetch(String(discovery.jwks_uri))).json();
    expect(jwks.keys.length).to.be.greaterThan(0);
    for (const key of jwks.keys) for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).to.not.have.property(member);
  });

  it('registers clients dynamically, and refuses implicit-flow clients', async () => {
    const register = (metadata: Record<string, unknown>) => fetch(String(discovery.registration_endpoint), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(metadata) });
    const ok = await register({ redirect_uris: ['http://localhost:9999/callback'], token_endpoint_auth_method: 'none', client_name: 'App' });
    expect(ok.status).to.equal(201);
    expect((await ok.json()).client_id).to.be.a('string');
    const implicit = await register({ redirect_uris: ['https://app.example/cb'], response_types: ['id_token'], grant_types: ['implicit'] });
    expect(implicit.status).to.equal(400);
  });

  it('issues access tokens only DPoP-bound: a token request without a proof is refused', async () => {
    const account = await createPod(pod.baseUrl, 'tokens');
    const credentials = await createCredentials(pod.baseUrl, account);
    const tokenRequest = (headers: Record<string, string>) => fetch(String(discovery.token_endpoint), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(credentials.clientId, credentials.clientSecret), ...headers },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'webid' }),
    });
    const bare = await tokenRequest({});
    expect(bare.status).to.equal(400);
    const refusal = await bare.json();
    expect(refusal.error).to.equal('invalid_grant');
    const bound = await tokenRequest({ dpop: await dpopProof(await newDpopKey(), 'POST', String(discovery.token_endpoint)) });
    expect(bound.status).to.equal(200);
    expect((await bound.json()).token_type).to.equal('DPoP');
  });
});
