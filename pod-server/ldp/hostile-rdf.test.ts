import { expect } from 'chai';
import jsonld from 'jsonld';
import { Parser, Writer } from 'n3';
import { PUBLIC_WRITABLE_ACL, startTestServer, type TestServer } from '../../test-support/server.ts';

const SOLID = '@prefix solid: <http://www.w3.org/ns/solid/terms#>.\n';
const FORTY = Array.from({ length: 40 }, (_, i) => `<#s${i}> <#p> ${i}.`).join('\n');
const APPEND_ONLY_INBOX_ACL = `@prefix acl: <http://www.w3.org/ns/auth/acl#>.
@prefix foaf: <http://xmlns.com/foaf/0.1/>.
<#append> a acl:Authorization; acl:agentClass foaf:Agent; acl:accessTo <./>; acl:default <./>; acl:mode acl:Append.
`;

/** Canonical N-Quads, to compare what we stored with what the JSON-LD library says a document means. */
async function canonical(nquads: string): Promise<string> {
  return (await jsonld.canonize(nquads as never, { algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads' } as never)) as unknown as string;
}
const toNQuads = (turtle: string, base: string) => new Writer({ format: 'N-Quads' }).quadsToString(new Parser({ baseIRI: base }).parse(turtle));

describe('hostile RDF: no single request may stall or kill the server', () => {
  let pod: TestServer;
  const url = (path: string) => new URL(path, pod.baseUrl).href;
  const send = (method: string, path: string, type: string, body: string, accept = 'application/json') =>
    fetch(url(path), { method, headers: { 'content-type': type, accept }, body });
  const put = (path: string, body: string, type = 'text/turtle') => send('PUT', path, type, body);
  const sparql = (path: string, body: string) => send('PATCH', path, 'application/sparql-update', body);
  const n3 = (path: string, body: string) => send('PATCH', path, 'text/n3', SOLID + body);
  const turtleOf = async (path: string) => (await fetch(url(path), { headers: { accept: 'text/turtle' } })).text();
  const errorOf = async (response: Response) => (await response.json()) as { error: string; message: string };

  before(async () => {
    pod = await startTestServer({
      storage: 'file',
      seed: { '/test/.acl': PUBLIC_WRITABLE_ACL, '/alice/inbox/': '<> <http://purl.org/dc/terms/title> "Inbox".', '/alice/inbox/.acl': APPEND_ONLY_INBOX_ACL },
    });
  });
  after(() => pod.stop());

  describe('R1: the patch matcher is bounded', () => {
    beforeEach(async () => expect((await put('/test/cross', FORTY)).status).to.be.oneOf([201, 204]));

    it('refuses four independent patterns over 40 triples (2.56e6 solutions) with 422', async () => {
      const response = await sparql('/test/cross', 'INSERT { <#x> <#y> <#z> } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }');
      expect(response.status).to.equal(422);
      const error = await errorOf(response);
      expect(error.error).to.equal('patch_too_complex');
      expect(error.message).to.match(/more than 20000 partial solutions/);
      expect(await turtleOf('/test/cross')).not.to.include('#x');
    });

    it('refuses five independent N3 Patch patterns (1e8 solutions) with 422', async () => {
      const response = await n3('/test/cross', '_:p a solid:InsertDeletePatch; solid:where { ?s0 ?p0 ?o0 . ?s1 ?p1 ?o1 . ?s2 ?p2 ?o2 . ?s3 ?p3 ?o3 . ?s4 ?p4 ?o4 }; solid:inserts { <#x> <#y> <#z> }.');
      expect(response.status).to.equal(422);
      expect((await errorOf(response)).error).to.equal('patch_too_complex');
      expect(await turtleOf('/test/cross')).not.to.include('#x');
    });

    it('refuses a join that multiplies (300 subjects sharing one object, 2.7e7 solutions) with 422', async () => {
      expect((await put('/test/star', Array.from({ length: 300 }, (_, i) => `<#s${i}> <#p> "same".`).join('\n'))).status).to.equal(201);
      const response = await sparql('/test/star', 'INSERT { <#x> <#y> <#z> } WHERE { ?a <#p> ?o . ?b <#p> ?o . ?c <#p> ?o }');
      expect(response.status).to.equal(422);
      expect((await errorOf(response)).message).to.match(/more than 20000 partial solutions/);
    });

    it('stops an N3 Patch at the second solution (409, not 422)', async () => {
      const response = await n3('/test/cross', '_:p a solid:InsertDeletePatch; solid:where { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }; solid:inserts { <#x> <#y> <#z> }.');
      expect(response.status).to.equal(409);
      expect((await errorOf(response)).error).to.equal('patch_ambiguous');
    });

    it('orders joins so a selective pattern written last still prunes (cross product as written: 64000)', async () => {
      const response = await sparql('/test/cross', 'INSERT { <#x> <#y> ?c } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . <#s1> <#p> ?c . <#s1> <#p> ?f . <#s1> <#p> ?i }');
      expect(response.status).to.equal(204);
      const inserted = new Parser().parse(await turtleOf('/test/cross')).filter((q) => q.subject.value === url('/test/cross#x'));
      expect(inserted.map((q) => q.object.value)).to.deep.equal(['1']);
    });

    it('still applies ordinary patches: a rename over every triple, and an N3 Patch matching once', async () => {
      expect((await sparql('/test/cross', 'DELETE { ?s <#p> ?o } INSERT { ?s <#q> ?o } WHERE { ?s <#p> ?o }')).status).to.equal(204);
      const renamed = new Parser({ baseIRI: url('/test/cross') }).parse(await turtleOf('/test/cross'));
      expect(renamed.filter((q) => q.predicate.value.endsWith('#q'))).to.have.length(40);
      const once = await n3('/test/cross', '_:p a solid:InsertDeletePatch; solid:where { ?s <#q> 7 }; solid:deletes { ?s <#q> 7 }; solid:inserts { ?s <#q> 700 }.');
      expect(once.status).to.equal(204);
      expect(await turtleOf('/test/cross')).to.include('700');
    });
  });

  describe('R2: JSON-LD is linear in values per property', () => {
    it('stores a JSON-LD body with 64k values of one property (37 s before)', async () => {
      const values = Array.from({ length: 64000 }, (_, i) => i);
      const response = await put('/test/j', JSON.stringify({ '@id': 'http://ex.org/s', 'http://ex.org/p': values }), 'application/ld+json');
      expect(response.status).to.equal(201);
      const stored = new Parser().parse(await turtleOf('/test/j'));
      expect(stored).to.have.length(64000);
      expect(stored[63999].object.value).to.equal('63999');
    });

    it('serves a Turtle document with 32k values as JSON-LD (54 s before), then from the cache', async () => {
      const turtle = `<http://ex.org/s> <http://ex.org/p> ${Array.from({ length: 32000 }, (_, i) => i).join(', ')}.`;
      expect((await put('/test/t', turtle)).status).to.equal(201);
      const first = await fetch(url('/test/t'), { headers: { accept: 'application/ld+json' } });
      expect(first.status).to.equal(200);
      const text = await first.text();
      const [node] = JSON.parse(text) as Record<string, unknown[]>[];
      expect(node['@id']).to.equal('http://ex.org/s');
      expect(node['http://ex.org/p']).to.have.length(32000);
      const again = await fetch(url('/test/t'), { headers: { accept: 'application/ld+json' } });
      expect(again.headers.get('etag')).to.equal(first.headers.get('etag'));
      expect(await again.text()).to.equal(text);
    });

    it('converts JSON-LD to Turtle that reads back and means what the JSON-LD library says it means', async () => {
      const doc = {
        '@context': { ex: 'http://ex.org/', name: { '@id': 'ex:name', '@language': 'sv' }, tags: { '@id': 'ex:tags', '@container': '@list' }, data: { '@id': 'ex:data', '@type': '@json' } },
        '@id': 'ex:a',
        '@type': ['ex:Person', 'ex:Agent'],
        name: 'Åsa',
        tags: ['x', 2, { '@id': 'ex:b' }, ['nested']],
        data: { z: 1, a: [true, null] },
        'ex:knows': { 'ex:age': [41, 4.5, true], 'ex:when': { '@value': '2026-01-01', '@type': 'http://www.w3.org/2001/XMLSchema#date' } },
        '@reverse': { 'ex:parentOf': { '@id': 'ex:c' } },
        'ex:empty': { '@list': [] },
        'ex:relative': { '@id': 'other#me' },
      };
      expect((await put('/test/rich', JSON.stringify(doc), 'application/ld+json')).status).to.equal(201);
      const stored = await turtleOf('/test/rich');
      const expected = (await jsonld.toRDF(doc as never, { base: url('/test/rich'), format: 'application/n-quads' } as never)) as unknown as string;
      expect(await canonical(toNQuads(stored, url('/test/rich')))).to.equal(await canonical(expected));
      // And the JSON-LD we serve means the same again.
      const served = await (await fetch(url('/test/rich'), { headers: { accept: 'application/ld+json' } })).json();
      const roundTrip = (await jsonld.toRDF(served as never, { format: 'application/n-quads' } as never)) as unknown as string;
      expect(await canonical(roundTrip)).to.equal(await canonical(expected));
    });
  });

  describe('R5: a patch cannot store what Turtle cannot hold', () => {
    it('refuses a variable bound to a literal in subject position (422) and keeps the document readable', async () => {
      expect((await put('/test/doc', '<#a> <#p> "lit".')).status).to.equal(201);
      const response = await sparql('/test/doc', 'INSERT { ?o <#x> <#y> } WHERE { <#a> <#p> ?o }');
      expect(response.status).to.equal(422);
      const error = await errorOf(response);
      expect(error.error).to.equal('invalid_patch_result');
      expect(error.message).to.match(/literal cannot be a subject/);
      const asJsonLd = await fetch(url('/test/doc'), { headers: { accept: 'application/ld+json' } });
      expect(asJsonLd.status).to.equal(200);
      expect(await turtleOf('/test/doc')).not.to.include('#x');
    });

    it('refuses a literal bound into predicate position and an N3 insert with a literal subject', async () => {
      expect((await sparql('/test/doc', 'INSERT { <#a> ?o <#y> } WHERE { <#a> <#p> ?o }')).status).to.equal(422);
      expect((await n3('/test/doc', '_:p a solid:InsertDeletePatch; solid:inserts { "lit" <#p> <#o> }.')).status).to.equal(422);
      expect(await turtleOf('/test/doc')).to.equal('<#a> <#p> "lit".');
    });

    it('does not let an agent with only Append on an inbox PATCH the inbox description; it may still POST', async () => {
      const patched = await n3('/alice/inbox/', '_:p a solid:InsertDeletePatch; solid:inserts { <#x> <#y> <#z> }.');
      expect(patched.status).to.equal(401);
      const posted = await send('POST', '/alice/inbox/', 'text/turtle', '<#n> a <https://www.w3.org/ns/activitystreams#Offer>.');
      expect(posted.status).to.equal(201);
    });
  });

  describe('R6: SPARQL Update is bounded before it is parsed', () => {
    it('refuses 8000 nested groups with 400 (53 s then 500 before)', async () => {
      const n = 8000;
      const response = await sparql('/test/sp', `INSERT { <#a> <#x> 1 } WHERE ${'{ '.repeat(n)}<#a> <#p> ?o${' }'.repeat(n)}`);
      expect(response.status).to.equal(400);
      const error = await errorOf(response);
      expect(error.error).to.equal('patch_too_deep');
      expect(error.message).to.match(/nested 8000 deep; at most 32/);
    });

    it('counts brackets in strings and IRIs as text, and accepts ordinary nesting', async () => {
      expect((await put('/test/sp', '<#a> <#p> 1.')).status).to.equal(201);
      const braces = JSON.stringify('{'.repeat(100));
      const response = await sparql('/test/sp', `PREFIX ex: <http://ex.org/>\nINSERT { <#a> <#q> ${braces} } WHERE { { { <#a> <#p> ?o } } } # {{{{{{`);
      expect(response.status, await response.clone().text()).to.equal(204);
      expect(await turtleOf('/test/sp')).to.include('{{{{');
    });

    it('refuses a SPARQL Update over 256 KB with 413', async () => {
      const body = `INSERT DATA { ${Array.from({ length: 10000 }, (_, i) => `<#s${i}> <#p> "value ${i}" .`).join('\n')} }`;
      const response = await sparql('/test/sp', body);
      expect(response.status).to.equal(413);
      expect((await errorOf(response)).message).to.match(/N3 Patch or PUT/);
    });

    it('refuses JSON-LD nested deeper than 100 levels with 422', async () => {
      const deep = `${'{"http://ex.org/p":'.repeat(5000)}"x"${'}'.repeat(5000)}`;
      const response = await put('/test/deep', deep, 'application/ld+json');
      expect(response.status).to.equal(422);
      expect((await errorOf(response)).error).to.equal('too_deep');
    });
  });

  describe('R9: JSON-LD that Turtle cannot hold is a 400, and nothing is stored', () => {
    const cases: [string, unknown, RegExp][] = [
      ['an invalid IRI', { '@id': 'http://ex.org/a>b', 'http://ex.org/p': 'v' }, /not a valid IRI/],
      ['an invalid language tag', { '@id': 'http://ex.org/a', 'http://ex.org/p': { '@value': '1', '@language': 'not a tag!' } }, /not a valid language tag/],
      ['a named graph', { '@id': 'http://ex.org/g', '@graph': [{ '@id': 'http://ex.org/a', 'http://ex.org/p': 'v' }] }, /named graphs are not supported/],
      ['a nested named graph', { '@id': 'http://ex.org/a', 'http://ex.org/p': { '@graph': { '@id': 'http://ex.org/b', 'http://ex.org/q': 'v' } } }, /named graphs are not supported/],
    ];
    for (const [name, doc, message] of cases) {
      it(`refuses ${name}`, async () => {
        const response = await put('/test/x9', JSON.stringify(doc), 'application/ld+json');
        expect(response.status).to.equal(400);
        expect((await errorOf(response)).message).to.match(message);
        expect((await fetch(url('/test/x9'))).status).to.equal(404);
      });
    }

    it('accepts a top-level @graph without @id as the default graph', async () => {
      const doc = { '@graph': [{ '@id': 'http://ex.org/a', 'http://ex.org/p': 'v' }, { '@id': 'http://ex.org/b', 'http://ex.org/p': 'w' }] };
      expect((await put('/test/x9', JSON.stringify(doc), 'application/ld+json')).status).to.equal(201);
      expect(new Parser().parse(await turtleOf('/test/x9'))).to.have.length(2);
    });
  });

  describe('the per-request work budget', () => {
    // A second server on the same store whose requests may cause only 1 ms of work (WORK_BUDGET_MS=1).
    let tight: TestServer;
    before(async () => { tight = await startTestServer({ parts: { store: pod.server.store }, config: { workBudgetMs: 1 } }); });
    after(() => tight.stop());
    const tightUrl = (path: string) => new URL(path, tight.baseUrl).href;
    const big = Array.from({ length: 20000 }, (_, i) => `<http://ex.org/s${i}> <http://ex.org/p> "v${i}" .`).join('\n');

    it('refuses input that takes longer than the budget to parse with 422', async () => {
      const response = await fetch(tightUrl('/test/budget'), { method: 'PUT', headers: { 'content-type': 'application/n-triples', accept: 'application/json' }, body: big });
      expect(response.status).to.equal(422);
      expect((await errorOf(response)).message).to.match(/more than 1 ms of work/);
      expect((await fetch(url('/test/budget'))).status).to.equal(404);
    });

    it('answers 503 when converting a stored document for a GET takes longer than the budget', async () => {
      expect((await put('/test/budget', big)).status).to.equal(201);
      const response = await fetch(tightUrl('/test/budget'), { headers: { accept: 'application/n-triples' } });
      expect(response.status).to.equal(503);
      expect(await response.text()).to.match(/text\/turtle instead/);
      expect((await fetch(tightUrl('/test/budget'), { headers: { accept: 'text/turtle' } })).status).to.equal(200);
    });
  });
});
