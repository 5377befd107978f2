import { Parser, type Quad } from 'n3';
import { BadRequest } from '../errors.ts';
import { TooComplex, unlimitedInput, type WorkBudget } from '../http/work-budget.ts';
import { loadJsonLd } from './jsonld-loader.ts';
import { expandedToQuads } from './jsonld-to-rdf.ts';
import { JSON_LD, N_TRIPLES, TURTLE, essence } from './media-types.ts';
import { jsonNestingDepth } from './nesting.ts';

export type { Quad };

/** Deeper than any real document; the JSON-LD library recurses once per level. */
export const MAX_JSON_DEPTH = 100;

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

/**
 * Parses an RDF body; every syntax error becomes a 400 that carries the parser's message.
 * The work is charged to `budget` (one step per triple), which throws once it is spent.
 */
export async function parseRdf(body: string, contentType: string, baseIRI: string, budget: WorkBudget = unlimitedInput('Parsing this document')): Promise<Quad[]> {
  const type = essence(contentType);
  if (type === JSON_LD) return parseJsonLd(body, baseIRI, budget);
  const format = type === N_TRIPLES ? 'N-Triples' : 'Turtle';
  if (type !== TURTLE && type !== N_TRIPLES) throw new BadRequest(`Cannot parse ${type} as RDF`);
  let quads: Quad[];
  try {
    // n3 parses a string in one synchronous call (linear, about 20 MB/s), bounded by the body limit.
    quads = new Parser({ format, baseIRI }).parse(body);
  } catch (error) {
    throw new BadRequest(`Invalid ${format}: ${(error as Error).message}`, 'invalid_rdf');
  }
  budget.spend(quads.length);
  budget.checkClock();
  return quads;
}

async function parseJsonLd(body: string, baseIRI: string, budget: WorkBudget): Promise<Quad[]> {
  const depth = jsonNestingDepth(body);
  if (depth > MAX_JSON_DEPTH) throw new TooComplex(`JSON-LD nested ${depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted`, 'too_deep');
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    throw new BadRequest(`Invalid JSON-LD: ${(error as Error).message}`, 'invalid_rdf');
  }
  const jsonld = await loadJsonLd();
  let expanded: unknown;
  try {
    // Expansion is linear; the library's toRDF is not (see jsonld-to-rdf.ts), so it stops here.
    expanded = await jsonld.expand(document as object, { base: baseIRI, documentLoader } as never);
  } catch (error) {
    throw new BadRequest(`Invalid JSON-LD: ${describeJsonLdError(error)}`, 'invalid_rdf');
  }
  budget.checkClock();
  return expandedToQuads(expanded as never, budget);
}

function describeJsonLdError(error: unknown): string {
  const e = error as { message?: string; details?: { cause?: { message?: string }; code?: string } };
  const cause = e.details?.cause?.message;
  return [e.message, e.details?.code, cause].filter(Boolean).join(' — ');
}
