// The JSON-LD worker: reads one document at a time off the main thread. It imports only the
// vocabulary's converters and packages, so it runs both as TypeScript (tests, tsx) and as its
// own entry in the bundle (`npm start`, dist/jsonld-worker.mjs).
import { Writer } from 'n3';
import { parentPort } from 'node:worker_threads';
import { JsonLdError } from '../../vocab/jsonld-error.ts';
import { jsonLdToQuads, type JsonLdReadOptions } from '../../vocab/jsonld-to-quads.ts';

export interface JsonLdJob { id: number; text: string; options: Omit<JsonLdReadOptions, 'budget'> }
export type JsonLdReply = { id: number; ntriples: string } | { id: number; error: { message: string; code?: string } } | { ready: true };

const port = parentPort!;
// The triples go back as one N-Triples string: a string is copied in one piece, while thousands
// of objects would be rebuilt one by one on the main thread, holding its event loop.
port.on('message', async ({ id, text, options }: JsonLdJob) => {
  let reply: JsonLdReply;
  try {
    reply = { id, ntriples: new Writer({ format: 'N-Triples' }).quadsToString(await jsonLdToQuads(text, options)) };
  } catch (error) {
    reply = error instanceof JsonLdError
      ? { id, error: { message: error.message, code: error.code } }
      : { id, error: { message: `Invalid JSON-LD: ${(error as Error)?.message ?? String(error)}`, code: 'invalid_rdf' } };
  }
  port.postMessage(reply);
});
// The JSON-LD processor is loaded before the first job's clock starts.
await import('jsonld');
port.postMessage({ ready: true } satisfies JsonLdReply);
