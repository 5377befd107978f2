// JSON-LD <-> Graph. Remote contexts are never fetched: our own context is served from the file
// shipped beside this module (and others registered by IRI), anything else is refused clearly.
import jsonld from 'jsonld';
import { readFileSync } from 'node:fs';
import { JsonLdError } from './jsonld-error.ts';
import { LARGE_JSON_LD_CHARS, largeJsonLdReader } from './jsonld-offload.ts';
import { jsonLdToQuads } from './jsonld-to-quads.ts';
import { CONTEXT_IRI } from './terms.ts';
import { Graph, toNQuads } from './rdf.ts';

export const CONTEXT_DOCUMENT = JSON.parse(readFileSync(new URL('./context.jsonld', import.meta.url), 'utf8')) as {
  '@context': Record<string, unknown>;
};

export { JsonLdError };

const contextAliases = new Set<string>([CONTEXT_IRI]);
/** Lets a deployment's own URL for the context (e.g. http://localhost:3000/vocab/context.jsonld) resolve locally. */
export function registerContextAlias(url: string): void { contextAliases.add(url); }

/** Other contexts shipped with the code (the consent context), known by their IRI. */
const contextDocuments = new Map<string, unknown>();
export function registerContextDocument(url: string, document: unknown): void { contextDocuments.set(url, document); }

function knownContexts(): Record<string, unknown> {
  const known: Record<string, unknown> = Object.fromEntries(contextDocuments);
  for (const alias of contextAliases) known[alias] = CONTEXT_DOCUMENT;
  return known;
}

const documentLoader = async (url: string) => {
  if (contextAliases.has(url)) return { contextUrl: undefined, documentUrl: url, document: CONTEXT_DOCUMENT };
  throw new JsonLdError(`Remote JSON-LD context ${url} is not fetched; use ${CONTEXT_IRI} or an inline context`, 'loading remote context failed');
};

/**
 * Parses JSON-LD text into a graph. Malformed JSON, invalid JSON-LD and terms that would be
 * dropped all throw JsonLdError. Linear in the document; a large text goes to the process's
 * large-document reader (the pod server's worker) when one is registered.
 */
export async function parseJsonLd(text: string | object, baseIri: string): Promise<Graph> {
  const options = { base: baseIri, contexts: knownContexts(), safe: true };
  const large = typeof text === 'string' && text.length > LARGE_JSON_LD_CHARS ? largeJsonLdReader() : undefined;
  const quads = large ? await large(text as string, options) : await jsonLdToQuads(text, options);
  const g = new Graph();
  await g.addQuads(quads);
  return g;
}

/** Compacted JSON-LD using our context (referenced by IRI unless inline is asked for). */
export async function toJsonLd(g: Graph, opts: { contextUrl?: string; inline?: boolean } = {}): Promise<object> {
  const expanded = await jsonld.fromRDF(toNQuads(g) as unknown as jsonld.JsonLdDocument, { format: 'application/n-quads', useNativeTypes: true } as jsonld.Options.FromRdf);
  const compacted = await jsonld.compact(expanded, CONTEXT_DOCUMENT['@context'] as jsonld.ContextDefinition, { documentLoader } as jsonld.Options.Compact);
  if (!opts.inline) compacted['@context'] = opts.contextUrl ?? CONTEXT_IRI;
  return compacted;
}
