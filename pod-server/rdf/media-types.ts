export const TURTLE = 'text/turtle';
export const JSON_LD = 'application/ld+json';
export const N_TRIPLES = 'application/n-triples';
export const N3 = 'text/n3';
export const SPARQL_UPDATE = 'application/sparql-update';

/** Types we parse on the way in and can produce on the way out. */
export const RDF_TYPES = [TURTLE, JSON_LD, N_TRIPLES] as const;
export type RdfType = (typeof RDF_TYPES)[number];

/** 'Text/Turtle; charset=utf-8' -> 'text/turtle' */
export function essence(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

export function isRdfType(contentType: string | undefined): contentType is RdfType {
  return (RDF_TYPES as readonly string[]).includes(essence(contentType));
}
