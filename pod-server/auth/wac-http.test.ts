import { expect } from 'chai';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

const acl = (modes: string, extra = '') => `@prefix acl: <http://www.w3.org/ns/auth/acl#>. @prefix foaf: <http://xmlns.com/foaf/0.1/>.
<#rule> a acl:Authorization; acl:agentClass foaf:Agent; acl:accessTo <./>; acl:default <./>; acl:mode ${modes}${extra}.`;

const split = (own: string, inherited: string) => `@prefix acl: <http://www.w3.org/ns/auth/acl#>. @prefix foaf: <http://xmlns.com/foaf/0.1/>.
<#own> a acl:Authorization; acl:agentClass foaf:Agent; acl:accessTo <./>; acl:mode ${own}.
<#inherited> a acl:Authorization; acl:agentClass foaf:Agent; acl:default <./>; acl:mode ${inherited}.`;

describe('WAC enforced over HTTP', () => {
  let pod: TestServer;
  const url = (path: string) => new URL(path, pod.baseUrl).href;
  const put = (path: string, body = '<#a> <#b> <#c>.', headers: Record<string, string> = {}) =>
    fetch(url(path), { method: 'PUT', headers: { 'content-type': 'text/turtle', ...headers }, body });

  before(async () => {
    pod = await startTestServer({
      storage: 'file',
      seed: {
        '/read-only/.acl': acl('acl:Read'),
        '/read-only/doc': '<#a> <#b> "visible".',
        '/append-only/.acl': acl('acl:Append'),
        '/control-only/.acl': acl('acl:Read, acl:Control'),
        '/open/.acl': acl('acl:Read, acl:Write, acl:Control'),
        '/open/locked/.acl': acl('acl:Read'),
        '/open/locked/doc': '<#a> <#b> "locked".',
        '/from-app/.acl': acl('acl:Read, acl:Write', '; acl:origin <https://app.example>'),
        // The container itself: Read and Control only; what is created inside it: everything.
        '/split/.acl': split('acl:Read, acl:Control', 'acl:Read, acl:Append, acl:Write, acl:Control'),
        '/split-append/.acl': split('acl:Append', 'acl:Write'),
      },
    });
  });
  after(() => pod.stop());

  it('read-only: reads, but cannot create, replace, patch or delete', async () => {
    expect((await fetch(url('/read-only/doc'))).status).to.equal(200);
    expect((await put('/read-only/new')).status).to.equal(401);
    expect((await put('/read-only/doc')).status).to.equal(401);
    expect((await fetch(url('/read-only/doc'), { method: 'DELETE' })).status).to.equal(401);
    const patch = await fetch(url('/read-only/doc'), { method: 'PATCH', headers: { 'content-type': 'application/sparql-update' }, body: 'INSERT DATA { <#x> <#y> <#z> . }' });
    expect(patch.status).to.equal(401);
    expect(await (await fetch(url('/read-only/doc'))).text()).to.include('"visible"');
  });

  it('append-only: POST and insert-only PATCH work; PUT, deletes and reads do not', async () => {
    const posted = await fetch(url('/append-only/'), { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: '<#a> <#b> "note".' });
    expect(posted.status).to.equal(201);
    const location = posted.headers.get('location')!;
    expect((await fetch(location)).status).to.equal(401);
    const insert = await fetch(location, { method: 'PATCH', headers: { 'content-type': 'application/sparql-update' }, body: 'INSERT DATA { <#x> <#y> "more" . }' });
    expect(insert.status).to.equal(204);
    const remove = await fetch(location, { method: 'PATCH', headers: { 'content-type': 'application/sparql-update' }, body: 'DELETE DATA { <#x> <#y> "more" . }' });
    expect(remove.status).to.equal(401);
    expect((await put('/append-only/replace')).status).to.equal(401);
    expect((await fetch(location, { method: 'DELETE' })).status).to.equal(401);
  });

  it('Control alone lets an agent write ACLs but not resources', async () => {
    expect((await put('/control-only/doc')).status).to.equal(401);
    expect((await put('/control-only/doc.acl', acl('acl:Read'))).status).to.equal(201);
    expect((await fetch(url('/control-only/.acl'))).status).to.equal(200);
  });

  it('an ACL change applies to the very next request', async () => {
    expect((await put('/open/switch/doc')).status).to.equal(201);
    expect((await put('/open/switch/.acl', acl('acl:Read'))).status).to.equal(201);
    expect((await put('/open/switch/doc')).status).to.equal(401);
    expect((await fetch(url('/open/switch/.acl'))).status).to.equal(401);
  });

  it('creating in a missing container needs Append on the existing container that gains it (PUT and PATCH)', async () => {
    // c/nested/ would inherit Append from c/'s default, but c/ itself allows no Append.
    expect((await fetch(url('/split/nested/new.txt'), { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'hello' })).status).to.equal(401);
    const patched = await fetch(url('/split/nested/new.ttl'), { method: 'PATCH', headers: { 'content-type': 'application/sparql-update' }, body: 'INSERT DATA { <#x> <#y> <#z> . }' });
    expect(patched.status).to.equal(401);
    expect((await put('/split/deeper/still/new')).status).to.equal(401);
    expect((await fetch(url('/split/nested/'))).status).to.equal(404);
    expect((await fetch(url('/split/deeper/'))).status).to.equal(404);
    // Append on c/ and Write on what it inherits is enough.
    expect((await fetch(url('/split-append/nested/new.txt'), { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'hello' })).status).to.equal(201);
    const created = await fetch(url('/split-append/other/new.ttl'), { method: 'PATCH', headers: { 'content-type': 'application/sparql-update' }, body: 'INSERT DATA { <#x> <#y> <#z> . }' });
    expect(created.status).to.equal(201);
  });

  it('deleting needs Write on the container too', async () => {
    expect((await fetch(url('/open/locked/doc'), { method: 'DELETE' })).status).to.equal(401);
    expect(await (await fetch(url('/open/locked/doc'))).text()).to.include('"locked"');
  });

  it('acl:origin limits an authorization to the listed web app', async () => {
    expect((await put('/from-app/doc', undefined, { origin: 'https://app.example' })).status).to.equal(201);
    expect((await put('/from-app/doc', undefined, { origin: 'https://evil.example' })).status).to.equal(401);
    expect((await fetch(url('/from-app/doc'))).status).to.equal(401);
  });

  it('reports the modes in WAC-Allow', async () => {
    expect((await fetch(url('/read-only/doc'))).headers.get('wac-allow')).to.equal('user="read",public="read"');
    expect((await fetch(url('/open/'))).headers.get('wac-allow')).to.equal('user="read append write control",public="read append write control"');
  });
});
