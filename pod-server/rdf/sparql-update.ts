import sparqljs from 'sparqljs';
import { DataFactory, type Quad, type Term } from 'n3';
import { BadRequest, HttpError } from '../../service-kit/errors.ts';
import { sparqlNestingDepth } from './nesting.ts';
import type { PatchOperation } from './patch.ts';

const { quad, namedNode, literal, blankNode, variable, defaultGraph } = DataFactory;

/**
 * Reads SPARQL 1.1 Update (INSERT DATA, DELETE DATA, DELETE/INSERT ... WHERE, DELETE WHERE)
 * over the target document into patch operations. Only basic graph patterns are supported:
 * anything else (GRAPH, FILTER, OPTIONAL, LOAD, CLEAR...) is refused with a 400 naming it.
 */
export function parseSparqlUpdate(body: string, baseIRI: string): PatchOperation[] {
  checkBounds(body);
  let parsed: sparqljs.SparqlQuery;
  try {
    parsed = new sparqljs.Parser({ baseIRI }).parse(body);
  } catch (error) {
    throw new BadRequest(`Invalid SPARQL Update: ${(error as Error).message}`, 'invalid_patch');
  }
  if (parsed.type !== 'update') throw new BadRequest('Expected a SPARQL Update, got a query', 'invalid_patch');
  return parsed.updates.map(toOperation);
}

/**
 * sparqljs cannot be interrupted and is slow (about 0.6 MB/s on flat data, quadratic in nested
 * groups, then a stack overflow), so its input is bounded before it sees it.
 */
export const SPARQL_LIMITS = { bytes: 256 * 1024, nesting: 32 };

function checkBounds(body: string): void {
  const bytes = Buffer.byteLength(body);
  if (bytes > SPARQL_LIMITS.bytes) {
    throw new HttpError(413, 'patch_too_large', `A SPARQL Update may be at most ${SPARQL_LIMITS.bytes} bytes, this one is ${bytes}; send larger changes as N3 Patch or PUT`);
  }
  const depth = sparqlNestingDepth(body);
  if (depth > SPARQL_LIMITS.nesting) {
    throw new BadRequest(`Invalid SPARQL Update: brackets nested ${depth} deep; at most ${SPARQL_LIMITS.nesting} levels are accepted`, 'patch_too_deep');
  }
}

function toOperation(update: sparqljs.UpdateOperation): PatchOperation {
  if (!('updateType' in update)) throw new BadRequest(`SPARQL ${String((update as { type?: string }).type).toUpperCase()} is not supported on a document`, 'unsupported_patch');
  const u = update as sparqljs.InsertDeleteOperation;
  if ((u as { graph?: unknown }).graph || (u as { using?: unknown }).using) throw new BadRequest('WITH, USING and GRAPH are not supported: a PATCH addresses one document', 'unsupported_patch');
  switch (u.updateType) {
    case 'insert':
      return { where: [], deletes: [], inserts: triplesOf(u.insert, 'INSERT DATA'), singleSolution: false };
    case 'delete':
      return { where: [], deletes: triplesOf(u.delete, 'DELETE DATA'), inserts: [], singleSolution: false };
    case 'deletewhere': {
      const patterns = triplesOf(u.delete, 'DELETE WHERE');
      return { where: patterns, deletes: patterns, inserts: [], singleSolution: false };
    }
    case 'insertdelete':
      return {
        where: wherePatterns(u.where ?? []),
        deletes: triplesOf(u.delete, 'DELETE'),
        inserts: triplesOf(u.insert, 'INSERT'),
        singleSolution: false,
      };
    default:
      throw new BadRequest(`SPARQL update type ${String((u as { updateType?: string }).updateType)} is not supported`, 'unsupported_patch');
  }
}

function triplesOf(quads: sparqljs.Quads[] | undefined, clause: string): Quad[] {
  return (quads ?? []).flatMap((group) => {
    if (group.type !== 'bgp') throw new BadRequest(`${clause} may only contain triples (GRAPH is not supported)`, 'unsupported_patch');
    return group.triples.map((t) => toQuad(t, clause));
  });
}

function wherePatterns(patterns: sparqljs.Pattern[]): Quad[] {
  return patterns.flatMap((pattern) => {
    if (pattern.type === 'bgp') return pattern.triples.map((t) => toQuad(t, 'WHERE', true));
    if (pattern.type === 'group') return wherePatterns(pattern.patterns);
    throw new BadRequest(`WHERE ${pattern.type.toUpperCase()} is not supported; use triple patterns only`, 'unsupported_patch');
  });
}

function toQuad(triple: sparqljs.Triple, clause: string, blanksAsVariables = false): Quad {
  if (!('termType' in triple.predicate)) throw new BadRequest(`Property paths are not supported in ${clause}`, 'unsupported_patch');
  return quad(term(triple.subject, blanksAsVariables) as never, term(triple.predicate, blanksAsVariables) as never, term(triple.object, blanksAsVariables) as never, defaultGraph());
}

/** sparqljs terms are RDF/JS-shaped but not n3's classes; rebuild them so Store lookups match. */
function term(t: sparqljs.Term | { termType: string; value: string }, blanksAsVariables: boolean): Term {
  switch (t.termType) {
    case 'NamedNode': return namedNode(t.value);
    case 'Variable': return variable(t.value);
    case 'BlankNode': return blanksAsVariables ? variable(`_blank_${t.value}`) : blankNode(t.value);
    case 'Literal': {
      const l = t as sparqljs.LiteralTerm;
      return literal(l.value, l.language || (l.datatype ? namedNode(l.datatype.value) : undefined));
    }
    default: throw new BadRequest(`Unsupported term ${t.termType} in SPARQL Update`, 'unsupported_patch');
  }
}
