import { Parser, type Quad } from 'n3';
import { JsonLdError } from '../../vocab/jsonld-error.ts';
import { LARGE_JSON_LD_CHARS, type JsonLdReader } from '../../vocab/jsonld-offload.ts';
import { jsonLdToQuads, type JsonLdReadOptions } from '../../vocab/jsonld-to-quads.ts';
import { BadRequest, HttpError } from '../../service-kit/errors.ts';
import { TooComplex, inputBudget, unlimitedInput, type WorkBudget } from '../http/work-budget.ts';
import { JsonLdPool } from './jsonld-pool.ts';
import { JSON_LD, N_TRIPLES, TURTLE, essence } from './media-types.ts';
import { SLICE_CHARS, parseInSlices } from './parse-in-slices.ts';

export type { Quad };

/**
 * Contexts a JSON-LD body may name by URL. Nothing is ever fetched from the network while
 * parsing a request (that would let any client make the server fetch arbitrary URLs);
 * known contexts are registered here instead, each loaded on first use.
 */
const knownContexts = new Map<string, () => Promise<unknown>>();
const loadedContexts = new Map<string, Promise<unknown>>();
export function registerJsonLdContext(url: string, load: () => Promise<unknown>): void {
  knownContexts.set(url, load);
  loadedContexts.delete(url);
}

/** The documents of the known contexts this text names (so a body naming none loads none). */
async function contextsNamedIn(text: string): Promise<Record<string, unknown>> {
  const documents: Record<string, unknown> = {};
  for (const [url, load] of knownContexts) {
    if (!text.includes(url)) continue;
    let loaded = loadedContexts.get(url);
    if (!loaded) loadedContexts.set(url, (loaded = load()));
    documents[url] = await loaded;
  }
  return documents;
}

/**
 * Parses an RDF body; every syntax error becomes a 400 that carries the parser's message.
 * The work is charged to `budget` (one step per triple), which throws once it is spent. Small
 * bodies are parsed in one go; larger Turtle is parsed a slice per turn of the event loop, and
 * larger JSON-LD in a worker thread, so that no body holds the event loop for long.
 */
export async function parseRdf(body: string, contentType: string, baseIRI: string, budget: WorkBudget = unlimitedInput('Parsing this document')): Promise<Quad[]> {
  const type = essence(contentType);
  if (type === JSON_LD) return parseJsonLd(body, baseIRI, budget);
  const format = type === N_TRIPLES ? 'N-Triples' : 'Turtle';
  if (type !== TURTLE && type !== N_TRIPLES) throw new BadRequest(`Cannot parse ${type} as RDF`);
  if (body.length > SLICE_CHARS) return parseInSlices(body, format, baseIRI, budget);
  let quads: Quad[];
  try {
    quads = new Parser({ format, baseIRI }).parse(body);
  } catch (error) {
    throw new BadRequest(`Invalid ${format}: ${(error as Error).message}`, 'invalid_rdf');
  }
  budget.spend(quads.length);
  budget.checkClock();
  return quads;
}

const pool = new JsonLdPool();
/** For tests: the pool large JSON-LD documents are read in. */
export const jsonLdPool = pool;

async function parseJsonLd(body: string, baseIRI: string, budget: WorkBudget): Promise<Quad[]> {
  const options: Omit<JsonLdReadOptions, 'budget'> = { base: baseIRI, contexts: await contextsNamedIn(body) };
  try {
    if (body.length > LARGE_JSON_LD_CHARS) return await pool.read(body, options, budget);
    return await jsonLdToQuads(body, { ...options, budget });
  } catch (error) {
    if (!(error instanceof JsonLdError)) throw error;
    if (error.code === 'too_deep') throw new TooComplex(error.message, 'too_deep');
    const message = error.message.startsWith('Invalid JSON-LD') ? error.message : `Invalid JSON-LD: ${error.message}`;
    throw new BadRequest(message, error.code === 'named_graph' ? 'named_graph' : 'invalid_rdf');
  }
}

/**
 * The reader the vocabulary and consent libraries use for large JSON-LD (inbox access
 * requests): the same worker pool, with a request's budget of its own. Bad input stays a
 * JsonLdError, as those libraries expect.
 */
export const readLargeJsonLd: JsonLdReader = async (text, options) => {
  try {
    return await pool.read(text, options, inputBudget(undefined, 'Reading this JSON-LD document'));
  } catch (error) {
    if (error instanceof HttpError && error.status === 400) throw new JsonLdError(error.message, error.code);
    throw error;
  }
};
