// Human-readable names for nodes and terms in validation reports.
import type * as RDFJS from '@rdfjs/types';
import type { Graph, Node } from '../rdf.ts';
import { PREFIXES, XSD } from '../terms.ts';

export function compactIri(iri: string): string {
  for (const [prefix, ns] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns) && /^[\w.-]*$/.test(iri.slice(ns.length))) return `${prefix}:${iri.slice(ns.length)}`;
  }
  return `<${iri}>`;
}

/** A blank node is described by the triple it hangs from ("the jm:selfAssessment of <…#java>"). */
export function describeNode(g: Graph, node: Node, depth = 0): string {
  if (!node.startsWith('_:')) return compactIri(node);
  const parent = g.incoming(node)[0];
  if (!parent || depth > 4) return `a blank node (${node})`;
  return `the ${compactIri(parent.p)} of ${describeNode(g, parent.s, depth + 1)}`;
}

export function describeTerm(t: RDFJS.Term): string {
  if (t.termType === 'Literal') {
    const dt = t.datatype.value;
    return t.language ? `"${t.value}"@${t.language}` : dt === XSD.string ? `"${t.value}"` : `"${t.value}"^^${compactIri(dt)}`;
  }
  return t.termType === 'BlankNode' ? `_:${t.value}` : compactIri(t.value);
}
