import { Writer, type Quad } from 'n3';
import { loadJsonLd } from './jsonld-loader.ts';
import { JSON_LD, N_TRIPLES, type RdfType } from './media-types.ts';

export const COMMON_PREFIXES: Record<string, string> = {
  ldp: 'http://www.w3.org/ns/ldp#',
  dc: 'http://purl.org/dc/terms/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  posix: 'http://www.w3.org/ns/posix/stat#',
};

export function writeTurtle(quads: Quad[], prefixes: Record<string, string> = COMMON_PREFIXES): string {
  const writer = new Writer({ format: 'Turtle', prefixes });
  writer.addQuads(quads);
  let output = '';
  writer.end((error, result) => { if (error) throw error; output = result; });
  return output;
}

export async function serializeRdf(quads: Quad[], type: RdfType): Promise<string> {
  if (type === N_TRIPLES) {
    const writer = new Writer({ format: 'N-Triples' });
    return writer.quadsToString(quads);
  }
  if (type === JSON_LD) {
    const nquads = new Writer({ format: 'N-Quads' }).quadsToString(quads);
    const expanded = await (await loadJsonLd()).fromRDF(nquads, { format: 'application/n-quads' });
    return JSON.stringify(expanded);
  }
  return writeTurtle(quads);
}
