// The only module that touches n3 besides the JSON-LD converters. Everything else sees IRIs as
// strings ("_:x" for blank nodes) and literal values as plain JS values.
import { DataFactory, Parser, Store, Writer } from 'n3';
import type * as RDFJS from '@rdfjs/types';
import { PREFIXES, RDF, XSD } from './terms.ts';
import { SLICE, nextTurn } from './work.ts';

const { namedNode, blankNode, literal, quad } = DataFactory;

export type Node = string; // IRI, or "_:label" for a blank node
export interface Lit { value: string; datatype: string; language?: string }
export type Obj = Node | Lit;
export const isLit = (o: Obj): o is Lit => typeof o !== 'string';

function toTerm(n: Node): RDFJS.NamedNode | RDFJS.BlankNode {
  return n.startsWith('_:') ? blankNode(n.slice(2)) : namedNode(n);
}
function toObjTerm(o: Obj): RDFJS.Quad_Object {
  if (!isLit(o)) return toTerm(o);
  return o.language ? literal(o.value, o.language) : literal(o.value, namedNode(o.datatype));
}
function fromTerm(t: RDFJS.Term): Obj {
  if (t.termType === 'Literal') {
    return t.language ? { value: t.value, datatype: RDF.langString, language: t.language } : { value: t.value, datatype: t.datatype.value };
  }
  return t.termType === 'BlankNode' ? `_:${t.value}` : t.value;
}

/** Literal constructors. */
export const str = (v: string, language?: string): Lit => (language ? { value: v, datatype: RDF.langString, language } : { value: v, datatype: XSD.string });
export const int = (v: number): Lit => ({ value: String(Math.trunc(v)), datatype: XSD.integer });
export const dec = (v: number): Lit => ({ value: String(v), datatype: XSD.decimal });
export const bool = (v: boolean): Lit => ({ value: String(v), datatype: XSD.boolean });
export const typed = (v: string, datatype: string): Lit => ({ value: v, datatype });

/** An in-memory RDF graph with small typed helpers. */
export class Graph {
  private readonly store = new Store();
  private blankCounter = 0;

  get size(): number { return this.store.size; }

  add(s: Node, p: string, o: Obj | undefined): this {
    if (o !== undefined) this.store.addQuad(quad(toTerm(s), namedNode(p), toObjTerm(o)));
    return this;
  }
  addAll(s: Node, p: string, os: readonly Obj[] | undefined): this {
    for (const o of os ?? []) this.add(s, p, o);
    return this;
  }
  /** A fresh blank node, unique within this graph. */
  blank(): Node { return `_:n${this.blankCounter++}_${Math.random().toString(36).slice(2, 8)}`; }
  /** Writes an rdf:List and returns its head. */
  list(items: readonly Obj[]): Node {
    let head: Node = RDF.nil;
    for (let i = items.length - 1; i >= 0; i--) {
      const cell = this.blank();
      this.add(cell, RDF.first, items[i]).add(cell, RDF.rest, head);
      head = cell;
    }
    return head;
  }
  /** Adds parsed RDF/JS quads (their blank nodes must be this document's own), a slice per turn of the event loop. */
  async addQuads(quads: readonly RDFJS.Quad[]): Promise<void> {
    for (let i = 0; i < quads.length; i++) {
      if (i % SLICE === SLICE - 1) await nextTurn();
      this.store.addQuad(quads[i]);
    }
  }
  merge(other: Graph): this {
    for (const q of other.store) this.store.addQuad(q);
    return this;
  }

  objects(s: Node, p: string): Obj[] {
    return this.store.getObjects(toTerm(s), namedNode(p), null).map(fromTerm);
  }
  subjects(p: string, o: Obj): Node[] {
    return this.store.getSubjects(namedNode(p), toObjTerm(o), null).map((t) => fromTerm(t) as Node);
  }
  /** Triples pointing at o, e.g. to describe a blank node by where it hangs. */
  incoming(o: Node): Array<{ s: Node; p: string }> {
    return this.store.getQuads(null, null, toTerm(o), null).map((q) => ({ s: fromTerm(q.subject) as Node, p: q.predicate.value }));
  }
  has(s: Node, p: string, o: Obj): boolean {
    return this.store.has(quad(toTerm(s), namedNode(p), toObjTerm(o)));
  }
  /** Node objects (IRIs/blank nodes) of s p. */
  nodes(s: Node, p: string): Node[] { return this.objects(s, p).filter((o): o is Node => !isLit(o)); }
  node(s: Node, p: string): Node | undefined { return this.nodes(s, p)[0]; }
  literal(s: Node, p: string): Lit | undefined { return this.objects(s, p).find(isLit); }
  string(s: Node, p: string): string | undefined { return this.literal(s, p)?.value; }
  strings(s: Node, p: string): string[] { return this.objects(s, p).filter(isLit).map((l) => l.value); }
  number(s: Node, p: string): number | undefined {
    const v = this.string(s, p);
    return v === undefined ? undefined : Number(v);
  }
  boolean(s: Node, p: string): boolean | undefined {
    const v = this.string(s, p);
    return v === undefined ? undefined : v === 'true' || v === '1';
  }
  types(s: Node): string[] { return this.nodes(s, RDF.type); }
  instancesOf(type: string): Node[] { return this.subjects(RDF.type, type); }
  /** Items of an rdf:List starting at head. */
  listItems(head: Node): Obj[] {
    const out: Obj[] = [];
    for (let cell: Node | undefined = head; cell && cell !== RDF.nil; cell = this.node(cell, RDF.rest)) {
      const first = this.objects(cell, RDF.first)[0];
      if (first === undefined) throw new Error(`malformed rdf:List at ${cell}`);
      out.push(first);
    }
    return out;
  }
  /** All distinct IRIs used in object position. */
  objectIris(): string[] {
    const set = new Set<string>();
    for (const q of this.store) if (q.object.termType === 'NamedNode') set.add(q.object.value);
    return [...set];
  }
  /** Triples as plain values, e.g. for reports and tests. */
  triples(): Array<{ s: Node; p: string; o: Obj }> {
    return [...this.store].map((q) => ({ s: fromTerm(q.subject) as Node, p: q.predicate.value, o: fromTerm(q.object) }));
  }
  /** RDF/JS quads for libraries that speak RDF/JS (the SHACL engine). */
  rdfjsQuads(): RDFJS.Quad[] { return [...this.store]; }
}

export class RdfSyntaxError extends Error {
  override readonly name = 'RdfSyntaxError';
  constructor(message: string, readonly contentType: string) { super(message); }
}

/** Parses Turtle, N-Triples or N-Quads (default graph only is kept). */
export function parseTurtle(text: string, baseIri: string, contentType = 'text/turtle'): Graph {
  const g = new Graph();
  const format = contentType.includes('n-quads') ? 'N-Quads' : contentType.includes('n-triples') ? 'N-Triples' : 'Turtle';
  try {
    for (const q of new Parser({ baseIRI: baseIri, format }).parse(text)) {
      g.add(fromTerm(q.subject) as Node, q.predicate.value, fromTerm(q.object));
    }
  } catch (e) {
    throw new RdfSyntaxError(`Invalid ${format}: ${(e as Error).message}`, contentType);
  }
  return g;
}

/** N-Quads of the graph (used as the JSON-LD bridge). */
export function toNQuads(g: Graph): string {
  return new Writer({ format: 'N-Quads' }).quadsToString(g.rdfjsQuads());
}

/**
 * Readable Turtle: the given subjects first, blank nodes used once nested as [ … ],
 * rdf:Lists written as ( … ), relative IRIs against baseIri.
 */
export function toTurtle(g: Graph, opts: { baseIri?: string; first?: Node[] } = {}): Promise<string> {
  const quads = g.rdfjsQuads();
  const refCount = new Map<string, number>();
  for (const q of quads) if (q.object.termType === 'BlankNode') refCount.set(q.object.value, (refCount.get(q.object.value) ?? 0) + 1);
  const writer = new Writer({ prefixes: usedPrefixes(quads), baseIRI: opts.baseIri });
  const inlinable = (t: RDFJS.Term): boolean => t.termType === 'BlankNode' && refCount.get(t.value) === 1;
  const bySubject = new Map<string, RDFJS.Quad[]>();
  for (const q of quads) {
    const key = `${q.subject.termType}|${q.subject.value}`;
    bySubject.set(key, [...(bySubject.get(key) ?? []), q]);
  }
  const listOf = (t: RDFJS.Term): RDFJS.Term[] | undefined => {
    const items: RDFJS.Term[] = [];
    let cell = t;
    while (cell.termType === 'BlankNode' && inlinable(cell)) {
      const qs = bySubject.get(`BlankNode|${cell.value}`) ?? [];
      const first = qs.find((q) => q.predicate.value === RDF.first);
      const rest = qs.find((q) => q.predicate.value === RDF.rest);
      if (qs.length !== 2 || !first || !rest) return undefined;
      items.push(first.object);
      cell = rest.object;
    }
    return cell.termType === 'NamedNode' && cell.value === RDF.nil ? items : undefined;
  };
  const encode = (t: RDFJS.Term): RDFJS.Quad_Object => {
    if (t.termType === 'NamedNode' && t.value === RDF.nil) return writer.list([]) as unknown as RDFJS.Quad_Object;
    if (!inlinable(t)) return t as RDFJS.Quad_Object;
    const items = listOf(t);
    if (items) return writer.list(items.map(encode) as RDFJS.Quad_Object[]) as unknown as RDFJS.Quad_Object;
    const qs = bySubject.get(`BlankNode|${t.value}`) ?? [];
    return writer.blank(sortQuads(qs).map((q) => ({ predicate: q.predicate, object: encode(q.object) }))) as unknown as RDFJS.Quad_Object;
  };
  const first = new Set(opts.first ?? []);
  const subjects = [...bySubject.entries()]
    .filter(([, qs]) => !inlinable(qs[0].subject))
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  function rank(key: string): number {
    const value = key.slice(key.indexOf('|') + 1);
    return first.has(value) ? 0 : key.startsWith('BlankNode') ? 2 : 1;
  }
  for (const [, qs] of subjects) {
    for (const q of sortQuads(qs)) writer.addQuad(q.subject, q.predicate, encode(q.object));
  }
  return new Promise((resolve, reject) => writer.end((err, out) => (err ? reject(err) : resolve(out))));
}

/** Only the prefixes the data uses, so that small documents stay small. */
function usedPrefixes(quads: RDFJS.Quad[]): Record<string, string> {
  const iris = new Set<string>();
  for (const q of quads) {
    for (const t of [q.subject, q.predicate, q.object]) if (t.termType === 'NamedNode') iris.add(t.value);
    if (q.object.termType === 'Literal') iris.add(q.object.datatype.value);
  }
  const used = Object.entries(PREFIXES).filter(([, ns]) => [...iris].some((i) => i.startsWith(ns)));
  return Object.fromEntries(used);
}

function sortQuads(qs: RDFJS.Quad[]): RDFJS.Quad[] {
  const key = (q: RDFJS.Quad) => (q.predicate.value === RDF.type ? '' : q.predicate.value) + '\u0000' + q.object.value;
  return [...qs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
