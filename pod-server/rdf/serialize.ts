import { Writer, type Quad } from 'n3';
import { quadsToJsonLd } from '../../vocab/rdf-to-jsonld.ts';
import { SLICE, nextTurn } from '../../vocab/work.ts';
import { unlimitedInput, type WorkBudget } from '../http/work-budget.ts';
import { JSON_LD, N_TRIPLES, type RdfType } from './media-types.ts';

const COMMON_PREFIXES: Record<string, string> = {
  ldp: 'http://www.w3.org/ns/ldp#',
  dc: 'http://purl.org/dc/terms/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  posix: 'http://www.w3.org/ns/posix/stat#',
};

/**
 * Turtle or N-Triples written a slice of triples per turn of the event loop: n3's writer keeps
 * its state (the current subject and predicate) between calls, so the output is the same as
 * one call's, but a large document no longer holds the loop while it is written.
 */
export async function writeRdf(quads: Quad[], format: 'Turtle' | 'N-Triples', budget: WorkBudget = unlimitedInput('Writing this document')): Promise<string> {
  const writer = new Writer(format === 'Turtle' ? { format, prefixes: COMMON_PREFIXES } : { format });
  for (let at = 0; at < quads.length; at += SLICE) {
    if (at > 0) await nextTurn();
    const slice = quads.slice(at, at + SLICE);
    budget.spend(slice.length);
    writer.addQuads(slice);
  }
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}

/** Every format is written in one linear pass, a slice at a time; the work is charged to `budget`. */
export async function serializeRdf(quads: Quad[], type: RdfType, budget: WorkBudget = unlimitedInput('Serializing this document')): Promise<string> {
  if (type === JSON_LD) return quadsToJsonLd(quads, budget);
  return writeRdf(quads, type === N_TRIPLES ? 'N-Triples' : 'Turtle', budget);
}
