// Reading schema.org JSON-LD structurally, as plain JSON: terms may be written plainly ("title"), with
// a prefix ("schema:title") or as IRIs; values may be wrapped ({"@value": …}) or listed. No context is
// ever fetched: a JobPosting that needs its context to be understood is not one we can read.
import { isObject, typeName } from './limits.ts';

const SCHEMA_PREFIXES = ['schema:', 'http://schema.org/', 'https://schema.org/'];

/** The value of a schema.org term in a node, whichever way the key is written. */
export function term(node: Record<string, unknown>, name: string): unknown {
  if (node[name] !== undefined) return node[name];
  for (const p of SCHEMA_PREFIXES) if (node[p + name] !== undefined) return node[p + name];
  return undefined;
}

const localName = (t: string): string => {
  for (const p of SCHEMA_PREFIXES) if (t.startsWith(p)) return t.slice(p.length);
  return t;
};

export function types(node: Record<string, unknown>): string[] {
  const t = node['@type'] ?? node.type;
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map(localName);
}

export const isJobPosting = (v: unknown): v is Record<string, unknown> => isObject(v) && types(v).includes('JobPosting');

/** All values of a term as a list ({"@list": …} and {"@set": …} included). */
export function values(v: unknown): unknown[] {
  const listed = isObject(v) && Array.isArray(v['@list'] ?? v['@set']) ? v['@list'] ?? v['@set'] : v;
  if (listed === undefined || listed === null) return [];
  // One level only: JSON-LD lists of lists are not JobPosting values, and depth must stay bounded.
  return (Array.isArray(listed) ? listed : [listed]).filter((x) => x !== null && x !== undefined);
}

/** One value as text (strings, numbers, {"@value": …}); a reason when it is something else. */
export function text(v: unknown, field: string, reasons: string[]): string | undefined {
  const first = values(v)[0];
  if (first === undefined) return undefined;
  const plain = isObject(first) && '@value' in first ? first['@value'] : first;
  if (typeof plain === 'string') return plain;
  if (typeof plain === 'number' && Number.isFinite(plain)) return String(plain);
  reasons.push(`${field} must be text, got ${typeName(plain)}`);
  return undefined;
}

/** One value as a number ("12" included); a reason when it is something else. */
export function number(v: unknown, field: string, reasons: string[]): number | undefined {
  const first = values(v)[0];
  const plain = isObject(first) && '@value' in first ? first['@value'] : first;
  if (plain === undefined) return undefined;
  const n = typeof plain === 'string' && plain.trim() !== '' ? Number(plain) : plain;
  if (typeof n === 'number' && Number.isFinite(n)) return n;
  reasons.push(`${field} must be a number, got ${typeName(plain)}`);
  return undefined;
}

/** The nodes named by @id in a document's @graph, for following references like {"@id": "#org"}. */
export type NodeIndex = Map<string, Record<string, unknown>>;

export function indexNodes(nodes: unknown[]): NodeIndex {
  const index: NodeIndex = new Map();
  for (const n of nodes) if (isObject(n) && typeof n['@id'] === 'string') index.set(n['@id'], n);
  return index;
}

/** A node's value, following a bare {"@id": …} reference into the document (one step, so no cycles). */
export function resolve(v: unknown, index: NodeIndex): unknown {
  if (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return index.get(v['@id']) ?? v;
  return v;
}

/**
 * The JobPostings of a JSON-LD body: one node, a list of nodes, a document with @graph, or a list of such
 * documents. Items that are not JobPostings are kept (as themselves) so they get a reason by index;
 * other nodes of a @graph (organisations, places) are what references point to and are not items.
 */
export function jobPostingItems(body: unknown): Array<{ item: unknown; index: NodeIndex }> {
  const out: Array<{ item: unknown; index: NodeIndex }> = [];
  const empty: NodeIndex = new Map();
  const visit = (v: unknown): void => {
    if (isObject(v) && Array.isArray(v['@graph'])) {
      const nodes = v['@graph'];
      const index = indexNodes(nodes);
      for (const n of nodes) if (isJobPosting(n)) out.push({ item: n, index });
      return;
    }
    out.push({ item: v, index: empty });
  };
  if (Array.isArray(body)) body.forEach(visit);
  else visit(body);
  return out;
}
