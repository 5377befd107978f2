// Documents in and out: content types, parse + validate + read, write + serialise.
import { Graph, parseTurtle, toTurtle, RdfSyntaxError } from './rdf.ts';
import { parseJsonLd, toJsonLd } from './jsonld.ts';
import { assertValid, validateGraph, type ValidationReport } from './validate/validator.ts';
import { readSection, sectionDocumentIri, writeProfile, writeSection } from './profile/sections.ts';
import type { CompetenceProfile, SectionName, SectionTypes } from './profile/types.ts';
import type { TaxonomyIndex } from './taxonomy/index.ts';

export const TURTLE = 'text/turtle';
export const JSON_LD = 'application/ld+json';
export const N_TRIPLES = 'application/n-triples';
export const RDF_CONTENT_TYPES = [TURTLE, JSON_LD, N_TRIPLES, 'application/n-quads'] as const;

const mediaType = (contentType: string) => contentType.split(';')[0].trim().toLowerCase();

/** Parses Turtle, N-Triples, N-Quads or JSON-LD. Throws RdfSyntaxError / JsonLdError with a clear message. */
export async function parseDocument(text: string, opts: { contentType: string; baseIri: string }): Promise<Graph> {
  const type = mediaType(opts.contentType);
  if (type === JSON_LD || type === 'application/json') return parseJsonLd(text, opts.baseIri);
  if (type === TURTLE || type === N_TRIPLES || type === 'application/n-quads') return parseTurtle(text, opts.baseIri, type);
  throw new RdfSyntaxError(`Unsupported content type ${opts.contentType}; use one of ${RDF_CONTENT_TYPES.join(', ')}`, opts.contentType);
}

export async function serializeGraph(g: Graph, contentType: string, opts: { baseIri?: string; first?: string[]; contextUrl?: string } = {}): Promise<string> {
  const type = mediaType(contentType);
  if (type === JSON_LD || type === 'application/json') return JSON.stringify(await toJsonLd(g, { contextUrl: opts.contextUrl }), null, 2);
  if (type === TURTLE) return toTurtle(g, { baseIri: opts.baseIri, first: opts.first });
  throw new RdfSyntaxError(`Cannot serialise to ${contentType}`, contentType);
}

/**
 * Parses, validates and reads one section document. A document with any violation is rejected
 * whole (ValidationError carrying the full report); nothing is half-read.
 */
export async function loadSection<K extends SectionName>(section: K, text: string, opts: { contentType: string; baseIri: string; taxonomy?: TaxonomyIndex }): Promise<SectionTypes[K]> {
  const g = await parseDocument(text, opts);
  await assertValid(g, opts.taxonomy);
  return readSection(section, g, opts.baseIri);
}

/** Writes one section as Turtle or JSON-LD. */
export async function saveSection<K extends SectionName>(section: K, doc: string, value: SectionTypes[K], contentType: string = TURTLE): Promise<string> {
  return serializeGraph(writeSection(section, doc, value), contentType, { baseIri: doc, first: [doc] });
}

/** Validates a whole profile (all present sections together) and reports every violation. */
export async function validateProfile(podRoot: string, profile: CompetenceProfile, taxonomy?: TaxonomyIndex): Promise<ValidationReport> {
  return validateGraph(writeProfile(podRoot, profile), taxonomy);
}

export { sectionDocumentIri };
