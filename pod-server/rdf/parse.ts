import { Parser, type Quad } from 'n3';
import { BadRequest } from '../errors.ts';
import { loadJsonLd } from './jsonld-loader.ts';
import { JSON_LD, N_TRIPLES, TURTLE, essence } from './media-types.ts';

export type { Quad };

/**
 * Contexts a JSON-LD body may name by URL. Nothing is ever fetched from the network while
 * parsing a request (that would let any client make the server fetch arbitrary URLs);
 * known contexts are registered here instead, each loaded on first use.
 */
const knownContexts = new Map<string, () => Promise<unknown>>();
export function registerJsonLdContext(url: string, load: () => Promise<unknown>): void {
  knownContexts.set(url, load);
}

const documentLoader = async (url: string) => {
  const load = knownContexts.get(url);
  if (!load) throw new Error(`remote JSON-LD context ${url} is not fetched by this server; inline the context instead`);
  return { contextUrl: undefined, documentUrl: url, document: await load() };
};

/** Parses an RDF body; every syntax error becomes a 400 that carries the parser's message. */
export async function parseRdf(body: string, contentType: string, baseIRI: string): Promise<Quad[]> {
  const type = essence(contentType);
  if (type === JSON_LD) return parseJsonLd(body, baseIRI);
  const format = type === N_TRIPLES ? 'N-Triples' : 'Turtle';
  if (type !== TURTLE && type !== N_TRIPLES) throw new BadRequest(`Cannot parse ${type} as RDF`);
  try {
    return new Parser({ format, baseIRI }).parse(body);
  } catch (error) {
    throw new BadRequest(`Invalid ${format}: ${(error as Error).message}`, 'invalid_rdf');
  }
}

async function parseJsonLd(body: string, baseIRI: string): Promise<Quad[]> {
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    throw new BadRequest(`Invalid JSON-LD: ${(error as Error).message}`, 'invalid_rdf');
  }
  const jsonld = await loadJsonLd();
  let nquads: string;
  try {
    nquads = (await jsonld.toRDF(document as object, { base: baseIRI, format: 'application/n-quads', documentLoader } as never)) as unknown as string;
  } catch (error) {
    throw new BadRequest(`Invalid JSON-LD: ${describeJsonLdError(error)}`, 'invalid_rdf');
  }
  return new Parser({ format: 'N-Quads' }).parse(nquads);
}

function describeJsonLdError(error: unknown): string {
  const e = error as { message?: string; details?: { cause?: { message?: string }; code?: string } };
  const cause = e.details?.cause?.message;
  return [e.message, e.details?.code, cause].filter(Boolean).join(' — ');
}
