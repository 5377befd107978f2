import type { Quad, Term } from 'n3';

/**
 * What Turtle can hold, checked before anything is stored: the Turtle writer writes whatever
 * it is given, and a document it cannot read back would break every later GET and PATCH.
 */

// RFC 3987 IRIREF as Turtle reads it: a scheme, and none of these characters.
const ABSOLUTE = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_IRI = /[\u0000-\u0020<>"{}|^`\\]/;
// BCP 47 as Turtle's LANGTAG production has it.
const LANGUAGE_TAG = /^[a-zA-Z]+(-[a-zA-Z0-9]+)*$/;

export function iriProblem(iri: string): string | undefined {
  if (!ABSOLUTE.test(iri)) return `<${iri}> is not an absolute IRI`;
  if (FORBIDDEN_IN_IRI.test(iri)) return `<${iri}> is not a valid IRI (it contains a space or one of <>"{}|^\`\\)`;
  return undefined;
}

export function languageProblem(tag: string): string | undefined {
  return LANGUAGE_TAG.test(tag) ? undefined : `"${tag}" is not a valid language tag`;
}

function termProblem(term: Term): string | undefined {
  if (term.termType === 'NamedNode') return iriProblem(term.value);
  if (term.termType === 'Literal') {
    return (term.language ? languageProblem(term.language) : undefined) ?? iriProblem(term.datatype.value);
  }
  if (term.termType === 'Variable') return `?${term.value} is unbound`;
  if ((term.termType as string) === 'Quad') return 'quoted triples are not supported';
  return undefined;
}

/** Why this triple cannot be stored in a Turtle document, or undefined if it can. */
export function tripleProblem(q: Quad): string | undefined {
  if (q.subject.termType !== 'NamedNode' && q.subject.termType !== 'BlankNode') return `a ${q.subject.termType.toLowerCase()} cannot be a subject`;
  if (q.predicate.termType !== 'NamedNode') return `a ${q.predicate.termType.toLowerCase()} cannot be a predicate`;
  if (q.graph.termType !== 'DefaultGraph') return 'named graphs are not supported';
  return termProblem(q.subject) ?? termProblem(q.predicate) ?? termProblem(q.object);
}
