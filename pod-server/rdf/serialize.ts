import { Writer, type Quad } from 'n3';
import { unlimitedInput, type WorkBudget } from '../http/work-budget.ts';
import { JSON_LD, N_TRIPLES, type RdfType } from './media-types.ts';
import { quadsToJsonLd } from './rdf-to-jsonld.ts';

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

/** Every format is written in one linear pass; the work is charged to `budget`. */
export async function serializeRdf(quads: Quad[], type: RdfType, budget: WorkBudget = unlimitedInput('Serializing this document')): Promise<string> {
  if (type === JSON_LD) return quadsToJsonLd(quads, budget);
  budget.spend(quads.length);
  if (type === N_TRIPLES) return new Writer({ format: 'N-Triples' }).quadsToString(quads);
  return writeTurtle(quads);
}
