import { expect } from 'chai';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawRequest } from '../../test-support/http.ts';
import { PUBLIC_WRITABLE_ACL, startTestServer, type TestServer } from '../../test-support/server.ts';

const TURTLE = 'text/turtle';

describe('bad input gets a clear answer and changes nothing', () => {
  let pod: TestServer;
  let outside: string;
  const url = (path: string) => new URL(path, pod.baseUrl).href;
  const send = (method: string, path: string, type: string | undefined, body: string | Buffer) =>
    fetch(url(path), { method, headers: type ? { 'content-type': type } : {}, body: typeof body === 'string' ? body : new Uint8Array(body) });

  before(async () => {
    outside = await mkdtemp(join(tmpdir(), 'pod-outside-'));
    await writeFile(join(outside, 'secret.txt'), 'top secret');
    pod = await startTestServer({ storage: 'file', dataDir: join(outside, 'data'), seed: { '/test/.acl': PUBLIC_WRITABLE_ACL, '/test/existing': '<#me> <http://schema.org/name> "Intact".' } });
  });
  after(async () => {
    await pod.stop();
    await rm(outside, { recursive: true, force: true });
  });

  async function expectUnchanged(): Promise<void> {
    expect(await (await fetch(url('/test/existing'))).text()).to.include('"Intact"');
  }

  it('refuses malformed Turtle with the parser message and line', async () => {
    const response = await send('PUT', '/test/bad.ttl', TURTLE, '<#a> <#b> <#c> .\n<#a> <#b> "unterminated .\n');
    expect(response.status).to.equal(400);
    expect(await response.text()).to.match(/Invalid Turtle: .*line 2/);
    expect((await fetch(url('/test/bad.ttl'))).status).to.equal(404);
  });

  it('refuses malformed Turtle over an existing resource and keeps the old one', async () => {
    expect((await send('PUT', '/test/existing', TURTLE, '<#me> <#p> .')).status).to.equal(400);
    await expectUnchanged();
  });

  it('refuses malformed JSON-LD with a clear message', async () => {
    const broken = await send('PUT', '/test/bad.jsonld', 'application/ld+json', '{"@id": "#x", ');
    expect(broken.status).to.equal(400);
    expect(await broken.text()).to.match(/Invalid JSON-LD: .*JSON/);
    const invalid = await send('PUT', '/test/bad.jsonld', 'application/ld+json', '{"@context": {"@version": 2}, "@id": "#x"}');
    expect(invalid.status).to.equal(400);
    expect(await invalid.text()).to.match(/Invalid JSON-LD/);
    expect((await fetch(url('/test/bad.jsonld'))).status).to.equal(404);
  });

  it('does not fetch remote JSON-LD contexts', async () => {
    const response = await send('PUT', '/test/remote.jsonld', 'application/ld+json', JSON.stringify({ '@context': 'http://127.0.0.1:9/context.jsonld', name: 'x' }));
    expect(response.status).to.equal(400);
    expect(await response.text()).to.match(/not fetched/);
  });

  it('refuses a malformed N3 Patch and one without exactly one InsertDeletePatch', async () => {
    const syntax = await send('PATCH', '/test/existing', 'text/n3', '@prefix solid: <http://www.w3.org/ns/solid/terms#>.\n_:p a solid:InsertDeletePatch;\n solid:inserts { <#a> <#b> }.');
    expect(syntax.status).to.equal(400);
    expect(await syntax.text()).to.match(/Invalid N3 Patch: .*line 3/);
    const none = await send('PATCH', '/test/existing', 'text/n3', '<#a> <#b> <#c>.');
    expect(none.status).to.equal(400);
    expect(await none.text()).to.match(/exactly one solid:InsertDeletePatch/);
    const unbound = await send('PATCH', '/test/existing', 'text/n3', '@prefix solid: <http://www.w3.org/ns/solid/terms#>. _:p a solid:InsertDeletePatch; solid:inserts { ?x <#b> <#c> }.');
    expect(unbound.status).to.equal(400);
    expect(await unbound.text()).to.match(/\?x does not occur in solid:where/);
    await expectUnchanged();
  });

  it('refuses malformed SPARQL Update with the line, and unsupported forms by name', async () => {
    const syntax = await send('PATCH', '/test/existing', 'application/sparql-update', 'INSERT DATA {\n <#a> <#b> \n');
    expect(syntax.status).to.equal(400);
    expect(await syntax.text()).to.match(/Invalid SPARQL Update: Parse error on line \d/);
    const filter = await send('PATCH', '/test/existing', 'application/sparql-update', 'DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?o = "Intact") }');
    expect(filter.status).to.equal(400);
    expect(await filter.text()).to.match(/FILTER is not supported/);
    const clear = await send('PATCH', '/test/existing', 'application/sparql-update', 'CLEAR ALL');
    expect(clear.status).to.equal(400);
    await expectUnchanged();
  });

  it('refuses PATCH with an unsupported content type (415)', async () => {
    const response = await send('PATCH', '/test/existing', 'text/plain', 'name = x');
    expect(response.status).to.equal(415);
    expect(await response.text()).to.include('text/n3');
    await expectUnchanged();
  });

  it('refuses a body over the limit (413) and stores nothing', async () => {
    const big = Buffer.alloc(1024 * 1024 + 10, 0x41);
    const response = await send('PUT', '/test/big.bin', 'application/octet-stream', big);
    expect(response.status).to.equal(413);
    expect(await response.text()).to.match(/exceeds the limit of 1048576 bytes/);
    expect((await fetch(url('/test/big.bin'))).status).to.equal(404);
  });

  it('refuses a body over the limit even without Content-Length', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({ pull(controller) { if (sent++ < 20) controller.enqueue(new Uint8Array(64 * 1024).fill(0x42)); else controller.close(); } });
    const response = await fetch(url('/test/stream.bin'), { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body, duplex: 'half' } as RequestInit);
    expect(response.status).to.equal(413);
    expect((await fetch(url('/test/stream.bin'))).status).to.equal(404);
  });

  it('refuses a non-RDF body on a container URL', async () => {
    const response = await send('PUT', '/test/folder/', 'image/png', Buffer.from([1, 2, 3]));
    expect(response.status).to.equal(400);
    expect(await response.text()).to.match(/container holds RDF only/);
    expect((await fetch(url('/test/folder/'))).status).to.equal(404);
  });

  it('refuses writes without a Content-Type', async () => {
    const response = await send('PUT', '/test/untyped', undefined, Buffer.from('hello'));
    expect(response.status).to.equal(400);
    expect(await response.text()).to.match(/Content-Type is required/);
  });

  it('refuses an ACL document that is not valid Turtle', async () => {
    const response = await send('PUT', '/test/existing.acl', TURTLE, '@prefix acl: <http://www.w3.org/ns/auth/acl#>. <#x> a acl:Authorization;');
    expect(response.status).to.equal(400);
    expect((await fetch(url('/test/existing.acl'))).status).to.equal(404);
  });

  it('refuses to write ldp:contains into a container', async () => {
    const response = await send('PUT', '/test/fake/', TURTLE, `<> <http://www.w3.org/ns/ldp#contains> <${url('/secret')}>.`);
    expect(response.status).to.equal(409);
  });

  describe('hostile paths never leave the data directory', () => {
    const targets = [
      '/../secret.txt', '/test/../../secret.txt', '/%2e%2e/secret.txt', '/test/%2E%2E/%2e%2e/secret.txt', '/test/..%2f..%2fsecret.txt',
      '/test/%2fsecret.txt', '/test/..%5c..%5csecret.txt', '/test/secret.txt%00.ttl', '/test/x%0d%0aSet-Cookie:%20a=b',
      '/test/%E0%A4%A', '/test//secret.txt', '/test/.container$', '/test/existing.meta$', '/test/./existing',
    ];
    for (const target of targets) {
      it(`${target}`, async () => {
        for (const method of ['GET', 'PUT', 'DELETE']) {
          const response = await rawRequest(pod.baseUrl, method, target, { headers: { 'content-type': 'text/plain' }, body: method === 'PUT' ? 'owned' : undefined });
          expect([400, 404], `${method} ${target}`).to.include(response.status);
          expect(response.body.toString()).to.not.include('top secret');
        }
      });
    }
    after(async () => {
      expect(await readFile(join(outside, 'secret.txt'), 'utf8')).to.equal('top secret');
      expect((await readdir(outside)).sort()).to.deep.equal(['data', 'secret.txt']);
    });
  });
});
