import { DataFactory, type Quad, type Term } from 'n3';
import { JsonLdError } from './jsonld-error.ts';
import { iriProblem, languageProblem } from './rdf-check.ts';
import type { Budget } from './work.ts';

const { quad, namedNode, blankNode, literal } = DataFactory;
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_TYPE = namedNode(`${RDF}type`);
const RDF_FIRST = namedNode(`${RDF}first`);
const RDF_REST = namedNode(`${RDF}rest`);
const RDF_NIL = namedNode(`${RDF}nil`);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

let documents = 0;

/**
 * Expanded JSON-LD to triples in one pass, in time linear in the document. The JSON-LD
 * library's own toRDF first builds a node map whose duplicate check scans every value of a
 * property for each value added (quadratic: 64k values took 37 s); expansion itself is linear,
 * so we let the library expand and do this last step ourselves, following the "Deserialize
 * JSON-LD to RDF" algorithm of JSON-LD 1.1 (with rdfDirection unset). Duplicates are dropped
 * through a set. Documents are one graph: a named graph (@graph with @id, or nested) is
 * refused rather than flattened, since merging it would silently change what was said.
 * Errors are JsonLdError with a code ('invalid_rdf', 'named_graph').
 */
export function expandedToQuads(expanded: Json[], budget: Budget): Quad[] {
  const out: Quad[] = [];
  const seen = new Set<string>();
  const blanks = new Map<string, Term>();
  let fresh = 0;
  // Labels unique to this document, so that graphs read separately never share a blank node.
  const prefix = `j${documents++}_`;
  const blank = (label?: string): Term => {
    if (label === undefined) return blankNode(`${prefix}${fresh++}`);
    let node = blanks.get(label);
    if (!node) blanks.set(label, (node = blankNode(`${prefix}${fresh++}`)));
    return node;
  };
  const emit = (s: Term, p: Term, o: Term): void => {
    budget.spend();
    const key = `${s.termType[0]}${s.value}\n${p.value}\n${o.termType[0]}${o.value}\n${o.termType === 'Literal' ? `${(o as { language: string }).language}\n${(o as { datatype: Term }).datatype.value}` : ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(quad(s as never, p as never, o as never));
  };
  const resource = (id: string): Term => {
    if (id.startsWith('_:')) return blank(id.slice(2));
    const problem = iriProblem(id);
    if (problem) throw new JsonLdError(`Invalid JSON-LD: ${problem}`, 'invalid_rdf');
    return namedNode(id);
  };

  const node = (object: JsonObject): Term => {
    if ('@graph' in object) throw new JsonLdError('Invalid JSON-LD: named graphs are not supported; a document is one graph (put the nodes in a top-level @graph without @id)', 'named_graph');
    const subject = typeof object['@id'] === 'string' ? resource(object['@id']) : blank();
    for (const [key, value] of Object.entries(object)) {
      if (key === '@type') {
        for (const type of asArray(value)) emit(subject, RDF_TYPE, resource(String(type)));
      } else if (key === '@reverse') {
        for (const [property, values] of Object.entries(value as JsonObject)) {
          const predicate = property.startsWith('_:') ? undefined : resource(property);
          for (const item of asArray(values)) {
            const other = node(item as JsonObject);
            if (predicate) emit(other, predicate, subject);
          }
        }
      } else if (key === '@included') {
        for (const item of asArray(value)) node(item as JsonObject);
      } else if (!key.startsWith('@')) {
        // A blank node as property is generalized RDF, which Turtle cannot hold: JSON-LD drops it.
        const predicate = key.startsWith('_:') ? undefined : resource(key);
        for (const item of asArray(value)) {
          const o = objectTerm(item as JsonObject);
          if (predicate && o) emit(subject, predicate, o);
        }
      }
    }
    return subject;
  };

  const objectTerm = (item: JsonObject): Term | undefined => {
    if ('@value' in item) return valueTerm(item);
    if ('@list' in item) return list(asArray(item['@list']));
    return node(item);
  };

  const list = (items: Json[]): Term => {
    const terms = items.map((item) => objectTerm(item as JsonObject)).filter((t): t is Term => t !== undefined);
    if (terms.length === 0) return RDF_NIL;
    const head = blank();
    let current = head;
    terms.forEach((term, i) => {
      emit(current, RDF_FIRST, term);
      const rest = i === terms.length - 1 ? RDF_NIL : blank();
      emit(current, RDF_REST, rest);
      current = rest;
    });
    return head;
  };

  for (const item of expanded) node(item as JsonObject);
  return out;
}

function valueTerm(item: JsonObject): Term | undefined {
  const value = item['@value'];
  const type = typeof item['@type'] === 'string' ? item['@type'] : undefined;
  if (value === null || value === undefined) return undefined;
  if (type === '@json') return literal(canonicalJson(value), namedNode(`${RDF}JSON`));
  if (type !== undefined) {
    const problem = iriProblem(type);
    if (problem) throw new JsonLdError(`Invalid JSON-LD: datatype ${problem}`, 'invalid_rdf');
  }
  if (typeof value === 'boolean') return literal(String(value), namedNode(type ?? `${XSD}boolean`));
  if (typeof value === 'number') {
    const isDouble = !Number.isInteger(value) || Math.abs(value) >= 1e21 || type === `${XSD}double`;
    if (isDouble) return literal(value.toExponential(15).replace(/(\d)0*e\+?/, '$1E'), namedNode(type ?? `${XSD}double`));
    return literal(value.toFixed(0), namedNode(type ?? `${XSD}integer`));
  }
  if (typeof value !== 'string') throw new JsonLdError('Invalid JSON-LD: a @value must be a string, number or boolean', 'invalid_rdf');
  if (typeof item['@language'] === 'string') {
    const problem = languageProblem(item['@language']);
    if (problem) throw new JsonLdError(`Invalid JSON-LD: ${problem}`, 'invalid_rdf');
    return literal(value, item['@language']);
  }
  return literal(value, type ? namedNode(type) : undefined);
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** JSON Canonicalization (RFC 8785) for rdf:JSON literals: sorted keys, JavaScript's number form. */
function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}
