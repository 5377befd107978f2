import type { Quad } from 'n3';
import { jsonNestingDepth } from './json-depth.ts';
import { JsonLdError } from './jsonld-error.ts';
import { expandedToQuads } from './jsonld-to-rdf.ts';
import { NO_LIMIT, type Budget } from './work.ts';

/** Deeper than any real document; the JSON-LD library recurses once per level. */
export const MAX_JSON_DEPTH = 100;

export interface JsonLdReadOptions {
  base: string;
  /** Documents of the contexts a body may name by URL. Nothing is ever fetched from the network. */
  contexts: Record<string, unknown>;
  /** Refuse keys that would be silently dropped, rather than drop them. */
  safe?: boolean;
  budget?: Budget;
}

/**
 * JSON-LD (text or an already parsed document) to triples: the library expands (linear), our
 * converter does the rest (the library's toRDF is quadratic, see jsonld-to-rdf.ts). Used in
 * the request's own thread for small documents and inside the JSON-LD worker for large ones,
 * so both answer alike. Every failure is a JsonLdError with a code: 'too_deep', 'invalid_json',
 * 'named_graph', 'invalid_rdf', or the library's own code.
 */
export async function jsonLdToQuads(input: string | object, options: JsonLdReadOptions): Promise<Quad[]> {
  let document: unknown = input;
  if (typeof input === 'string') {
    const depth = jsonNestingDepth(input);
    if (depth > MAX_JSON_DEPTH) throw new JsonLdError(`JSON-LD nested ${depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted`, 'too_deep');
    try {
      document = JSON.parse(input);
    } catch (error) {
      throw new JsonLdError(`Malformed JSON: ${(error as Error).message}`, 'invalid_json');
    }
  }
  if (document === null || typeof document !== 'object') throw new JsonLdError('JSON-LD must be an object or an array', 'invalid_json');
  const jsonld = (await import('jsonld')).default;
  const documentLoader = async (url: string) => {
    if (!Object.hasOwn(options.contexts, url)) throw new JsonLdError(`Remote JSON-LD context ${url} is not fetched; inline the context instead`, 'loading remote context failed');
    return { contextUrl: undefined, documentUrl: url, document: options.contexts[url] };
  };
  let expanded: unknown;
  try {
    expanded = await jsonld.expand(document as object, { base: options.base, documentLoader, safe: options.safe ?? false } as never);
  } catch (error) {
    // Our loader's refusal arrives wrapped; say it as it was said.
    const cause = (error as { details?: { cause?: unknown } }).details?.cause;
    if (error instanceof JsonLdError) throw error;
    if (cause instanceof JsonLdError) throw cause;
    throw new JsonLdError(`Invalid JSON-LD: ${describe(error)}`, (error as { details?: { code?: string } }).details?.code ?? 'invalid_rdf');
  }
  return expandedToQuads(expanded as never, options.budget ?? NO_LIMIT);
}

function describe(error: unknown): string {
  const e = error as { message?: string; details?: { code?: string; cause?: { message?: string }; event?: { message?: string; details?: unknown } } };
  const event = e.details?.event;
  const detail = event ? `${event.message ?? ''} ${JSON.stringify(event.details ?? {})}`.trim() : [e.details?.code, e.details?.cause?.message].filter(Boolean).join(' — ');
  return `${e.message ?? String(error)}${detail ? ` (${detail})` : ''}`;
}
