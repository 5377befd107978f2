import { DataFactory, Store, type Quad, type Term } from 'n3';
import { BadRequest, Conflict } from '../errors.ts';

const { quad, blankNode, defaultGraph } = DataFactory;

/**
 * One step of a patch, in the shape both N3 Patch and SPARQL Update reduce to. Patterns may
 * contain variables; `where` is matched against the document, then `deletes` and `inserts`
 * are instantiated with each solution.
 */
export interface PatchOperation {
  where: Quad[];
  deletes: Quad[];
  inserts: Quad[];
  /** N3 Patch: the where clause must have exactly one solution. */
  singleSolution: boolean;
}

export type Binding = Map<string, Term>;

/** What a patch needs: inserting only is Append; a where clause reads; deleting writes. */
export function patchModes(operations: PatchOperation[]): { read: boolean; write: boolean } {
  const read = operations.some((op) => op.where.length > 0 || op.deletes.length > 0);
  const write = operations.some((op) => op.deletes.length > 0);
  return { read, write };
}

/**
 * Applies the operations in order to a copy of the document. Any operation whose where
 * clause finds no match, or whose deletes are not all present, raises 409 and the caller
 * stores nothing.
 */
export function applyPatch(document: Quad[], operations: PatchOperation[]): Quad[] {
  const store = new Store(document);
  for (const operation of operations) applyOperation(store, operation);
  return store.getQuads(null, null, null, null);
}

let freshCounter = 0;

function applyOperation(store: Store, operation: PatchOperation): void {
  const solutions = operation.where.length ? solve(store, operation.where) : [new Map() as Binding];
  if (solutions.length === 0) throw new Conflict('The patch conditions match nothing in the document', 'patch_no_match');
  if (operation.singleSolution && solutions.length > 1) {
    throw new Conflict(`The patch's where clause matches ${solutions.length} times; it must match exactly once`, 'patch_ambiguous');
  }
  const toDelete: Quad[] = [];
  const toInsert: Quad[] = [];
  for (const binding of solutions) {
    for (const pattern of operation.deletes) {
      const triple = instantiate(pattern, binding);
      if (!store.has(triple)) throw new Conflict(`The triple to delete is not in the document: ${describe(triple)}`, 'patch_no_match');
      toDelete.push(triple);
    }
    const freshBlanks = new Map<string, Term>();
    for (const pattern of operation.inserts) toInsert.push(instantiate(pattern, binding, freshBlanks));
  }
  store.removeQuads(toDelete);
  store.addQuads(toInsert);
}

/** Joins the patterns one at a time against the store: a small basic-graph-pattern matcher. */
function solve(store: Store, patterns: Quad[]): Binding[] {
  let solutions: Binding[] = [new Map()];
  for (const pattern of patterns) {
    const next: Binding[] = [];
    for (const binding of solutions) {
      const [s, p, o] = [pattern.subject, pattern.predicate, pattern.object].map((t) => resolve(t, binding));
      for (const match of store.getQuads(s as never, p as never, o as never, defaultGraph())) {
        const extended = extend(binding, pattern, match);
        if (extended) next.push(extended);
      }
    }
    solutions = next;
    if (solutions.length === 0) break;
  }
  return solutions;
}

function resolve(term: Term, binding: Binding): Term | null {
  if (term.termType !== 'Variable') return term;
  return binding.get(term.value) ?? null;
}

function extend(binding: Binding, pattern: Quad, match: Quad): Binding | undefined {
  const result = new Map(binding);
  const pairs: [Term, Term][] = [[pattern.subject, match.subject], [pattern.predicate, match.predicate], [pattern.object, match.object]];
  for (const [patternTerm, value] of pairs) {
    if (patternTerm.termType !== 'Variable') continue;
    const bound = result.get(patternTerm.value);
    if (bound && !bound.equals(value)) return undefined;
    result.set(patternTerm.value, value);
  }
  return result;
}

function instantiate(pattern: Quad, binding: Binding, freshBlanks?: Map<string, Term>): Quad {
  const fill = (term: Term): Term => {
    if (term.termType === 'Variable') {
      const value = binding.get(term.value);
      if (!value) throw new BadRequest(`Variable ?${term.value} is not bound by the where clause`, 'invalid_patch');
      return value;
    }
    if (term.termType === 'BlankNode' && freshBlanks) {
      if (!freshBlanks.has(term.value)) freshBlanks.set(term.value, blankNode(`p${++freshCounter}`));
      return freshBlanks.get(term.value)!;
    }
    return term;
  };
  return quad(fill(pattern.subject) as never, fill(pattern.predicate) as never, fill(pattern.object) as never, defaultGraph());
}

function describe(triple: Quad): string {
  const show = (t: Term) => (t.termType === 'NamedNode' ? `<${t.value}>` : t.termType === 'Literal' ? JSON.stringify(t.value) : `_:${t.value}`);
  return `${show(triple.subject)} ${show(triple.predicate)} ${show(triple.object)}`;
}
