import { expect } from 'chai';
import { rawRequest } from '../../test-support/http.ts';
import { PUBLIC_WRITABLE_ACL, startTestServer, type TestServer } from '../../test-support/server.ts';
import { MAX_NAME_BYTES } from './paths.ts';

/** Names and paths the file system cannot hold are a 4xx with a reason, never a 500 (file storage). */
describe('long names and paths', () => {
  let pod: TestServer;
  const send = (method: string, target: string, headers: Record<string, string> = {}, body?: string) => rawRequest(pod.baseUrl, method, target, { headers, body });

  before(async () => {
    pod = await startTestServer({ storage: 'file', seed: { '/shared/.acl': PUBLIC_WRITABLE_ACL } });
  });
  after(() => pod.stop());

  it('answers 414 for a name over the limit, GET included (the ACL lookup used to fail)', async () => {
    expect((await send('GET', `/shared/${'a'.repeat(MAX_NAME_BYTES)}`)).status).to.equal(404);
    for (const length of [MAX_NAME_BYTES + 1, 252, 300]) {
      const response = await send('GET', `/shared/${'a'.repeat(length)}`);
      expect(response.status, `${length} bytes`).to.equal(414);
      expect(response.body.toString()).to.match(/longer than 200 bytes/);
    }
    // Bytes, not characters: 101 'ä' are 202 bytes.
    expect((await send('PUT', `/shared/${encodeURIComponent('ä'.repeat(101))}`, { 'content-type': 'text/plain' }, 'x')).status).to.equal(414);
    expect((await send('GET', '/shared/')).body.toString()).to.not.include('ää');
  });

  it('stores a name at the limit, with its own ACL', async () => {
    const name = 'n'.repeat(MAX_NAME_BYTES);
    expect((await send('PUT', `/shared/${name}`, { 'content-type': 'text/plain' }, 'long')).status).to.equal(201);
    expect((await send('GET', `/shared/${name}`)).body.toString()).to.equal('long');
    const acl = `<#read> a <http://www.w3.org/ns/auth/acl#Authorization>; <http://www.w3.org/ns/auth/acl#agentClass> <http://xmlns.com/foaf/0.1/Agent>;
      <http://www.w3.org/ns/auth/acl#accessTo> <${name}>; <http://www.w3.org/ns/auth/acl#mode> <http://www.w3.org/ns/auth/acl#Read>.`;
    expect((await send('PUT', `/shared/${name}.acl`, { 'content-type': 'text/turtle' }, acl)).status).to.equal(201);
    expect((await send('GET', `/shared/${name}`)).status).to.equal(200);
    expect((await send('PUT', `/shared/${name}`, { 'content-type': 'text/plain' }, 'x')).status).to.equal(401);
  });

  it('answers 414 for a path over the limit', async () => {
    const response = await send('GET', `/shared/${'x/'.repeat(4000)}`);
    expect(response.status).to.equal(414);
    expect(response.body.toString()).to.match(/path is longer than 2048 bytes/);
    expect((await send('PUT', `/shared/${'d/'.repeat(1100)}x`, { 'content-type': 'text/plain' }, 'x')).status).to.equal(414);
  });

  it('cuts a long Slug to a name that fits, never into an ACL or a reserved name', async () => {
    const created = async (slug: string) => {
      const response = await send('POST', '/shared/', { 'content-type': 'text/plain', slug }, 'posted');
      expect(response.status, slug.slice(0, 20)).to.equal(201);
      const location = new URL(String(response.headers.location));
      expect((await fetch(location)).status).to.equal(200);
      return decodeURIComponent(location.pathname.split('/').pop()!);
    };
    const umlauts = await created(encodeURIComponent('ä'.repeat(200)));
    expect(Buffer.byteLength(umlauts)).to.be.at.most(MAX_NAME_BYTES);
    expect(umlauts).to.match(/^ä+$/);
    // Cut at the limit this would end in '.acl' or '$': the server picks the name (or drops the '$').
    expect(await created(`${'a'.repeat(187)}.aclzzzz`)).to.not.match(/\.acl$/);
    expect(await created(`${'b'.repeat(190)}$cc`)).to.equal('b'.repeat(190));
    // The same long Slug again gets a suffix and still fits.
    expect(Buffer.byteLength(await created(encodeURIComponent('ä'.repeat(200))))).to.be.at.most(MAX_NAME_BYTES);
  });
});
