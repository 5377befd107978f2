import type { Quad, Term } from 'n3';
import { iriProblem, languageProblem } from '../../vocab/rdf-check.ts';

export { iriProblem, languageProblem };

/**
 * What Turtle can hold, checked before anything is stored: the Turtle writer writes whatever
 * it is given, and a document it cannot read back would break every later GET and PATCH.
 */

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
