// JSON-LD <-> Graph, through N-Quads. Remote contexts are never fetched: our own context is served
// from the file shipped beside this module, anything else is refused with a clear error.
import jsonld from 'jsonld';
import { readFileSync } from 'node:fs';
import { CONTEXT_IRI } from './terms.ts';
import { Graph, parseTurtle, toNQuads } from './rdf.ts';

export const CONTEXT_DOCUMENT = JSON.parse(readFileSync(new URL('./context.jsonld', import.meta.url), 'utf8')) as {
  '@context': Record<string, unknown>;
};

export class JsonLdError extends Error {
  override readonly name = 'JsonLdError';
  constructor(message: string, readonly code?: string) { super(message); }
}

const contextAliases = new Set<string>([CONTEXT_IRI]);
/** Lets a deployment's own URL for the context (e.g. http://localhost:3000/vocab/context.jsonld) resolve locally. */
export function registerContextAlias(url: string): void { contextAliases.add(url); }

const documentLoader = async (url: string) => {
  if (contextAliases.has(url)) return { contextUrl: undefined, documentUrl: url, document: CONTEXT_DOCUMENT };
  throw new JsonLdError(`Remote JSON-LD context ${url} is not fetched; use ${CONTEXT_IRI} or an inline context`, 'loading remote context failed');
};

/** Parses JSON-LD text into a graph. Malformed JSON, invalid JSON-LD and terms that would be dropped all throw JsonLdError. */
export async function parseJsonLd(text: string | object, baseIri: string): Promise<Graph> {
  let doc: unknown = text;
  if (typeof text === 'string') {
    try { doc = JSON.parse(text); } catch (e) { throw new JsonLdError(`Malformed JSON: ${(e as Error).message}`, 'invalid json'); }
  }
  if (doc === null || typeof doc !== 'object') throw new JsonLdError('JSON-LD must be an object or an array', 'invalid json-ld');
  let nquads: string;
  try {
    // safe mode: a key that does not map to an IRI is an error, not silently dropped data.
    nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, {
      base: baseIri, format: 'application/n-quads', documentLoader, safe: true,
    } as jsonld.Options.ToRdf)) as unknown as string;
  } catch (e) {
    if (e instanceof JsonLdError) throw e;
    // Our loader's refusal arrives wrapped; surface it as it was said.
    const cause = (e as { details?: { cause?: unknown } }).details?.cause;
    if (cause instanceof JsonLdError) throw cause;
    throw new JsonLdError(describe(e), (e as { details?: { code?: string } }).details?.code);
  }
  return parseTurtle(nquads, baseIri, 'application/n-quads');
}

function describe(e: unknown): string {
  const err = e as { message?: string; details?: { code?: string; event?: { message?: string; details?: unknown } } };
  const event = err.details?.event;
  const detail = event ? `${event.message ?? ''} ${JSON.stringify(event.details ?? {})}` : err.details?.code ?? '';
  return `Invalid JSON-LD: ${err.message ?? String(e)}${detail ? ` (${detail.trim()})` : ''}`;
}

/** Compacted JSON-LD using our context (referenced by IRI unless inline is asked for). */
export async function toJsonLd(g: Graph, opts: { contextUrl?: string; inline?: boolean } = {}): Promise<object> {
  const expanded = await jsonld.fromRDF(toNQuads(g) as unknown as jsonld.JsonLdDocument, { format: 'application/n-quads', useNativeTypes: true } as jsonld.Options.FromRdf);
  const compacted = await jsonld.compact(expanded, CONTEXT_DOCUMENT['@context'] as jsonld.ContextDefinition, { documentLoader } as jsonld.Options.Compact);
  if (!opts.inline) compacted['@context'] = opts.contextUrl ?? CONTEXT_IRI;
  return compacted;
}
