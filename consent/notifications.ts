// Inbox notifications the pod server sends to the requester's replyTo inbox (Linked Data Notifications):
// consent given (with the signed receipt), refused, or withdrawn.
import { Graph, typed, str, XSD, NS, RDF, TURTLE, toTurtle } from '../vocab/index.ts';
import { CDPV, CJM } from './terms.ts';
import { statusIri, statusOfIri } from './rdf-record.ts';
import { parseConsentJsonLd } from './jsonld.ts';
import { parseDocument } from '../vocab/index.ts';

export interface ConsentNotification {
  status: 'given' | 'refused' | 'withdrawn';
  /** The consent record's URL (the receipt's jti). */
  record: string;
  /** The access request it answers. */
  request?: string;
  /** The compact JWS receipt (when status is 'given'). */
  receipt?: string;
  /** ISO 8601. */
  sentAt: string;
}

const DCT_CREATED = `${NS.dct}created`;
const PLACEHOLDER = 'urn:x-consent:this-notification';

/** The notification as Turtle, written as the document itself (<>). */
export async function notificationToTurtle(n: ConsentNotification): Promise<string> {
  const g = new Graph();
  g.add(PLACEHOLDER, RDF.type, CJM.ConsentNotification)
    .add(PLACEHOLDER, CDPV.hasConsentStatus, statusIri(n.status))
    .add(PLACEHOLDER, CJM.consentRecord, n.record)
    .add(PLACEHOLDER, CJM.forRequest, n.request)
    .add(PLACEHOLDER, CJM.receipt, n.receipt === undefined ? undefined : str(n.receipt))
    .add(PLACEHOLDER, DCT_CREATED, typed(n.sentAt, XSD.dateTime));
  return (await toTurtle(g, { first: [PLACEHOLDER] })).split(`<${PLACEHOLDER}>`).join('<>');
}

/** Reads a consent notification from an inbox item; undefined when the item is something else or malformed. */
export async function parseNotification(text: string, contentType: string, baseIri: string): Promise<ConsentNotification | undefined> {
  let g: Graph;
  try {
    const type = contentType.split(';')[0].trim().toLowerCase();
    g = type === 'application/ld+json' || type === 'application/json' ? await parseConsentJsonLd(text, baseIri) : await parseDocument(text, { contentType: type || TURTLE, baseIri });
  } catch { return undefined; }
  const [s, more] = g.instancesOf(CJM.ConsentNotification);
  if (!s || more) return undefined;
  const status = statusOfIri(g.node(s, CDPV.hasConsentStatus) ?? '');
  const record = g.node(s, CJM.consentRecord);
  const sentAt = g.string(s, DCT_CREATED);
  if (!record || !sentAt || (status !== 'given' && status !== 'refused' && status !== 'withdrawn')) return undefined;
  const n: ConsentNotification = { status, record, sentAt };
  const request = g.node(s, CJM.forRequest);
  const receipt = g.string(s, CJM.receipt);
  if (request) n.request = request;
  if (receipt) n.receipt = receipt;
  return n;
}
