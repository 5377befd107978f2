// The JSON-LD worker: reads one document at a time off the main thread. It imports only the
// vocabulary's converters and packages, so it runs both as TypeScript (tests, tsx) and as its
// own entry in the bundle (`npm start`, dist/jsonld-worker.mjs).
import { parentPort } from 'node:worker_threads';
import { JsonLdError } from '../../vocab/jsonld-error.ts';
import { jsonLdToQuads, type JsonLdReadOptions } from '../../vocab/jsonld-to-quads.ts';
import { encodeQuads, transferList, type EncodedQuads } from './quad-transfer.ts';

export interface JsonLdJob { id: number; text: string; options: Omit<JsonLdReadOptions, 'budget'> }
export type JsonLdReply = { id: number; quads: EncodedQuads } | { id: number; error: { message: string; code?: string } } | { ready: true };

const port = parentPort!;
// The triples go back encoded (quad-transfer.ts), so the main thread receives a few buffers and
// one string rather than cloning a million objects in one piece.
port.on('message', async ({ id, text, options }: JsonLdJob) => {
  let quads: EncodedQuads;
  try {
    quads = encodeQuads(await jsonLdToQuads(text, options));
  } catch (error) {
    const reply: JsonLdReply = error instanceof JsonLdError
      ? { id, error: { message: error.message, code: error.code } }
      : { id, error: { message: `Invalid JSON-LD: ${(error as Error)?.message ?? String(error)}`, code: 'invalid_rdf' } };
    return port.postMessage(reply);
  }
  port.postMessage({ id, quads } satisfies JsonLdReply, transferList(quads));
});
// The JSON-LD processor is loaded before the first job's clock starts.
await import('jsonld');
port.postMessage({ ready: true } satisfies JsonLdReply);
