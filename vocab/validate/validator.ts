// SHACL validation of profile sections and job ads with a readable report. Every violation is listed;
// concept ids unknown to the taxonomy are reported as such instead of as a generic shape failure.
import rdf from '@zazuko/env';
import { Validator, type ValidationResult } from 'shacl-engine';
import { readFileSync } from 'node:fs';
import type * as RDFJS from '@rdfjs/types';
import { Graph, parseTurtle, type Node } from '../rdf.ts';
import { conceptIdOf, NS, ONTOLOGY_IRI, RDF, RDFS, schemeIri, SHAPES_IRI, SKOS } from '../terms.ts';
import { getTaxonomy, type TaxonomyIndex } from '../taxonomy/index.ts';
import { compactIri, describeNode, describeTerm } from './describe.ts';

export interface Violation {
  /** The node that failed: an IRI, or "_:label" for a blank node. */
  focusNode: Node;
  /** The focus node for people: "<https://…#java>" or "the jm:selfAssessment of <…#java>". */
  focus: string;
  /** The property path, compacted ("jm:skill"). */
  path?: string;
  /** The offending value, if the violation is about one. */
  value?: string;
  /** What was expected. */
  message: string;
  /** The SHACL constraint ("sh:minCount", …) or "jm:KnownConcept" for unknown taxonomy ids. */
  constraint: string;
  severity: 'Violation' | 'Warning' | 'Info';
}

export interface ValidationReport { conforms: boolean; violations: Violation[] }

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(readonly report: ValidationReport) {
    super(`Document does not conform (${report.violations.length} violation${report.violations.length === 1 ? '' : 's'}):\n${formatReport(report)}`);
  }
}

export const SHAPES_TURTLE = readFileSync(new URL('../shapes.ttl', import.meta.url), 'utf8');
const ONTOLOGY_TURTLE = readFileSync(new URL('../ontology.ttl', import.meta.url), 'utf8');
let validator: Validator | undefined;
let subClassTriples: Graph | undefined;
/** shacl-engine resolves sh:class / sh:targetClass subclasses in the shapes graph, so the ontology's class tree joins the shapes. */
function classTree(): Graph {
  if (!subClassTriples) {
    const onto = parseTurtle(ONTOLOGY_TURTLE, ONTOLOGY_IRI);
    subClassTriples = new Graph();
    for (const t of onto.triples()) if (t.p === RDFS.subClassOf && !t.s.startsWith('_:')) subClassTriples.add(t.s, t.p, t.o);
  }
  return subClassTriples;
}
function getValidator(): Validator {
  validator ??= new Validator(rdf.dataset(parseTurtle(SHAPES_TURTLE, SHAPES_IRI).merge(classTree()).rdfjsQuads()), { factory: rdf });
  return validator;
}

/** Validates every node in the graph against the shapes. */
export async function validateGraph(g: Graph, taxonomy: TaxonomyIndex = getTaxonomy()): Promise<ValidationReport> {
  const unknown: Violation[] = [];
  const unknownIris = new Set<string>();
  const data = new Graph().merge(g);
  // Give the SHACL engine what it needs to check concept types: the scheme of every known concept.
  for (const { s, p, o } of g.triples()) {
    if (typeof o !== 'string') continue;
    const id = conceptIdOf(o);
    if (id === undefined) continue;
    const concept = taxonomy.get(id);
    if (concept) {
      data.add(o, SKOS.inScheme, schemeIri(concept.type)).add(o, RDF.type, SKOS.Concept);
    } else if (p !== SKOS.inScheme) {
      unknownIris.add(o);
      unknown.push({
        focusNode: s, focus: describeNode(g, s), path: compactIri(p), value: compactIri(o),
        message: `Unknown JobTech Taxonomy concept id "${id}"`, constraint: 'jm:KnownConcept', severity: 'Violation',
      });
    }
  }
  const report = await getValidator().validate({ dataset: rdf.dataset(data.rdfjsQuads()) });
  const shacl = report.results
    .filter((r) => !(r.value?.term && unknownIris.has(r.value.term.value)))
    .map((r) => toViolation(g, r));
  const violations = dedupe([...unknown, ...shacl]).sort((a, b) =>
    a.focus.localeCompare(b.focus) || (a.path ?? '').localeCompare(b.path ?? '') || a.message.localeCompare(b.message));
  return { conforms: violations.every((v) => v.severity !== 'Violation'), violations };
}

export async function assertValid(g: Graph, taxonomy?: TaxonomyIndex): Promise<void> {
  const report = await validateGraph(g, taxonomy);
  if (!report.conforms) throw new ValidationError(report);
}

function toViolation(g: Graph, r: ValidationResult): Violation {
  const focusNode = termToNode(r.focusNode.term);
  const path = r.path?.map((step) => step.predicates.map((p) => compactIri(p.value)).join('|')).join('/');
  const severity = r.severity.value.slice(NS.sh.length) as Violation['severity'];
  return {
    focusNode,
    focus: describeNode(g, focusNode),
    path: path || undefined,
    value: r.value?.term ? describeTerm(r.value.term) : undefined,
    message: r.message.map((m) => m.value).join('; ') || fallbackMessage(r),
    constraint: compactIri(r.constraintComponent.value).replace(/ConstraintComponent$/, '').replace(/^sh:(\w)/, (_, c: string) => `sh:${c.toLowerCase()}`),
    severity,
  };
}

function fallbackMessage(r: ValidationResult): string {
  const arg = (k: string) => {
    const v = r.args[k] as { termType?: string; value?: string } | undefined;
    return v?.termType === 'NamedNode' ? compactIri(v.value ?? '') : String(v?.value ?? v ?? '');
  };
  const component = r.constraintComponent.value.slice(NS.sh.length).replace(/ConstraintComponent$/, '');
  switch (component) {
    case 'Class': {
      const classes = r.shape.ptr.out([rdf.namedNode(`${NS.sh}class`)]).terms.map((t) => compactIri(t.value));
      return `Value is not an instance of ${classes.join(' or ') || 'the expected class'}`;
    }
    case 'Or': return 'Value matches none of the allowed alternatives';
    case 'Node': return `Value does not conform to ${arg('node')}`;
    default: return `${component} constraint not met`;
  }
}

const termToNode = (t: RDFJS.Term): Node => (t.termType === 'BlankNode' ? `_:${t.value}` : t.value);

function dedupe(vs: Violation[]): Violation[] {
  const seen = new Set<string>();
  return vs.filter((v) => {
    const key = [v.focusNode, v.path, v.value, v.message, v.constraint].join('\u0001');
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** One line per violation: focus, path, value, expectation. */
export function formatReport(report: ValidationReport): string {
  if (report.conforms && report.violations.length === 0) return 'conforms';
  return report.violations.map((v) =>
    `- ${v.focus}${v.path ? ` ${v.path}` : ''}${v.value !== undefined ? ` = ${v.value}` : ''}: ${v.message} [${v.constraint}]`).join('\n');
}
