import { expect } from 'chai';
import { Parser } from 'n3';
import { PUBLIC_WRITABLE_ACL, startTestServer, type TestServer } from '../../test-support/server.ts';

const TURTLE = 'text/turtle';
const profile = (name: string) => `@prefix schema: <http://schema.org/>.\n<#me> a schema:Person; schema:name "${name}".\n`;

/** Triples as sorted N-Triples-ish strings, so representations in different syntaxes compare. */
function triples(text: string, base: string, format = 'Turtle'): string[] {
  return new Parser({ baseIRI: base, format }).parse(text).map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`).sort();
}

for (const storage of ['memory', 'file'] as const) {
  describe(`LDP over HTTP (${storage} storage)`, () => {
    let pod: TestServer;
    let base: string;
    const url = (path: string) => new URL(path, base).href;
    const put = (path: string, body: string | Buffer, type = TURTLE, headers: Record<string, string> = {}) =>
      fetch(url(path), { method: 'PUT', headers: { 'content-type': type, ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });

    before(async () => {
      pod = await startTestServer({ storage, seed: { '/test/.acl': PUBLIC_WRITABLE_ACL } });
      base = pod.baseUrl;
    });
    after(() => pod.stop());

    describe('a fresh server', () => {
      it('serves the root container publicly, read-only', async () => {
        const root = await fetch(base);
        expect(root.status).to.equal(200);
        expect(root.headers.get('wac-allow')).to.equal('user="read",public="read"');
        expect(root.headers.get('link')).to.include('<http://www.w3.org/ns/pim/space#Storage>; rel="type"');
        const write = await put('/hello', profile('x'));
        expect(write.status).to.equal(401);
        expect(write.headers.get('www-authenticate')).to.match(/^DPoP/);
        expect((await fetch(url('/hello'))).status).to.equal(404);
      });

      it('does not let anyone read or change the root ACL', async () => {
        expect((await fetch(url('/.acl'))).status).to.equal(401);
        expect((await put('/.acl', '<#x> <#y> <#z>.')).status).to.equal(401);
        expect((await fetch(base, { method: 'DELETE' })).status).to.equal(405);
      });
    });

    describe('resources and containers', () => {
      it('creates a resource with PUT, including missing containers, and lists it', async () => {
        const response = await put('/test/a/b/card', profile('Alice'));
        expect(response.status).to.equal(201);
        expect(response.headers.get('location')).to.equal(url('/test/a/b/card'));
        const container = await fetch(url('/test/a/'));
        expect(container.headers.get('link')).to.include('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"');
        const listing = triples(await container.text(), url('/test/a/'));
        expect(listing).to.include(`${url('/test/a/')} http://www.w3.org/ns/ldp#contains ${url('/test/a/b/')}`);
        const inner = triples(await (await fetch(url('/test/a/b/'))).text(), url('/test/a/b/'));
        expect(inner).to.include(`${url('/test/a/b/')} http://www.w3.org/ns/ldp#contains ${url('/test/a/b/card')}`);
      });

      it('replaces a resource with PUT (204) and serves the new content', async () => {
        await put('/test/replace', profile('One'));
        const again = await put('/test/replace', profile('Two'));
        expect(again.status).to.equal(204);
        expect(await (await fetch(url('/test/replace'))).text()).to.include('"Two"');
      });

      it('describes resources with the headers Solid clients read', async () => {
        await put('/test/headers', profile('H'));
        const response = await fetch(url('/test/headers'));
        expect(response.headers.get('content-type')).to.match(/^text\/turtle/);
        expect(response.headers.get('etag')).to.match(/^"[^"]+"$/);
        expect(new Date(response.headers.get('last-modified')!).getTime()).to.be.closeTo(Date.now(), 60_000);
        const link = response.headers.get('link')!;
        expect(link).to.include('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
        expect(link).to.include(`<${url('/test/headers.acl')}>; rel="acl"`);
        expect(response.headers.get('allow')).to.include('PATCH');
        expect(response.headers.get('accept-patch')).to.equal('text/n3, application/sparql-update');
        expect(response.headers.get('wac-allow')).to.equal('user="read append write control",public="read append write control"');
        const container = await fetch(url('/test/'), { method: 'HEAD' });
        expect(container.headers.get('accept-post')).to.equal('*/*');
        expect(container.headers.get('allow')).to.include('POST');
      });

      it('answers HEAD without a body and OPTIONS with what is allowed', async () => {
        await put('/test/head', profile('H'));
        const head = await fetch(url('/test/head'), { method: 'HEAD' });
        expect(head.status).to.equal(200);
        expect(Number(head.headers.get('content-length'))).to.be.greaterThan(0);
        expect(await head.text()).to.equal('');
        const options = await fetch(url('/test/head'), { method: 'OPTIONS' });
        expect(options.status).to.equal(204);
        expect(options.headers.get('allow')).to.equal('OPTIONS, HEAD, GET, PUT, PATCH, DELETE');
      });

      it('creates members with POST, honouring Slug and choosing a name without one', async () => {
        const slugged = await fetch(url('/test/'), { method: 'POST', headers: { 'content-type': TURTLE, slug: 'my note' }, body: profile('S') });
        expect(slugged.status).to.equal(201);
        expect(slugged.headers.get('location')).to.equal(url('/test/my%20note'));
        const clash = await fetch(url('/test/'), { method: 'POST', headers: { 'content-type': TURTLE, slug: 'my note' }, body: profile('S2') });
        expect(clash.headers.get('location')).to.match(/\/test\/my%20note-[0-9a-f]{8}$/);
        const unnamed = await fetch(url('/test/'), { method: 'POST', headers: { 'content-type': TURTLE }, body: profile('U') });
        expect(unnamed.headers.get('location')).to.match(/\/test\/[0-9a-f-]{36}$/);
        expect(await (await fetch(unnamed.headers.get('location')!)).text()).to.include('"U"');
        const folder = await fetch(url('/test/'), {
          method: 'POST', headers: { 'content-type': TURTLE, slug: 'folder', link: '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"' }, body: '',
        });
        expect(folder.headers.get('location')).to.equal(url('/test/folder/'));
        expect((await fetch(url('/test/folder/'))).status).to.equal(200);
        expect((await fetch(url('/test/my%20note'), { method: 'POST', headers: { 'content-type': TURTLE }, body: '' })).status).to.equal(405);
      });

      it('refuses a name that is taken by a container or a document', async () => {
        await put('/test/twin', profile('T'));
        expect((await put('/test/twin/', '')).status).to.equal(409);
        expect((await put('/test/twin/child', profile('C'))).status).to.equal(409);
      });

      it('refuses to delete a non-empty container, deletes an empty one', async () => {
        await put('/test/box/item', profile('I'));
        const refused = await fetch(url('/test/box/'), { method: 'DELETE' });
        expect(refused.status).to.equal(409);
        expect(await refused.text()).to.match(/not empty/);
        expect((await fetch(url('/test/box/item'), { method: 'DELETE' })).status).to.equal(204);
        expect((await fetch(url('/test/box/item'))).status).to.equal(404);
        expect((await fetch(url('/test/box/'), { method: 'DELETE' })).status).to.equal(204);
        expect((await fetch(url('/test/box/'))).status).to.equal(404);
        expect(triples(await (await fetch(url('/test/'))).text(), url('/test/')).join('\n')).not.to.include('/test/box/');
      });
    });

    describe('content negotiation', () => {
      before(async () => { await put('/test/conneg', profile('Åsa Öberg')); });

      it('serves the same triples as Turtle, JSON-LD and N-Triples', async () => {
        const expected = triples(profile('Åsa Öberg'), url('/test/conneg'));
        const nt = await fetch(url('/test/conneg'), { headers: { accept: 'application/n-triples' } });
        expect(nt.headers.get('content-type')).to.match(/^application\/n-triples/);
        expect(triples(await nt.text(), url('/test/conneg'), 'N-Triples')).to.deep.equal(expected);
        const jsonld = await fetch(url('/test/conneg'), { headers: { accept: 'application/ld+json' } });
        expect(jsonld.headers.get('content-type')).to.equal('application/ld+json');
        const document = await jsonld.json() as { '@id': string; 'http://schema.org/name': { '@value': string }[] }[];
        expect(document.find((node) => node['@id'] === url('/test/conneg#me'))!['http://schema.org/name'][0]['@value']).to.equal('Åsa Öberg');
      });

      it('honours q-values and gives each representation its own strong ETag', async () => {
        const response = await fetch(url('/test/conneg'), { headers: { accept: 'application/ld+json;q=0.4, application/n-triples;q=0.9, text/turtle;q=0.1' } });
        expect(response.headers.get('content-type')).to.match(/^application\/n-triples/);
        const turtle = await fetch(url('/test/conneg'), { headers: { accept: 'text/turtle' } });
        expect(response.headers.get('etag')).to.not.equal(turtle.headers.get('etag'));
      });

      it('answers 406 when no representation fits', async () => {
        const response = await fetch(url('/test/conneg'), { headers: { accept: 'image/png' } });
        expect(response.status).to.equal(406);
        expect(await response.text()).to.include('text/turtle');
      });

      it('accepts JSON-LD and N-Triples on PUT and stores the triples once', async () => {
        const doc = { '@id': '#me', 'http://schema.org/name': 'Jay' };
        expect((await put('/test/from-jsonld', JSON.stringify(doc), 'application/ld+json')).status).to.equal(201);
        expect(triples(await (await fetch(url('/test/from-jsonld'))).text(), url('/test/from-jsonld'))).to.deep.equal([`${url('/test/from-jsonld#me')} http://schema.org/name Jay`]);
        expect((await put('/test/from-nt', `<${url('/test/from-nt#me')}> <http://schema.org/name> "Kim" .\n`, 'application/n-triples')).status).to.equal(201);
        expect(await (await fetch(url('/test/from-nt'))).text()).to.include('"Kim"');
      });

      it('returns non-RDF bodies byte-identical with their content type', async () => {
        const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0xfe, 0x00, 0x80]);
        expect((await put('/test/logo.png', png, 'image/png')).status).to.equal(201);
        const response = await fetch(url('/test/logo.png'));
        expect(response.headers.get('content-type')).to.equal('image/png');
        expect(response.headers.get('link')).to.include('NonRDFSource');
        expect(Buffer.from(await response.arrayBuffer()).equals(png)).to.equal(true);
      });
    });

    describe('conditional requests', () => {
      it('answers If-None-Match on GET with 304', async () => {
        await put('/test/cond', profile('C'));
        const first = await fetch(url('/test/cond'));
        const again = await fetch(url('/test/cond'), { headers: { 'if-none-match': first.headers.get('etag')! } });
        expect(again.status).to.equal(304);
      });

      it('creates only once with If-None-Match: *', async () => {
        expect((await put('/test/once', profile('1'), TURTLE, { 'if-none-match': '*' })).status).to.equal(201);
        expect((await put('/test/once', profile('2'), TURTLE, { 'if-none-match': '*' })).status).to.equal(412);
        expect(await (await fetch(url('/test/once'))).text()).to.include('"1"');
      });

      it('refuses a write whose If-Match is stale', async () => {
        await put('/test/stale', profile('1'));
        const etag = (await fetch(url('/test/stale'))).headers.get('etag')!;
        expect((await put('/test/stale', profile('2'), TURTLE, { 'if-match': etag })).status).to.equal(204);
        expect((await put('/test/stale', profile('3'), TURTLE, { 'if-match': etag })).status).to.equal(412);
        expect(await (await fetch(url('/test/stale'))).text()).to.include('"2"');
      });

      it('lets exactly one of two concurrent If-Match writes win', async () => {
        await put('/test/race', profile('0'));
        const etag = (await fetch(url('/test/race'))).headers.get('etag')!;
        const results = await Promise.all(['A', 'B', 'C', 'D'].map((name) => put('/test/race', profile(name), TURTLE, { 'if-match': etag })));
        expect(results.map((r) => r.status).sort()).to.deep.equal([204, 412, 412, 412]);
      });
    });

    describe('PATCH', () => {
      const n3patch = (where: string, inserts: string, deletes = '') => `@prefix solid: <http://www.w3.org/ns/solid/terms#>. @prefix schema: <http://schema.org/>.
        _:p a solid:InsertDeletePatch; ${where ? `solid:where { ${where} };` : ''} ${deletes ? `solid:deletes { ${deletes} };` : ''} solid:inserts { ${inserts} }.`;
      const patch = (path: string, body: string, type = 'text/n3') => fetch(url(path), { method: 'PATCH', headers: { 'content-type': type }, body });

      it('applies an N3 Patch with variables bound by where', async () => {
        await put('/test/p1', profile('Old'));
        const response = await patch('/test/p1', n3patch('?me a schema:Person; schema:name "Old".', '?me schema:name "New".', '?me schema:name "Old".'));
        expect(response.status).to.equal(204);
        const text = await (await fetch(url('/test/p1'))).text();
        expect(text).to.include('"New"').and.not.include('"Old"');
      });

      it('creates a missing resource', async () => {
        const response = await patch('/test/p-new', n3patch('', '<#me> schema:name "Made by PATCH".'));
        expect(response.status).to.equal(201);
        expect(await (await fetch(url('/test/p-new'))).text()).to.include('Made by PATCH');
      });

      it('refuses with 409 and changes nothing when the deletes do not match', async () => {
        await put('/test/p2', profile('Keep'));
        const before = await (await fetch(url('/test/p2'))).text();
        const response = await patch('/test/p2', n3patch('', '<#me> schema:name "Added".', '<#me> schema:name "Missing".'));
        expect(response.status).to.equal(409);
        expect(await response.text()).to.include('Missing');
        expect(await (await fetch(url('/test/p2'))).text()).to.equal(before);
      });

      it('refuses an N3 Patch whose where clause matches more than once', async () => {
        await put('/test/p3', '<#a> <http://schema.org/name> "x". <#b> <http://schema.org/name> "y".');
        expect((await patch('/test/p3', n3patch('?s schema:name ?o.', '?s schema:name "z".'))).status).to.equal(409);
      });

      it('applies SPARQL Update: INSERT DATA, DELETE DATA and DELETE/INSERT WHERE', async () => {
        await put('/test/sq', profile('One'));
        const me = `<${url('/test/sq#me')}>`;
        expect((await patch('/test/sq', `INSERT DATA { ${me} <http://schema.org/email> "a@example.org" . }`, 'application/sparql-update')).status).to.equal(204);
        expect((await patch('/test/sq', `DELETE DATA { ${me} <http://schema.org/email> "a@example.org" . }`, 'application/sparql-update')).status).to.equal(204);
        const update = `PREFIX schema: <http://schema.org/>\nDELETE { ?p schema:name ?n } INSERT { ?p schema:name "Two" } WHERE { ?p a schema:Person; schema:name ?n }`;
        expect((await patch('/test/sq', update, 'application/sparql-update')).status).to.equal(204);
        const text = await (await fetch(url('/test/sq'))).text();
        expect(text).to.include('"Two"').and.not.include('"One"').and.not.include('a@example.org');
        const missing = await patch('/test/sq', `DELETE DATA { ${me} <http://schema.org/name> "Nope" . }`, 'application/sparql-update');
        expect(missing.status).to.equal(409);
      });

      it('applies a multi-operation SPARQL Update all or nothing', async () => {
        await put('/test/sq2', profile('Stay'));
        const me = `<${url('/test/sq2#me')}>`;
        const body = `INSERT DATA { ${me} <http://schema.org/email> "x@example.org" . }; DELETE DATA { ${me} <http://schema.org/name> "Absent" . }`;
        expect((await patch('/test/sq2', body, 'application/sparql-update')).status).to.equal(409);
        expect(await (await fetch(url('/test/sq2'))).text()).to.not.include('x@example.org');
      });
    });

    describe('CORS', () => {
      it('answers preflights and exposes the headers clients read', async () => {
        const preflight = await fetch(url('/test/cors'), { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type, dpop' } });
        expect(preflight.status).to.equal(204);
        expect(preflight.headers.get('access-control-allow-origin')).to.equal('https://app.example');
        expect(preflight.headers.get('access-control-allow-methods')).to.include('PATCH');
        expect(preflight.headers.get('access-control-allow-headers')).to.equal('content-type, dpop');
        const get = await fetch(base, { headers: { origin: 'https://app.example' } });
        for (const header of ['WAC-Allow', 'Link', 'ETag', 'Location', 'Accept-Patch']) expect(get.headers.get('access-control-expose-headers')).to.include(header);
      });
    });
  });
}
