import { expect } from 'chai';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createVocabRouter, parseJsonLd, parseTurtle, SKOS, RDF, OWL, conceptIri, JM, NS } from '../index.ts';

describe('vocab router (real HTTP server)', () => {
  let server: Server;
  let base: string;

  before(async () => {
    const app = express();
    server = app.listen(0);
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    app.use(createVocabRouter({ baseUrl: base }));
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, accept?: string) => fetch(base + path, { headers: accept ? { accept } : {} });

  describe('/vocab', () => {
    it('serves Turtle to machines, and by default', async () => {
      for (const accept of ['text/turtle', undefined, '*/*']) {
        const res = await get('/vocab', accept);
        expect(res.status).to.equal(200);
        expect(res.headers.get('content-type')).to.match(/^text\/turtle/);
        expect(res.headers.get('vary')).to.match(/Accept/);
        const g = parseTurtle(await res.text(), base + '/vocab');
        expect(g.has(JM.SkillClaim, RDF.type, OWL.Class)).to.equal(true);
      }
    });

    it('serves JSON-LD that parses back to the same ontology', async () => {
      const res = await get('/vocab', 'application/ld+json');
      expect(res.headers.get('content-type')).to.match(/^application\/ld\+json/);
      expect(res.headers.get('access-control-allow-origin')).to.equal('*');
      const g = await parseJsonLd(await res.text(), base + '/vocab');
      expect(g.has(JM.JobAd, 'http://www.w3.org/2000/01/rdf-schema#subClassOf', 'http://schema.org/JobPosting')).to.equal(true);
    });

    it('serves a readable HTML page with classes, properties, examples and taxonomy types', async () => {
      const res = await get('/vocab', 'text/html,application/xhtml+xml,*/*;q=0.8');
      expect(res.headers.get('content-type')).to.match(/^text\/html/);
      const html = await res.text();
      expect(html).to.include('<section class="term" id="SkillClaim">');
      expect(html).to.include('id="desiredOccupation"');
      expect(html).to.match(/values from the JobTech Taxonomy<\/dt><dd><a href="[^"]*type=skill/);
      expect(html).to.include('&lt;#java&gt; a jm:SkillClaim'); // the Turtle example, escaped
      expect(html).to.include('&quot;SkillsSection&quot;'); // the JSON example, escaped
    });

    it('lists the consent protocol terms: classes, properties with shared domains, and the sections', async () => {
      const html = await (await get('/vocab', 'text/html')).text();
      for (const id of ['AccessRequest', 'ConsentNotification', 'StatusChange']) expect(html).to.include(`<section class="term" id="${id}">`);
      for (const id of ['requester', 'clientId', 'requestsSection', 'grantsSection', 'accessMode', 'validUntil', 'statusChange', 'receipt']) {
        expect(html).to.include(`<section class="term" id="${id}">`);
      }
      expect(html).to.include('<li id="section-discoverable">');
      expect(html).to.match(/<li id="section-skills"><code>jm:section-skills<\/code> skills \/ kompetenser/);
      expect(html).to.match(/<dt>domain<\/dt><dd><a href="[^"]*ConsentRecord">dpv:ConsentRecord<\/a> or <a href="#ConsentNotification">jm:ConsentNotification<\/a><\/dd>/);
      expect(html).to.match(/<dt>subproperty of<\/dt><dd><a href="https:\/\/w3id.org\/dpv#hasRecipient">/);
      expect(html).to.include('<dt>range</dt><dd><a href="http://www.w3.org/ns/auth/acl#Access">acl:Access</a></dd>');
      expect(html).to.include(`href="${base}/vocab/consent-context.jsonld"`);
    });

    it('answers 406 to an unsupported media type', async () => {
      expect((await get('/vocab', 'image/png')).status).to.equal(406);
    });
  });

  it('serves the shapes and the context', async () => {
    const shapes = await get('/vocab/shapes', 'text/turtle');
    expect(await shapes.text()).to.include('jm:SkillClaimShape');
    const shapesHtml = await (await get('/vocab/shapes', 'text/html')).text();
    expect(shapesHtml).to.include('&lt;http://www.w3.org/ns/shacl#&gt;');
    const ctx = await get('/vocab/context.jsonld');
    expect(ctx.headers.get('content-type')).to.match(/^application\/ld\+json/);
    expect((await ctx.json() as { '@context': Record<string, unknown> })['@context'].skillClaims).to.be.an('object');
  });

  it('serves the consent protocol context from consent/context.jsonld, publicly and as JSON-LD', async () => {
    const file = JSON.parse(readFileSync(new URL('../../consent/context.jsonld', import.meta.url), 'utf8')) as unknown;
    for (const accept of [undefined, 'application/ld+json', 'application/json', '*/*']) {
      const res = await get('/vocab/consent-context.jsonld', accept);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.match(/^application\/ld\+json/);
      expect(res.headers.get('access-control-allow-origin')).to.equal('*');
      expect(res.headers.get('vary')).to.match(/Accept/);
      expect(await res.json()).to.deep.equal(file);
    }
    // Usable as given: a request written with it (inline) expands to the jm: terms the ontology defines.
    const served = await (await get('/vocab/consent-context.jsonld')).json() as { '@context': object };
    const g = await parseJsonLd({ '@context': served['@context'], id: 'http://x/r', type: 'AccessRequest', sections: ['skills', 'discoverable'] }, 'http://x/');
    expect(g.has('http://x/r', RDF.type, `${NS.jm}AccessRequest`)).to.equal(true);
    expect(g.nodes('http://x/r', `${NS.jm}requestsSection`).sort()).to.deep.equal([`${NS.jm}section-discoverable`, `${NS.jm}section-skills`]);
  });

  it('resolves the context by its served URL when parsing JSON-LD', async () => {
    const g = await parseJsonLd({ '@context': `${base}/vocab/context.jsonld`, id: 'http://x/s', type: 'SkillsSection' }, 'http://x/');
    expect(g.has('http://x/s', RDF.type, JM.SkillsSection)).to.equal(true);
  });

  describe('/taxonomy/concept/:id', () => {
    it('serves a concept as Turtle with SKOS broader/narrower and ESCO matches', async () => {
      const res = await get('/taxonomy/concept/DJh5_yyF_hEM', 'text/turtle');
      const g = parseTurtle(await res.text(), base);
      const iri = conceptIri('DJh5_yyF_hEM');
      expect(g.has(iri, RDF.type, SKOS.Concept)).to.equal(true);
      expect(g.has(iri, SKOS.broader, conceptIri('apaJ_2ja_LuF'))).to.equal(true);
      expect(g.has(iri, SKOS.narrower, conceptIri('7wdX_4rv_33z'))).to.equal(true);
      expect(g.has(iri, SKOS.inScheme, `${NS.jm}taxonomy-occupation-group`)).to.equal(true);
      const occ = conceptIri('7wdX_4rv_33z');
      const g2 = parseTurtle(await (await get('/taxonomy/concept/7wdX_4rv_33z', 'text/turtle')).text(), base);
      expect(g2.nodes(occ, SKOS.broadMatch)).to.deep.equal(['http://data.europa.eu/esco/occupation/349ee6f6-c295-4c38-9b98-48765b55280e']);
      expect(g2.nodes(occ, SKOS.narrowMatch)).to.deep.equal(['http://data.europa.eu/esco/isco/C2511']);
    });

    it('serves a concept as JSON-LD', async () => {
      const res = await get('/taxonomy/concept/7wdX_4rv_33z', 'application/ld+json');
      const g = await parseJsonLd(await res.text(), base);
      expect(g.string(conceptIri('7wdX_4rv_33z'), SKOS.prefLabel)).to.equal('Backend-utvecklare');
    });

    it('serves a concept page with label, type, broader/narrower links and ESCO matches', async () => {
      const html = await (await get('/taxonomy/concept/DJh5_yyF_hEM', 'text/html')).text();
      expect(html).to.include('<h1>Mjukvaru- och systemutvecklare m.fl.</h1>');
      expect(html).to.include('occupation-group');
      expect(html).to.include(`href="${base}/taxonomy/concept/apaJ_2ja_LuF">Data/IT</a>`);
      expect(html).to.include(`href="${base}/taxonomy/concept/7wdX_4rv_33z">Backend-utvecklare</a>`);
      const occ = await (await get('/taxonomy/concept/7wdX_4rv_33z', 'text/html')).text();
      expect(occ).to.include('skos:broadMatch <a href="http://data.europa.eu/esco/occupation/349ee6f6-c295-4c38-9b98-48765b55280e">molntekniker</a>');
    });

    it('HTML-escapes labels taken from the data', async () => {
      const html = await (await get('/taxonomy/concept/3JX4_aDd_5w6', 'text/html')).text();
      expect(html).to.include('<h1>Lastbilsmonterad kran &lt; 18 ton/m</h1>');
      expect(html).not.to.include('kran < 18');
    });

    it('answers 404 for unknown ids, escaping the id it echoes', async () => {
      const res = await get('/taxonomy/concept/%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'text/html');
      expect(res.status).to.equal(404);
      const html = await res.text();
      expect(html).to.include('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.to.include('<script>');
      const plain = await get('/taxonomy/concept/NoSuch', 'text/turtle');
      expect(plain.status).to.equal(404);
      expect(await plain.text()).to.include('Unknown JobTech Taxonomy concept id "NoSuch"');
    });
  });

  describe('/taxonomy/search', () => {
    type Body = { results: Array<{ id: string; label: string; type: string; exact: boolean; iri: string }> };
    it('autocompletes with type filter and Swedish folding', async () => {
      const res = await get('/taxonomy/search?q=lakare&type=occupation-name&limit=3');
      expect(res.headers.get('content-type')).to.match(/^application\/json/);
      const body = await res.json() as Body;
      expect(body.results).to.have.length(3);
      expect(body.results[0]).to.deep.include({ label: 'Läkare', type: 'occupation-name', exact: false, iri: conceptIri(body.results[0].id) });
    });
    it('accepts several types and rejects unknown ones', async () => {
      const body = await (await get('/taxonomy/search?q=stockholm&type=municipality,region')).json() as Body;
      expect(body.results.map((r) => r.type).sort()).to.deep.equal(['municipality', 'region']);
      expect((await get('/taxonomy/search?q=x&type=nonsense')).status).to.equal(400);
    });
  });
});
