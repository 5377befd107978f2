import type { IncomingMessage } from 'node:http';
import { BadRequest, PayloadTooLarge } from '../errors.ts';

const alreadyRead = new WeakMap<IncomingMessage, Buffer>();

/** For a handler that looked at the body and passes the request on: later readers get the same bytes. */
export function keepBody(request: IncomingMessage, body: Buffer): void {
  alreadyRead.set(request, body);
}

/** Reads the whole request body, refusing (413) as soon as it passes the limit. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const kept = alreadyRead.get(request);
  if (kept) return kept;
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > limit) throw new PayloadTooLarge(limit);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof PayloadTooLarge) throw error;
    // The client went away mid-body: nothing to store, nobody to answer, nothing to log.
    throw new BadRequest('The request body was not received completely', 'body_aborted');
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}
