import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { CEFR_LEVELS, cefrIri, CONTEXT_DOCUMENT, getTaxonomy, JM, NS, ONTOLOGY_IRI, parseTurtle, RDF, REMOTE_OPTIONS, remoteIri, schemeIri, SHAPES_TURTLE } from './index.ts';

const ontology = parseTurtle(readFileSync(new URL('./ontology.ttl', import.meta.url), 'utf8'), ONTOLOGY_IRI);
const defined = (iri: string) => ontology.types(iri).length > 0;

describe('terms and ontology', () => {
  it('defines every jm: term constant in the ontology', () => {
    expect(Object.values(JM).filter((iri) => !defined(iri))).to.deep.equal([]);
  });

  it('has a constant or named value for every jm: term the ontology and shapes use', () => {
    const shapes = parseTurtle(SHAPES_TURTLE, ONTOLOGY_IRI);
    const known = new Set<string>([
      ...Object.values(JM), ...CEFR_LEVELS.map(cefrIri), ...REMOTE_OPTIONS.map(remoteIri), ...getTaxonomy().types().map(schemeIri),
    ]);
    const used = new Set<string>();
    for (const g of [ontology, shapes]) {
      for (const t of g.triples()) for (const x of [t.s, t.p, t.o]) if (typeof x === 'string' && x.startsWith(NS.jm)) used.add(x);
    }
    const shapeNames = new Set(shapes.triples().filter((t) => t.p === RDF.type).map((t) => t.s));
    expect([...used].filter((iri) => !known.has(iri) && !shapeNames.has(iri))).to.deep.equal([]);
  });

  it('maps every context term to an IRI the ontology or a reused vocabulary defines', () => {
    const ctx = CONTEXT_DOCUMENT['@context'] as Record<string, string | { '@id': string }>;
    const ours = Object.entries(ctx)
      .map(([, v]) => (typeof v === 'string' ? v : v['@id']))
      .filter((v) => typeof v === 'string' && v.startsWith('jm:'))
      .map((v) => NS.jm + v.slice(3));
    expect(ours.filter((iri) => !defined(iri))).to.deep.equal([]);
  });

  it('declares a concept scheme for every taxonomy type', () => {
    expect(getTaxonomy().types().filter((t) => !defined(schemeIri(t)))).to.deep.equal([]);
  });
});
