// AccessRequest / ConsentRecord as Turtle or JSON-LD documents.
import { Graph, toTurtle, JSON_LD, TURTLE } from '../vocab/index.ts';
import { requestToGraph } from './rdf-request.ts';
import { recordToGraph } from './rdf-record.ts';
import { toConsentJsonLd } from './jsonld.ts';
import type { AccessRequest, ConsentRecord } from './model.ts';

async function write(g: Graph, subject: string, contentType: string, baseIri?: string): Promise<string> {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === JSON_LD || type === 'application/json') return JSON.stringify(await toConsentJsonLd(g), null, 2);
  if (type === TURTLE) return toTurtle(g, { baseIri, first: [subject] });
  throw new Error(`cannot write consent documents as ${contentType}; use ${TURTLE} or ${JSON_LD}`);
}

/** The request as a document. With id '' it is written as <> (the form a requester POSTs). */
export function serializeRequest(req: AccessRequest, contentType: string = TURTLE, baseIri?: string): Promise<string> {
  const base = baseIri ?? (req.id || undefined);
  const r = req.id ? req : { ...req, id: 'urn:x-consent:this-request' };
  const g = requestToGraph(r);
  if (req.id) return write(g, req.id, contentType, base);
  // Write the request as the document itself: relative <> in Turtle, "id": "" in JSON-LD.
  return write(g, r.id, contentType, undefined).then((s) => s.split('<urn:x-consent:this-request>').join('<>').split('"urn:x-consent:this-request"').join('""'));
}

export function serializeRecord(rec: ConsentRecord, contentType: string = TURTLE): Promise<string> {
  return write(recordToGraph(rec), rec.id, contentType, rec.id);
}
