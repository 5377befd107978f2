// Serves the vocabulary for developers: ontology, shapes, contexts and taxonomy concepts, each with
// content negotiation (Turtle / JSON-LD for machines, HTML for people), plus JSON autocomplete.
import express, { type Request, type Response, type Router } from 'express';
import Negotiator from 'negotiator';
import { readFileSync } from 'node:fs';
import { parseTurtle, toTurtle, type Graph } from '../rdf.ts';
import { CONTEXT_DOCUMENT, registerContextAlias, toJsonLd } from '../jsonld.ts';
import { conceptIri, ONTOLOGY_IRI, SHAPES_IRI } from '../terms.ts';
import { getTaxonomy, type TaxonomyIndex } from '../taxonomy/index.ts';
import { conceptGraph } from '../taxonomy/rdf.ts';
import { conceptPage, errorPage, ontologyPage, textPage } from './html.ts';

export interface VocabRouterOptions {
  /** Public URL where the router is mounted, without trailing slash, e.g. "https://api.example.se". */
  baseUrl: string;
  /** Defaults to the shipped taxonomy. */
  taxonomy?: TaxonomyIndex;
}

const TURTLE = 'text/turtle';
const JSON_LD = 'application/ld+json';
const HTML = 'text/html';
const OFFERS = [TURTLE, JSON_LD, 'application/json', HTML];
const FORMATS: Record<string, string> = { ttl: TURTLE, turtle: TURTLE, jsonld: JSON_LD, 'json-ld': JSON_LD, json: JSON_LD, html: HTML };

/** ?format= wins (handy in a browser), then the Accept header; Turtle when the client does not care. */
function negotiate(req: Request): string | undefined {
  const format = typeof req.query.format === 'string' ? FORMATS[req.query.format.toLowerCase()] : undefined;
  if (format) return format;
  if (!req.headers.accept) return TURTLE;
  const chosen = new Negotiator(req).mediaType(OFFERS);
  return chosen === 'application/json' ? JSON_LD : chosen;
}

const readText = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');
/** The consent protocol's context is a file of consent/; it is served from here, read as a file (vocab never imports consent code). */
const CONSENT_CONTEXT_FILE = new URL('../../consent/context.jsonld', import.meta.url);

const JSON_LD_EXAMPLE = JSON.stringify({
  '@context': 'https://w3id.org/jobtech-mydata/vocab/context.jsonld',
  id: '',
  type: 'SkillsSection',
  person: 'https://pod.example/anna/profile/card#me',
  skillClaims: [{ id: '#java', type: 'SkillClaim', skill: 'jCsR_WQX_CKD', monthsOfExperience: 48, lastUsed: '2024-05',
    selfAssessment: { type: 'Rating', ratingValue: 4, worstRating: 1, bestRating: 5 } }],
}, null, 2);

export function createVocabRouter(opts: VocabRouterOptions): Router {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const taxonomy = () => opts.taxonomy ?? getTaxonomy();
  registerContextAlias(`${baseUrl}/vocab/context.jsonld`);
  const router = express.Router();
  const ontologyTtl = readText('ontology.ttl');
  const shapesTtl = readText('shapes.ttl');
  // Parsed once, so a broken file fails at start-up rather than on some later request.
  const consentContext = JSON.stringify(JSON.parse(readFileSync(CONSENT_CONTEXT_FILE, 'utf8')) as unknown, null, 2);
  let ontology: Graph | undefined;
  const ontologyGraph = () => (ontology ??= parseTurtle(ontologyTtl, ONTOLOGY_IRI));
  const jsonLdCache = new Map<string, string>();
  const cachedJsonLd = async (key: string, g: () => Graph) => {
    if (!jsonLdCache.has(key)) jsonLdCache.set(key, JSON.stringify(await toJsonLd(g(), { contextUrl: `${baseUrl}/vocab/context.jsonld` }), null, 2));
    return jsonLdCache.get(key)!;
  };

  router.use(['/vocab', '/taxonomy'], (_req, res, next) => {
    // Developers' web apps load the context and concepts cross-origin; all of it is public.
    res.set('Access-Control-Allow-Origin', '*').set('Vary', 'Accept');
    next();
  });

  const send = (res: Response, type: string, body: string, status = 200) => res.status(status).type(`${type}; charset=utf-8`).send(body);
  const notAcceptable = (res: Response) => send(res, 'text/plain', `Not acceptable; available: ${[TURTLE, JSON_LD, HTML].join(', ')}\n`, 406);

  router.get('/vocab', async (req, res) => {
    const type = negotiate(req);
    if (type === TURTLE) return send(res, TURTLE, ontologyTtl);
    if (type === JSON_LD) return send(res, JSON_LD, await cachedJsonLd('ontology', ontologyGraph));
    if (type === HTML) return send(res, HTML, ontologyPage(ontologyGraph(), { baseUrl, taxonomy: taxonomy(), jsonLdExample: JSON_LD_EXAMPLE }));
    return notAcceptable(res);
  });

  router.get('/vocab/shapes', async (req, res) => {
    const type = negotiate(req);
    if (type === TURTLE) return send(res, TURTLE, shapesTtl);
    if (type === JSON_LD) return send(res, JSON_LD, await cachedJsonLd('shapes', () => parseTurtle(shapesTtl, SHAPES_IRI)));
    if (type === HTML) return send(res, HTML, textPage('SHACL shapes', shapesTtl, 'Validate profile sections and job ads with these shapes (any SHACL engine).'));
    return notAcceptable(res);
  });

  router.get('/vocab/context.jsonld', (_req, res) => send(res, JSON_LD, JSON.stringify(CONTEXT_DOCUMENT, null, 2)));
  router.get('/vocab/consent-context.jsonld', (_req, res) => send(res, JSON_LD, consentContext));

  router.get('/taxonomy/search', (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    const types = typeof req.query.type === 'string' && req.query.type !== '' ? req.query.type.split(',') : [];
    const limit = Math.min(Math.max(Number(req.query.limit ?? 10) || 10, 1), 50);
    const unknown = types.filter((t) => taxonomy().byType(t).length === 0);
    if (unknown.length) return res.status(400).json({ error: `unknown taxonomy type ${unknown.join(', ')}`, types: taxonomy().types() });
    const results = taxonomy().search(q, { type: types.length ? types : undefined, limit }).map((h) => ({
      id: h.concept.id, iri: conceptIri(h.concept.id), label: h.concept.label, type: h.concept.type,
      position: h.position, exact: h.exact, page: `${baseUrl}/taxonomy/concept/${encodeURIComponent(h.concept.id)}`,
    }));
    return res.json({ query: q, type: types, results });
  });

  router.get('/taxonomy/concept/:id', async (req, res) => {
    const id = String(req.params.id);
    const type = negotiate(req);
    const concept = taxonomy().get(id);
    if (!concept) {
      const message = `Unknown JobTech Taxonomy concept id "${id}"`;
      return type === HTML ? send(res, HTML, errorPage(404, message), 404) : send(res, 'text/plain', `${message}\n`, 404);
    }
    if (type === HTML) return send(res, HTML, conceptPage(concept, taxonomy(), baseUrl));
    const g = conceptGraph(taxonomy(), id)!;
    if (type === TURTLE) return send(res, TURTLE, await toTurtle(g, { first: [conceptIri(id)] }));
    if (type === JSON_LD) return send(res, JSON_LD, JSON.stringify(await toJsonLd(g, { contextUrl: `${baseUrl}/vocab/context.jsonld` }), null, 2));
    return notAcceptable(res);
  });

  return router;
}
