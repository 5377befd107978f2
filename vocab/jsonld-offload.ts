import type { Quad } from 'n3';
import type { JsonLdReadOptions } from './jsonld-to-quads.ts';

/**
 * Reads a large JSON-LD text somewhere other than the caller's thread. Expansion cannot be
 * interrupted (1 MB takes ~0.3 s), so a server registers a reader that runs it in a worker;
 * without one, documents are read in-thread. Bad input must be thrown as JsonLdError.
 */
export type JsonLdReader = (text: string, options: Omit<JsonLdReadOptions, 'budget'>) => Promise<Quad[]>;

/** Texts longer than this go to the registered reader. */
export const LARGE_JSON_LD_CHARS = 64 * 1024;

let reader: JsonLdReader | undefined;
export function readLargeJsonLdWith(large: JsonLdReader | undefined): void { reader = large; }
export function largeJsonLdReader(): JsonLdReader | undefined { return reader; }
