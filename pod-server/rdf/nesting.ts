/**
 * Cheap single-pass scans that measure how deeply a text nests its brackets, so that parsers
 * whose cost grows with nesting (sparqljs is quadratic in nested groups and then overflows the
 * stack; the JSON-LD library recurses per level) are never handed a pathological document.
 * Brackets inside strings, IRIs and comments do not count.
 */

/** SPARQL: { ( [ outside '…' "…" '''…''' """…""", <iri> and # comments. */
export function sparqlNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '(' || c === '[') {
      if (++depth > deepest) deepest = depth;
    } else if (c === '}' || c === ')' || c === ']') {
      depth = Math.max(0, depth - 1);
    } else if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === '<') {
      // An IRI has no spaces or brackets; otherwise this '<' is the less-than operator.
      IRI.lastIndex = i;
      if (IRI.test(text)) i = IRI.lastIndex - 1;
    } else if (c === '"' || c === "'") {
      const long = text.startsWith(c.repeat(3), i);
      const close = long ? c.repeat(3) : c;
      let j = i + close.length;
      while (j < text.length && !text.startsWith(close, j)) j += text[j] === '\\' ? 2 : 1;
      i = j + close.length - 1;
    }
  }
  return deepest;
}
// eslint-disable-next-line no-control-regex
const IRI = /<[^<>"{}|^`\\\u0000-\u0020]*>/y;
