import { expect } from 'chai';
import { PUBLIC_WRITABLE_ACL, startTestServer, type TestServer } from '../test-support/server.ts';

describe('the vocabulary served by the pod server', () => {
  let pod: TestServer;
  before(async () => { pod = await startTestServer({ seed: { '/test/.acl': PUBLIC_WRITABLE_ACL } }); });
  after(() => pod.stop());

  it('serves the ontology, taxonomy concepts and search beside the pods', async () => {
    const ontology = await fetch(`${pod.baseUrl}vocab`, { headers: { accept: 'text/turtle' } });
    expect(ontology.status).to.equal(200);
    expect(await ontology.text()).to.include('SkillClaim');
    const html = await fetch(`${pod.baseUrl}vocab`, { headers: { accept: 'text/html' } });
    expect(html.headers.get('content-type')).to.match(/^text\/html/);
    const search = await fetch(`${pod.baseUrl}taxonomy/search?q=svets&type=skill`);
    const hits = await search.json() as { label: string }[] | { results: { label: string }[] };
    const labels = (Array.isArray(hits) ? hits : hits.results).map((hit) => hit.label.toLowerCase());
    expect(labels.length).to.be.greaterThan(0);
    expect(labels.every((label) => label.includes('svets'))).to.equal(true);
  });

  it('accepts JSON-LD bodies that use the project context, without fetching it', async () => {
    const body = { '@context': `${pod.baseUrl}vocab/context.jsonld`, id: '#me', type: 'SkillsSection' };
    const put = await fetch(`${pod.baseUrl}test/skills`, { method: 'PUT', headers: { 'content-type': 'application/ld+json' }, body: JSON.stringify(body) });
    expect(put.status, await put.text()).to.equal(201);
    const turtle = await (await fetch(`${pod.baseUrl}test/skills`)).text();
    expect(turtle).to.include('https://w3id.org/jobtech-mydata/vocab#SkillsSection');
  });
});
