import { DataFactory, Parser, type Quad, type Term } from 'n3';
import { BadRequest } from '../../service-kit/errors.ts';
import type { PatchOperation } from './patch.ts';

const SOLID = 'http://www.w3.org/ns/solid/terms#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const { quad, defaultGraph } = DataFactory;

/** Reads a Solid N3 Patch document (solid:InsertDeletePatch) into one patch operation. */
export function parseN3Patch(body: string, baseIRI: string): PatchOperation {
  let quads: Quad[];
  try {
    quads = new Parser({ format: 'text/n3', baseIRI }).parse(body);
  } catch (error) {
    throw new BadRequest(`Invalid N3 Patch: ${(error as Error).message}`, 'invalid_patch');
  }
  const patches = quads.filter((q) => q.graph.termType === 'DefaultGraph' && q.predicate.value === RDF_TYPE && q.object.value === `${SOLID}InsertDeletePatch`);
  if (patches.length !== 1) throw new BadRequest(`An N3 Patch must contain exactly one solid:InsertDeletePatch, found ${patches.length}`, 'invalid_patch');
  const patch = patches[0].subject;
  const formula = (name: string): Quad[] => {
    const links = quads.filter((q) => q.graph.termType === 'DefaultGraph' && q.subject.equals(patch) && q.predicate.value === SOLID + name);
    if (links.length > 1) throw new BadRequest(`The patch has more than one solid:${name}`, 'invalid_patch');
    if (links.length === 0) return [];
    const graph = links[0].object;
    return quads.filter((q) => q.graph.equals(graph)).map((q) => quad(q.subject, q.predicate, q.object, defaultGraph()));
  };
  const where = formula('where');
  const deletes = formula('deletes');
  const inserts = formula('inserts');
  for (const [name, patterns] of [['where', where], ['deletes', deletes]] as const) {
    if (patterns.some((q) => [q.subject, q.predicate, q.object].some((t: Term) => t.termType === 'BlankNode'))) {
      throw new BadRequest(`Blank nodes are not allowed in solid:${name}`, 'invalid_patch');
    }
  }
  const bound = new Set(where.flatMap((q) => [q.subject, q.predicate, q.object]).filter((t) => t.termType === 'Variable').map((t) => t.value));
  for (const q of [...deletes, ...inserts]) {
    for (const term of [q.subject, q.predicate, q.object]) {
      if (term.termType === 'Variable' && !bound.has(term.value)) throw new BadRequest(`Variable ?${term.value} does not occur in solid:where`, 'invalid_patch');
    }
  }
  return { where, deletes, inserts, singleSolution: true };
}
