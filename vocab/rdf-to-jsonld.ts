import type { Quad, Term } from 'n3';
import { SLICE, nextTurn, type Budget } from './work.ts';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

type NodeObject = Record<string, unknown[] | string>;

/**
 * Triples to expanded JSON-LD, one node object per subject, in one pass (time and memory
 * linear in the triples). The JSON-LD library's fromRDF keeps each property's values in an
 * array it scans for duplicates on every insert, which is quadratic (32k values: 54 s). The
 * output is the same expanded form the library produced, except that subjects come in
 * document order and rdf:first/rest chains stay triples rather than becoming @list.
 * Large inputs are converted a slice at a time, letting other requests run in between.
 */
export async function quadsToJsonLd(quads: Quad[], budget: Budget): Promise<string> {
  const nodes = new Map<string, NodeObject>();
  for (let i = 0; i < quads.length; i++) {
    if (i % SLICE === SLICE - 1) await nextTurn();
    const q = quads[i];
    budget.spend();
    const id = idOf(q.subject);
    let node = nodes.get(id);
    if (!node) nodes.set(id, (node = { '@id': id }));
    const isType = q.predicate.value === RDF_TYPE && q.object.termType !== 'Literal';
    const key = isType ? '@type' : q.predicate.value;
    const values = (node[key] ??= []) as unknown[];
    values.push(isType ? idOf(q.object) : valueOf(q.object));
  }
  // One JSON.stringify of everything would be one long synchronous call; node by node, it can pause.
  const parts: string[] = [];
  let sinceTurn = 0;
  for (const node of nodes.values()) {
    const part = JSON.stringify(node);
    parts.push(part);
    sinceTurn += part.length;
    if (sinceTurn > STRINGIFY_SLICE_CHARS) {
      sinceTurn = 0;
      await nextTurn();
    }
  }
  return `[${parts.join(',')}]`;
}

const STRINGIFY_SLICE_CHARS = 1 << 20;

function idOf(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function valueOf(term: Term): Record<string, string> {
  if (term.termType !== 'Literal') return { '@id': idOf(term) };
  if (term.language) return { '@value': term.value, '@language': term.language };
  const datatype = term.datatype.value;
  return datatype === XSD_STRING || datatype === RDF_LANG_STRING ? { '@value': term.value } : { '@value': term.value, '@type': datatype };
}
