import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { CEFR_LEVELS, cefrIri, CONTEXT_DOCUMENT, getTaxonomy, isLit, JM, NS, ONTOLOGY_IRI, OWL, parseTurtle, RDF, RDFS, REMOTE_OPTIONS, remoteIri, schemeIri, SHAPES_TURTLE, SKOS } from './index.ts';

const ontology = parseTurtle(readFileSync(new URL('./ontology.ttl', import.meta.url), 'utf8'), ONTOLOGY_IRI);
const defined = (iri: string) => ontology.types(iri).length > 0;

// consent/ builds on vocab and defines its own jm: terms; vocab must not import consent code, so its sources are read as text.
const consentText = (name: string) => readFileSync(new URL(`../consent/${name}`, import.meta.url), 'utf8');
const quotedNames = (source: string, declaration: RegExp): string[] => {
  const m = declaration.exec(source);
  if (!m) throw new Error(`${declaration} not found`);
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
};
const CONSENT_TERMS = quotedNames(consentText('terms.ts'), /export const CJM = terms\(JMNS, \[([^\]]*)\]/).map((n) => NS.jm + n);
const CONSENT_SECTIONS = quotedNames(consentText('model.ts'), /export const SECTIONS = \[([^\]]*)\]/).map((s) => `${NS.jm}section-${s}`);
const CONSENT_SECTION_SCHEME = `${NS.jm}consent-sections`;
/** Every jm: IRI in a JSON value ("jm:x" strings, in keys' values and nested contexts alike). */
const jmIrisIn = (v: unknown): string[] => {
  if (typeof v === 'string') return v.startsWith('jm:') ? [NS.jm + v.slice(3)] : v.startsWith(NS.jm) && v !== NS.jm ? [v] : [];
  if (v && typeof v === 'object') return Object.values(v).flatMap(jmIrisIn);
  return [];
};

describe('terms and ontology', () => {
  it('defines every jm: term constant in the ontology', () => {
    expect(Object.values(JM).filter((iri) => !defined(iri))).to.deep.equal([]);
  });

  it('has a constant or named value for every jm: term the ontology and shapes use', () => {
    const shapes = parseTurtle(SHAPES_TURTLE, ONTOLOGY_IRI);
    const known = new Set<string>([
      ...Object.values(JM), ...CEFR_LEVELS.map(cefrIri), ...REMOTE_OPTIONS.map(remoteIri), ...getTaxonomy().types().map(schemeIri),
      ...CONSENT_TERMS, ...CONSENT_SECTIONS, CONSENT_SECTION_SCHEME,
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

  describe('consent protocol terms (consent/ is read as text, never imported)', () => {
    it('finds the consent terms and sections in consent/', () => {
      expect(CONSENT_TERMS).to.include.members([`${NS.jm}AccessRequest`, `${NS.jm}clientId`, `${NS.jm}receipt`]);
      expect(CONSENT_SECTIONS).to.include.members([`${NS.jm}section-skills`, `${NS.jm}section-discoverable`]);
    });

    it('defines every jm: term of consent/terms.ts and every section individual', () => {
      expect([...CONSENT_TERMS, ...CONSENT_SECTIONS].filter((iri) => !defined(iri))).to.deep.equal([]);
    });

    it('defines every jm: term used by the consent JSON-LD context and the consent shapes', () => {
      const ctx = JSON.parse(consentText('context.jsonld')) as { '@context': Record<string, unknown> };
      const { jm: _namespace, ...terms } = ctx['@context'];
      const shapes = parseTurtle(consentText('shapes.ttl'), ONTOLOGY_IRI);
      const used = new Set(jmIrisIn(terms));
      for (const t of shapes.triples()) for (const x of [t.s, t.p, t.o]) if (typeof x === 'string' && x.startsWith(NS.jm)) used.add(x);
      expect(used.size).to.be.greaterThan(20);
      expect([...used].filter((iri) => !defined(iri))).to.deep.equal([]);
    });

    it('labels classes, properties and sections in English and Swedish, and puts the sections in one concept scheme', () => {
      const langs = (iri: string, p: string) => ontology.objects(iri, p).filter(isLit).map((l) => l.language).sort();
      for (const iri of CONSENT_TERMS) expect(langs(iri, RDFS.label), iri).to.deep.equal(['en', 'sv']);
      for (const iri of CONSENT_TERMS) expect(ontology.strings(iri, RDFS.comment), iri).to.have.length.greaterThan(0);
      for (const iri of CONSENT_SECTIONS) {
        expect(langs(iri, SKOS.prefLabel), iri).to.deep.equal(['en', 'sv']);
        expect(ontology.nodes(iri, SKOS.inScheme), iri).to.deep.equal([CONSENT_SECTION_SCHEME]);
      }
      expect(ontology.has(CONSENT_SECTION_SCHEME, RDF.type, SKOS.ConceptScheme)).to.equal(true);
    });

    it('lets jm:clientId take an IRI or a string, and aligns with DPV', () => {
      expect(ontology.types(`${NS.jm}clientId`)).to.deep.equal([RDF.Property]);
      expect(ontology.nodes(`${NS.jm}requester`, RDFS.subPropertyOf)).to.deep.equal([`${NS.dpv}hasRecipient`]);
      const union = ontology.node(ontology.node(`${NS.jm}forRequest`, RDFS.domain)!, OWL.unionOf)!;
      expect(ontology.listItems(union)).to.deep.equal([`${NS.dpv}ConsentRecord`, `${NS.jm}ConsentNotification`]);
    });
  });

  it('declares a concept scheme for every taxonomy type', () => {
    expect(getTaxonomy().types().filter((t) => !defined(schemeIri(t)))).to.deep.equal([]);
  });
});
