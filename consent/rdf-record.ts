// ConsentRecord <-> RDF graph: a dpv:ConsentRecord with the ISO/IEC TS 27560 fields and an ordered status history.
import { Graph, str, typed, SCHEMA, XSD, NS, RDF, type Node } from '../vocab/index.ts';
import { CDPV, CJM, sectionIri, sectionOfIri } from './terms.ts';
import { isSection, isGrantMode, sectionOfResource, type ConsentRecord, type ConsentStatus, type Section, type StatusChange } from './model.ts';
import { clientIdTerm, modeIri, modeOfIri, sortModes, sortSections, XSD_DURATION } from './rdf-request.ts';

const DCT_DATE = `${NS.dct}date`;

const STATUS_IRI: Record<ConsentStatus, string> = {
  given: CDPV.ConsentGiven, refused: CDPV.ConsentRefused, withdrawn: CDPV.ConsentWithdrawn, expired: CDPV.ConsentExpired,
};
export const statusIri = (s: ConsentStatus): string => STATUS_IRI[s];
export function statusOfIri(iri: string): ConsentStatus | undefined {
  return (Object.keys(STATUS_IRI) as ConsentStatus[]).find((s) => STATUS_IRI[s] === iri);
}

export function recordToGraph(rec: ConsentRecord, g = new Graph()): Graph {
  const s = rec.id;
  const last = rec.statusHistory[rec.statusHistory.length - 1];
  g.add(s, RDF.type, CDPV.ConsentRecord)
    .add(s, CJM.forRequest, rec.request)
    .add(s, CDPV.hasDataSubject, rec.dataSubject)
    .add(s, CJM.requester, rec.requester)
    .add(s, CJM.clientId, clientIdTerm(rec.clientId))
    .add(s, CJM.requesterName, rec.requesterName === undefined ? undefined : str(rec.requesterName))
    .add(s, CJM.clientName, rec.clientName === undefined ? undefined : str(rec.clientName))
    .addAll(s, CJM.grantsSection, rec.sections.map(sectionIri))
    .addAll(s, CJM.resource, rec.resources)
    .addAll(s, CJM.accessMode, rec.modes.map(modeIri))
    .add(s, CDPV.hasPurpose, rec.purpose)
    .add(s, CDPV.hasLegalBasis, rec.legalBasis)
    .add(s, CJM.replyTo, rec.replyTo)
    .add(s, CJM.retentionPeriod, rec.retention === undefined ? undefined : typed(rec.retention, XSD_DURATION))
    .add(s, CJM.validFrom, typed(rec.validFrom, XSD.dateTime))
    .add(s, CJM.validUntil, typed(rec.validUntil, XSD.dateTime))
    .add(s, CDPV.hasConsentStatus, last ? statusIri(last.status) : undefined);
  const n = g.blank();
  g.add(s, CDPV.hasNotice, n).add(n, RDF.type, CDPV.PrivacyNotice).add(n, SCHEMA.url, rec.notice.url).add(n, CJM.sha256, str(rec.notice.sha256));
  const changes = rec.statusHistory.map((c) => {
    const b = g.blank();
    g.add(b, RDF.type, CJM.StatusChange).add(b, CDPV.hasConsentStatus, statusIri(c.status))
      .add(b, DCT_DATE, typed(c.at, XSD.dateTime)).add(b, CJM.actor, c.actor).add(b, CJM.method, str(c.method));
    return b;
  });
  g.add(s, CJM.statusChange, g.list(changes));
  return g;
}

export function graphToRecord(g: Graph, s: Node): ConsentRecord {
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`consent record lacks ${what}`);
    return v;
  };
  const notice = need(g.node(s, CDPV.hasNotice), 'a notice');
  const history: StatusChange[] = g.listItems(need(g.node(s, CJM.statusChange), 'a status history')).map((o) => {
    const b = o as Node;
    return {
      status: need(statusOfIri(g.node(b, CDPV.hasConsentStatus) ?? ''), 'a status'),
      at: need(g.string(b, DCT_DATE), 'a status time'),
      actor: need(g.node(b, CJM.actor), 'a status actor'),
      method: need(g.string(b, CJM.method), 'a status method'),
    };
  });
  const rec: ConsentRecord = {
    id: s,
    dataSubject: need(g.node(s, CDPV.hasDataSubject), 'a data subject'),
    requester: need(g.node(s, CJM.requester), 'a requester'),
    sections: sortSections(g.nodes(s, CJM.grantsSection).map(sectionOfIri).filter(isSection) as Section[]),
    resources: sortResources(g.nodes(s, CJM.resource)),
    modes: sortModes(g.nodes(s, CJM.accessMode).map(modeOfIri).filter(isGrantMode)),
    purpose: need(g.node(s, CDPV.hasPurpose), 'a purpose'),
    legalBasis: need(g.node(s, CDPV.hasLegalBasis), 'a legal basis'),
    notice: { url: need(g.node(notice, SCHEMA.url), 'a notice URL'), sha256: need(g.string(notice, CJM.sha256), 'a notice hash') },
    validFrom: need(g.string(s, CJM.validFrom), 'validFrom'),
    validUntil: need(g.string(s, CJM.validUntil), 'validUntil'),
    statusHistory: history,
  };
  const opt = { request: g.node(s, CJM.forRequest), clientId: g.node(s, CJM.clientId) ?? g.string(s, CJM.clientId), replyTo: g.node(s, CJM.replyTo), retention: g.string(s, CJM.retentionPeriod),
    requesterName: g.string(s, CJM.requesterName), clientName: g.string(s, CJM.clientName) };
  for (const [k, v] of Object.entries(opt)) if (v !== undefined) (rec as unknown as Record<string, string>)[k] = v;
  return rec;
}

const SECTION_ORDER = ['skills', 'experience', 'education', 'languages', 'licences', 'preferences', 'contact'];
/** Section order first (as records are written), then by URL. */
function sortResources(urls: string[]): string[] {
  const rank = (u: string) => { const i = SECTION_ORDER.indexOf(sectionOfResource(u) ?? ''); return i < 0 ? SECTION_ORDER.length : i; };
  return [...urls].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
