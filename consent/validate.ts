// Parsing + SHACL validation of access requests and consent records, with a readable report listing every
// violation. Invalid input never half-parses: either the whole document is read, or nothing is.
import rdf from '@zazuko/env';
import { Validator, type ValidationResult } from 'shacl-engine';
import { readFileSync } from 'node:fs';
import type * as RDFJS from '@rdfjs/types';
import {
  Graph, parseDocument, parseTurtle, formatReport, PREFIXES, NS, XSD, JSON_LD,
  type Node, type Violation, type ValidationReport,
} from '../vocab/index.ts';
import { CDPV, CJM, ACL_NS } from './terms.ts';
import { parseConsentJsonLd } from './jsonld.ts';
import { graphToRequest } from './rdf-request.ts';
import { graphToRecord } from './rdf-record.ts';
import type { AccessRequest, ConsentRecord } from './model.ts';

export const CONSENT_SHAPES_IRI = 'https://w3id.org/jobtech-mydata/vocab/consent-shapes';
export const CONSENT_SHAPES_TURTLE = readFileSync(new URL('./shapes.ttl', import.meta.url), 'utf8');

export type Parsed<T> = { ok: true; value: T; graph: Graph } | { ok: false; report: ValidationReport; message: string };

let validator: Validator | undefined;
function getValidator(): Validator {
  validator ??= new Validator(rdf.dataset(parseTurtle(CONSENT_SHAPES_TURTLE, CONSENT_SHAPES_IRI).rdfjsQuads()), { factory: rdf, details: true });
  return validator;
}

const NAMES: Record<string, string> = { ...PREFIXES, acl: ACL_NS };
export function compactIri(iri: string): string {
  for (const [prefix, ns] of Object.entries(NAMES)) {
    if (iri.startsWith(ns) && /^[\w.-]*$/.test(iri.slice(ns.length))) return `${prefix}:${iri.slice(ns.length)}`;
  }
  return `<${iri}>`;
}
function describeNode(g: Graph, node: Node, depth = 0): string {
  if (!node.startsWith('_:')) return compactIri(node);
  const parent = g.incoming(node)[0];
  if (!parent || depth > 6) return `a blank node (${node})`;
  return `the ${compactIri(parent.p)} of ${describeNode(g, parent.s, depth + 1)}`;
}
function describeTerm(t: RDFJS.Term): string {
  if (t.termType === 'Literal') {
    return t.language ? `"${t.value}"@${t.language}` : t.datatype.value === XSD.string ? `"${t.value}"` : `"${t.value}"^^${compactIri(t.datatype.value)}`;
  }
  return t.termType === 'BlankNode' ? `_:${t.value}` : compactIri(t.value);
}

function violation(focusNode: Node, focus: string, message: string, constraint: string, path?: string): Violation {
  return { focusNode, focus, message, constraint, severity: 'Violation', ...(path ? { path } : {}) };
}
function failed(violations: Violation[]): { ok: false; report: ValidationReport; message: string } {
  const report = { conforms: false, violations };
  return { ok: false, report, message: `Document does not conform (${violations.length} violation${violations.length === 1 ? '' : 's'}):\n${formatReport(report)}` };
}

function toViolation(g: Graph, r: ValidationResult): Violation {
  const t = r.focusNode.term;
  const focusNode = t.termType === 'BlankNode' ? `_:${t.value}` : t.value;
  const path = r.path?.map((step) => step.predicates.map((p) => compactIri(p.value)).join('|')).join('/');
  const component = r.constraintComponent.value.slice(NS.sh.length).replace(/ConstraintComponent$/, '');
  return {
    focusNode, focus: describeNode(g, focusNode),
    ...(path ? { path } : {}),
    ...(r.value?.term && component !== 'MinCount' ? { value: describeTerm(r.value.term) } : {}),
    message: r.message.map((m) => m.value).join('; ') || `${component} constraint not met`,
    constraint: `sh:${component.charAt(0).toLowerCase()}${component.slice(1)}`,
    severity: r.severity.value.slice(NS.sh.length) as Violation['severity'],
  };
}

/** A failed sh:node is replaced by what failed inside it, so that every nested problem is listed. */
function flatten(results: ValidationResult[]): ValidationResult[] {
  return results.flatMap((r) => {
    const nested = (r as ValidationResult & { results?: ValidationResult[] }).results ?? [];
    return nested.length ? flatten(nested) : [r];
  });
}

async function parse(text: string, contentType: string, baseIri: string): Promise<Graph> {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === JSON_LD || type === 'application/json') return parseConsentJsonLd(text, baseIri);
  return parseDocument(text, { contentType, baseIri });
}

/** Nodes reachable from root through blank nodes (the request and its notice, the record and its history). */
function reachable(g: Graph, root: Node): Set<Node> {
  const seen = new Set<Node>([root]);
  const todo = [root];
  while (todo.length) {
    const s = todo.pop()!;
    for (const { s: subj, o } of g.triples()) {
      if (subj === s && typeof o === 'string' && o.startsWith('_:') && !seen.has(o)) { seen.add(o); todo.push(o); }
    }
  }
  return seen;
}

/** Far above any real request or record (tens of statements), far below what stalls validation. */
export const MAX_DOCUMENT_CHARS = 256 * 1024;
export const MAX_STATEMENTS = 1000;

async function parseOne<T>(
  text: string, contentType: string, baseIri: string, cls: string, label: string, read: (g: Graph, s: Node) => T,
): Promise<Parsed<T>> {
  // A request or record is a few kilobytes; parsing and SHACL-validating a huge one would hold the event loop.
  if (text.length > MAX_DOCUMENT_CHARS) return failed([violation(baseIri, `<${baseIri}>`, `the document has ${text.length} characters; a ${label} has at most ${MAX_DOCUMENT_CHARS}`, 'jm:MaxSize')]);
  let g: Graph;
  try { g = await parse(text, contentType, baseIri); } catch (e) {
    return failed([violation(baseIri, `<${baseIri}>`, (e as Error).message, 'syntax')]);
  }
  if (g.size > MAX_STATEMENTS) return failed([violation(baseIri, `<${baseIri}>`, `the document has ${g.size} statements; a ${label} has at most ${MAX_STATEMENTS}`, 'jm:MaxSize')]);
  const nodes = g.instancesOf(cls);
  if (nodes.length !== 1) {
    return failed([violation(baseIri, `<${baseIri}>`, `the document must describe exactly one ${label}, found ${nodes.length}`, 'jm:OneSubject')]);
  }
  const root = nodes[0];
  const problems: Violation[] = [];
  if (!root.startsWith('_:') && root !== baseIri && !root.startsWith(`${baseIri}#`)) {
    problems.push(violation(root, compactIri(root), `the ${label} must be the document itself (<>), not another resource`, 'jm:DocumentSubject'));
  }
  const inside = reachable(g, root);
  for (const t of g.triples()) {
    if (!inside.has(t.s)) problems.push(violation(t.s, describeNode(g, t.s), `unexpected statement outside the ${label}`, 'jm:NoExtraData', compactIri(t.p)));
  }
  const report = await getValidator().validate({ dataset: rdf.dataset(g.rdfjsQuads()) });
  problems.push(...flatten(report.results).map((r) => toViolation(g, r)).filter((v) => v.severity === 'Violation'));
  if (problems.length) return failed(sortViolations(problems));
  try {
    return { ok: true, value: read(g, root), graph: g };
  } catch (e) {
    return failed([violation(root, describeNode(g, root), (e as Error).message, 'jm:Readable')]);
  }
}

function sortViolations(vs: Violation[]): Violation[] {
  const seen = new Set<string>();
  return vs.filter((v) => {
    const k = [v.focusNode, v.path, v.value, v.message, v.constraint].join('\u0001');
    return seen.has(k) ? false : (seen.add(k), true);
  }).sort((a, b) => a.focus.localeCompare(b.focus) || (a.path ?? '').localeCompare(b.path ?? '') || a.message.localeCompare(b.message));
}

/**
 * Validates an access request body (Turtle or JSON-LD). `baseIri` is the URL the request will be stored at;
 * the request is the document itself (<>) or a blank node, and gets that URL as its id.
 * Returns the request, or a report listing every violation (use `message` as the 400 body).
 */
export function validateAccessRequest(text: string, contentType: string, baseIri: string): Promise<Parsed<AccessRequest>> {
  return parseOne(text, contentType, baseIri, CJM.AccessRequest, 'access request (jm:AccessRequest)', (g, s) => graphToRequest(g, s, baseIri));
}

/** Validates a stored consent record document. */
export function validateConsentRecord(text: string, contentType: string, baseIri: string): Promise<Parsed<ConsentRecord>> {
  return parseOne(text, contentType, baseIri, CDPV.ConsentRecord, 'consent record (dpv:ConsentRecord)', (g, s) => graphToRecord(g, s));
}

