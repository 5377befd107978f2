// Shared helpers for the section codecs: item ids, partial dates, concept references.
import { Graph, str, typed, type Lit, type Node } from '../rdf.ts';
import { conceptIdOf, conceptIri, DPV, FOAF, RDF, XSD } from '../terms.ts';

export interface SectionCodec<T> {
  name: string;
  classIri: string;
  /** DPV personal-data categories the section holds. */
  categories: string[];
  write(g: Graph, doc: string, value: T): void;
  read(g: Graph, doc: string): T;
}

export class SectionReadError extends Error {
  override readonly name = 'SectionReadError';
}

/** "#java" relative to the document, or an absolute IRI kept as is. */
export const itemIri = (doc: string, id: string): Node => (id.startsWith('#') ? stripHash(doc) + id : id);
export function itemId(doc: string, iri: Node): string {
  const base = stripHash(doc) + '#';
  return iri.startsWith(base) ? iri.slice(base.length - 1) : iri;
}
const stripHash = (iri: string) => iri.replace(/#.*$/, '');

/** Typed literal for "YYYY" / "YYYY-MM" / "YYYY-MM-DD"; anything else stays a string so validation can flag it. */
export function partialDate(v: string | undefined): Lit | undefined {
  if (v === undefined) return undefined;
  if (/^\d{4}$/.test(v)) return typed(v, XSD.gYear);
  if (/^\d{4}-\d{2}$/.test(v)) return typed(v, XSD.gYearMonth);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return typed(v, XSD.date);
  return str(v);
}
export const optStr = (v: string | undefined): Lit | undefined => (v === undefined ? undefined : str(v));

export const concept = (id: string | undefined): Node | undefined => (id === undefined ? undefined : conceptIri(id));
/** A concept IRI back to its id; foreign IRIs are returned whole so nothing is silently lost. */
export const conceptId = (iri: Node): string => conceptIdOf(iri) ?? iri;
export const conceptIds = (g: Graph, s: Node, p: string): string[] => g.nodes(s, p).map(conceptId).sort();

export function writeHeader(g: Graph, doc: string, codec: SectionCodec<unknown>, person: string): void {
  g.add(doc, RDF.type, codec.classIri).add(doc, FOAF.primaryTopic, person).addAll(doc, DPV.hasPersonalData, codec.categories);
}

/** The section node: the document itself when typed so, otherwise the single instance of the class. */
export function findSection(g: Graph, doc: string, codec: SectionCodec<unknown>): Node {
  if (g.has(doc, RDF.type, codec.classIri)) return doc;
  const found = g.instancesOf(codec.classIri);
  if (found.length === 1) return found[0];
  throw new SectionReadError(found.length === 0
    ? `No ${codec.name} section (a <${codec.classIri}>) in <${doc}>`
    : `More than one ${codec.name} section in <${doc}>`);
}

export function requireString(g: Graph, s: Node, p: string, what: string): string {
  const v = g.string(s, p);
  if (v === undefined) throw new SectionReadError(`${what} is missing on <${s}>`);
  return v;
}

export const byId = <T extends { id: string }>(items: T[]): T[] => [...items].sort((a, b) => a.id.localeCompare(b.id));

/** Drops undefined keys so that read results compare equal to hand-written objects. */
export function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}

export function personOf(g: Graph, section: Node): string {
  const p = g.node(section, FOAF.primaryTopic);
  if (!p) throw new SectionReadError(`section <${section}> names no person (foaf:primaryTopic)`);
  return p;
}
