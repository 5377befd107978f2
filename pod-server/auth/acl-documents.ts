import { Parser, type Quad } from 'n3';
import type { AccessMode, Authorization } from './wac.ts';

const ACL = 'http://www.w3.org/ns/auth/acl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const VCARD_HAS_MEMBER = 'http://www.w3.org/2006/vcard/ns#hasMember';

const MODE_BY_IRI: Record<string, AccessMode> = {
  [`${ACL}Read`]: 'read',
  [`${ACL}Append`]: 'append',
  [`${ACL}Write`]: 'write',
  [`${ACL}Control`]: 'control',
};

/**
 * Reads the acl:Authorization resources of an ACL document. A document that does not parse
 * grants nothing: access control fails closed.
 */
export function parseAuthorizations(turtle: string, aclUrl: string): Authorization[] {
  let quads: Quad[];
  try {
    quads = new Parser({ baseIRI: aclUrl }).parse(turtle);
  } catch {
    return [];
  }
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) {
    const list = bySubject.get(q.subject.value) ?? [];
    list.push(q);
    bySubject.set(q.subject.value, list);
  }
  const authorizations: Authorization[] = [];
  for (const [id, statements] of bySubject) {
    const values = (predicate: string) => statements.filter((q) => q.predicate.value === ACL + predicate).map((q) => q.object.value);
    const isAuthorization = statements.some((q) => q.predicate.value === RDF_TYPE && q.object.value === `${ACL}Authorization`);
    if (!isAuthorization) continue;
    authorizations.push({
      id,
      agents: values('agent'),
      agentClasses: values('agentClass'),
      agentGroups: values('agentGroup'),
      origins: values('origin'),
      accessTo: values('accessTo'),
      defaults: [...values('default'), ...values('defaultForNew')],
      modes: values('mode').map((iri) => MODE_BY_IRI[iri]).filter((m): m is AccessMode => m !== undefined),
    });
  }
  return authorizations;
}

/** The WebIDs a vcard:Group document lists as members of the given group. */
export function parseGroupMembers(turtle: string, documentUrl: string, groupUrl: string): Set<string> {
  try {
    const quads = new Parser({ baseIRI: documentUrl }).parse(turtle);
    return new Set(quads.filter((q) => q.subject.value === groupUrl && q.predicate.value === VCARD_HAS_MEMBER).map((q) => q.object.value));
  } catch {
    return new Set();
  }
}
