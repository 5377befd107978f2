/** Well-formedness of IRIs and language tags as Turtle reads them, checked before data is kept. */

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
