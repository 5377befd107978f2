import type { Quad, Term } from 'n3';
import type { WorkBudget } from '../http/work-budget.ts';

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
 */
export function quadsToJsonLd(quads: Quad[], budget: WorkBudget): string {
  const nodes = new Map<string, NodeObject>();
  for (const q of quads) {
    budget.spend();
    const id = idOf(q.subject);
    let node = nodes.get(id);
    if (!node) nodes.set(id, (node = { '@id': id }));
    const isType = q.predicate.value === RDF_TYPE && q.object.termType !== 'Literal';
    const key = isType ? '@type' : q.predicate.value;
    const values = (node[key] ??= []) as unknown[];
    values.push(isType ? idOf(q.object) : valueOf(q.object));
  }
  return JSON.stringify([...nodes.values()]);
}

function idOf(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function valueOf(term: Term): Record<string, string> {
  if (term.termType !== 'Literal') return { '@id': idOf(term) };
  if (term.language) return { '@value': term.value, '@language': term.language };
  const datatype = term.datatype.value;
  return datatype === XSD_STRING || datatype === RDF_LANG_STRING ? { '@value': term.value } : { '@value': term.value, '@type': datatype };
}
