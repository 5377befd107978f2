import { DataFactory, Store, type Quad, type Term } from 'n3';
import { BadRequest, Conflict, HttpError } from '../../service-kit/errors.ts';
import type { IncomingMessage } from 'node:http';
import { TooComplex, inputBudget, type WorkBudget } from '../http/work-budget.ts';
import { tripleProblem } from './validate.ts';

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

/**
 * What one PATCH may cost. A where clause of independent patterns is a cross product (five
 * patterns over 40 triples: 1e8 solutions), so the matcher counts its work and its partial
 * solutions and refuses (422 patch_too_complex) instead of exhausting memory.
 */
export const PATCH_LIMITS = {
  /** Triple patterns in one where clause. */
  wherePatterns: 256,
  /** Partial solutions alive at once while joining. */
  solutions: 20_000,
  /** Match steps (a triple looked at, a triple instantiated) per request. */
  steps: 200_000,
};

/** What a patch needs: inserting only is Append; a where clause reads; deleting writes. */
export function patchModes(operations: PatchOperation[]): { read: boolean; write: boolean } {
  const read = operations.some((op) => op.where.length > 0 || op.deletes.length > 0);
  const write = operations.some((op) => op.deletes.length > 0);
  return { read, write };
}

/** The patch's own budget; the request's deadline is shared with its other stages. */
export const patchBudget = (request?: IncomingMessage): WorkBudget => inputBudget(request, 'This patch', PATCH_LIMITS.steps, 'patch_too_complex');

/**
 * Applies the operations in order to a copy of the document. Any operation whose where
 * clause finds no match, or whose deletes are not all present, raises 409; a result that
 * Turtle cannot hold (a literal as subject, say) raises 422. Either way the caller stores nothing.
 */
export function applyPatch(document: Quad[], operations: PatchOperation[], budget: WorkBudget = patchBudget()): Quad[] {
  const store = new Store(document);
  for (const operation of operations) applyOperation(store, operation, budget);
  return store.getQuads(null, null, null, null);
}

let freshCounter = 0;

function applyOperation(store: Store, operation: PatchOperation, budget: WorkBudget): void {
  // N3 Patch needs exactly one solution: finding a second is enough to refuse.
  const limit = operation.singleSolution ? 2 : Infinity;
  const solutions = operation.where.length ? solve(store, operation.where, budget, limit) : [new Map() as Binding];
  if (solutions.length === 0) throw new Conflict('The patch conditions match nothing in the document', 'patch_no_match');
  if (operation.singleSolution && solutions.length > 1) {
    throw new Conflict("The patch's where clause matches more than once; it must match exactly once", 'patch_ambiguous');
  }
  const toDelete: Quad[] = [];
  const toInsert: Quad[] = [];
  for (const binding of solutions) {
    budget.spend(operation.deletes.length + operation.inserts.length);
    for (const pattern of operation.deletes) {
      const triple = instantiate(pattern, binding);
      if (!store.has(triple)) throw new Conflict(`The triple to delete is not in the document: ${describe(triple)}`, 'patch_no_match');
      toDelete.push(triple);
    }
    const freshBlanks = new Map<string, Term>();
    for (const pattern of operation.inserts) {
      const triple = instantiate(pattern, binding, freshBlanks);
      const problem = tripleProblem(triple);
      if (problem) throw new HttpError(422, 'invalid_patch_result', `The patch would insert ${describe(triple)}, which an RDF document cannot hold: ${problem}`);
      toInsert.push(triple);
    }
  }
  store.removeQuads(toDelete);
  store.addQuads(toInsert);
}

/**
 * A small basic-graph-pattern matcher: joins one pattern at a time, choosing next the pattern
 * that shares a variable with what is bound and leaves the fewest positions free (then the
 * fewest candidate triples), so selective patterns prune before broad ones multiply. Stops
 * once `limit` solutions are found.
 */
function solve(store: Store, patterns: Quad[], budget: WorkBudget, limit: number): Binding[] {
  if (patterns.length > PATCH_LIMITS.wherePatterns) {
    throw new TooComplex(`The where clause has ${patterns.length} triple patterns; at most ${PATCH_LIMITS.wherePatterns} are accepted`, 'patch_too_complex');
  }
  const remaining = patterns.map((pattern) => ({ pattern, candidates: candidates(store, pattern) }));
  const bound = new Set<string>();
  let solutions: Binding[] = [new Map()];
  while (remaining.length > 0) {
    const [{ pattern, candidates: count }] = remaining.splice(pickNext(remaining, bound), 1);
    const last = remaining.length === 0;
    // A pattern sharing no variable with the rest multiplies every solution by its match count,
    // known in advance: refuse a cross product that is too big before building any of it.
    const names = variables(pattern);
    const independent = !names.some((name) => bound.has(name)) && new Set(names).size === names.length;
    if (independent && solutions.length * count > PATCH_LIMITS.solutions && !(last && limit <= PATCH_LIMITS.solutions)) throw tooManySolutions();
    const next: Binding[] = [];
    for (const binding of solutions) {
      const [s, p, o] = [pattern.subject, pattern.predicate, pattern.object].map((t) => resolve(t, binding));
      for (const match of store.readQuads(s as never, p as never, o as never, defaultGraph())) {
        budget.spend();
        const extended = extend(binding, pattern, match as Quad);
        if (!extended) continue;
        next.push(extended);
        if (last && next.length >= limit) return next;
        if (next.length > PATCH_LIMITS.solutions) throw tooManySolutions();
      }
    }
    if (next.length === 0) return [];
    solutions = next;
    for (const name of names) bound.add(name);
  }
  return solutions;
}

const tooManySolutions = () =>
  new TooComplex(`The where clause has more than ${PATCH_LIMITS.solutions} partial solutions; make its patterns share variables or name more terms`, 'patch_too_complex');

/** How many triples match the pattern's fixed terms: counted once, before joining. */
function candidates(store: Store, pattern: Quad): number {
  const fixed = (t: Term) => (t.termType === 'Variable' ? null : t);
  const [s, p, o] = [fixed(pattern.subject), fixed(pattern.predicate), fixed(pattern.object)];
  return !s && !p && !o ? store.size : store.countQuads(s as never, p as never, o as never, defaultGraph());
}

function pickNext(remaining: { pattern: Quad; candidates: number }[], bound: Set<string>): number {
  let best = 0;
  let bestScore = [Infinity, Infinity, Infinity];
  remaining.forEach(({ pattern, candidates }, index) => {
    const names = variables(pattern);
    const free = [pattern.subject, pattern.predicate, pattern.object].filter((t) => t.termType === 'Variable' && !bound.has(t.value)).length;
    const joins = bound.size === 0 || names.length === 0 || names.some((name) => bound.has(name));
    const score = [joins ? 0 : 1, free, candidates];
    if (score[0] < bestScore[0] || (score[0] === bestScore[0] && (score[1] < bestScore[1] || (score[1] === bestScore[1] && score[2] < bestScore[2])))) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

function variables(pattern: Quad): string[] {
  return [pattern.subject, pattern.predicate, pattern.object].filter((t) => t.termType === 'Variable').map((t) => t.value);
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
