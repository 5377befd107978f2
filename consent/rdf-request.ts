// AccessRequest <-> RDF graph (DPV + jm: terms). Reading assumes the graph was validated (see validate.ts).
import { Graph, str, typed, isLit, SCHEMA, XSD, NS, RDF, type Node } from '../vocab/index.ts';
import { ACL, CDPV, CJM, sectionIri, sectionOfIri } from './terms.ts';
import { isSection, isGrantMode, type AccessRequest, type GrantMode, type Section } from './model.ts';

const DCT_CREATED = `${NS.dct}created`;
export const XSD_DURATION = `${NS.xsd}duration`;

const MODE_IRI: Record<GrantMode, string> = { read: ACL.Read, append: ACL.Append, write: ACL.Write };
export const modeIri = (m: GrantMode): string => MODE_IRI[m];
export function modeOfIri(iri: string): GrantMode | undefined {
  return (Object.keys(MODE_IRI) as GrantMode[]).find((m) => MODE_IRI[m] === iri);
}

/** Writes the request as one node. An empty id writes it as the document itself (<>), for POSTing. */
export function requestToGraph(req: AccessRequest, g = new Graph()): Graph {
  const s = req.id;
  g.add(s, RDF.type, CJM.AccessRequest)
    .add(s, CJM.requester, req.requester)
    .add(s, CJM.clientId, clientIdTerm(req.clientId))
    .add(s, CJM.requesterName, req.requesterName === undefined ? undefined : str(req.requesterName))
    .add(s, CJM.clientName, req.clientName === undefined ? undefined : str(req.clientName))
    .add(s, CDPV.hasDataSubject, req.dataSubject)
    .addAll(s, CJM.requestsSection, req.sections.map(sectionIri))
    .addAll(s, CJM.accessMode, (req.modes.length ? req.modes : ['read' as const]).map(modeIri))
    .add(s, CDPV.hasPurpose, req.purpose)
    .add(s, CDPV.hasLegalBasis, req.legalBasis)
    .add(s, CJM.requestedDuration, typed(req.duration, XSD_DURATION))
    .add(s, CJM.retentionPeriod, typed(req.retention, XSD_DURATION))
    .add(s, CJM.replyTo, req.replyTo)
    .add(s, DCT_CREATED, typed(req.createdAt, XSD.dateTime));
  const n = g.blank();
  g.add(s, CDPV.hasNotice, n)
    .add(n, RDF.type, CDPV.PrivacyNotice)
    .add(n, CJM.noticeText, str(req.notice.sv, 'sv'))
    .add(n, CJM.noticeText, str(req.notice.en, 'en'))
    .add(n, SCHEMA.url, req.notice.url)
    .add(n, CJM.sha256, str(req.notice.sha256));
  return g;
}

/** Reads the request at node `s` ("_:" blank nodes get `id` = idFallback). */
export function graphToRequest(g: Graph, s: Node, idFallback: string): AccessRequest {
  const need = (v: string | undefined, what: string): string => {
    if (v === undefined) throw new Error(`access request lacks ${what}`);
    return v;
  };
  const notice = need(g.node(s, CDPV.hasNotice), 'a notice');
  const text = (lang: string) => g.objects(notice, CJM.noticeText).find((o) => isLit(o) && o.language === lang);
  const sv = text('sv');
  const en = text('en');
  const sections = g.nodes(s, CJM.requestsSection).map(sectionOfIri).filter(isSection) as Section[];
  const modes = g.nodes(s, CJM.accessMode).map(modeOfIri).filter(isGrantMode);
  const req: AccessRequest = {
    id: s.startsWith('_:') ? idFallback : s,
    requester: need(g.node(s, CJM.requester), 'a requester'),
    dataSubject: need(g.node(s, CDPV.hasDataSubject), 'a data subject'),
    sections: sortSections(sections),
    modes: modes.length ? sortModes(modes) : ['read'],
    purpose: need(g.node(s, CDPV.hasPurpose), 'a purpose'),
    legalBasis: need(g.node(s, CDPV.hasLegalBasis), 'a legal basis'),
    notice: {
      sv: need(sv && isLit(sv) ? sv.value : undefined, 'a Swedish notice'),
      en: need(en && isLit(en) ? en.value : undefined, 'an English notice'),
      url: need(g.node(notice, SCHEMA.url), 'a notice URL'),
      sha256: need(g.string(notice, CJM.sha256), 'a notice hash'),
    },
    duration: need(g.string(s, CJM.requestedDuration), 'a duration'),
    retention: need(g.string(s, CJM.retentionPeriod), 'a retention period'),
    replyTo: need(g.node(s, CJM.replyTo), 'a replyTo inbox'),
    createdAt: need(g.string(s, DCT_CREATED), 'a creation time'),
  };
  const clientId = g.node(s, CJM.clientId) ?? g.string(s, CJM.clientId);
  if (clientId) req.clientId = clientId;
  const requesterName = g.string(s, CJM.requesterName);
  if (requesterName !== undefined) req.requesterName = requesterName;
  const clientName = g.string(s, CJM.clientName);
  if (clientName !== undefined) req.clientName = clientName;
  return req;
}

const SECTION_ORDER = ['skills', 'experience', 'education', 'languages', 'licences', 'preferences', 'contact', 'discoverable'];
export const sortSections = <T extends string>(xs: T[]): T[] => [...new Set(xs)].sort((a, b) => SECTION_ORDER.indexOf(a) - SECTION_ORDER.indexOf(b));
const MODE_ORDER = ['read', 'append', 'write'];
export const sortModes = <T extends string>(xs: T[]): T[] => [...new Set(xs)].sort((a, b) => MODE_ORDER.indexOf(a) - MODE_ORDER.indexOf(b));

/**
 * A client_id is an IRI when it is a Client ID Document (a URL); clients registered with an
 * identity provider have opaque ids, written as plain strings.
 */
export function clientIdTerm(clientId: string | undefined): string | ReturnType<typeof str> | undefined {
  if (clientId === undefined) return undefined;
  return /^https?:\/\//.test(clientId) ? clientId : str(clientId);
}
