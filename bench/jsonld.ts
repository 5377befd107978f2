/**
 * JSON-LD conversion cost as the number of values of one property grows: our linear paths
 * (parse: library expansion + our toRDF; serialize: our writer) against the JSON-LD library's
 * toRDF / fromRDF, which the server used before. Linear growth shows as ~4x per 4x size.
 *
 *   npx tsx bench/jsonld.ts                  # sizes 1k 4k 16k 64k; the library up to 16k
 *   BENCH_LIBRARY_MAX=65536 npx tsx bench/jsonld.ts   # the library at 64k too (about a minute)
 */
import jsonld from 'jsonld';
import { Parser, Writer } from 'n3';
import { parseRdf } from '../pod-server/rdf/parse.ts';
import { serializeRdf } from '../pod-server/rdf/serialize.ts';
import { applyPatch } from '../pod-server/rdf/patch.ts';
import { parseSparqlUpdate } from '../pod-server/rdf/sparql-update.ts';
import { parseN3Patch } from '../pod-server/rdf/n3-patch.ts';

const SIZES = [1000, 4000, 16000, 64000];
const LIBRARY_MAX = Number(process.env.BENCH_LIBRARY_MAX ?? 16000);
const BASE = 'http://localhost/bench/doc';

async function time(run: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}
const ms = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(0)).padStart(9);

console.log('values  JSON-LD in (ours)  (library)  JSON-LD out (ours)  (library)   [ms]');
for (const n of SIZES) {
  const values = Array.from({ length: n }, (_, i) => i);
  const body = JSON.stringify({ '@id': 'http://ex.org/s', 'http://ex.org/p': values });
  const quads = new Parser().parse(`<http://ex.org/s> <http://ex.org/p> ${values.join(', ')}.`);
  const library = n <= LIBRARY_MAX;
  const inOurs = await time(() => parseRdf(body, 'application/ld+json', BASE));
  const inLibrary = library ? await time(() => jsonld.toRDF(JSON.parse(body), { base: BASE, format: 'application/n-quads' } as never)) : undefined;
  const outOurs = await time(() => serializeRdf(quads, 'application/ld+json'));
  const nquads = new Writer({ format: 'N-Quads' }).quadsToString(quads);
  const outLibrary = library ? await time(() => jsonld.fromRDF(nquads as never, { format: 'application/n-quads' })) : undefined;
  console.log(`${String(n).padStart(6)}  ${ms(inOurs)}          ${ms(inLibrary)}  ${ms(outOurs)}           ${ms(outLibrary)}`);
}

// The R1 patches: refused by the matcher's limits; the time is how long refusing takes.
const forty = new Parser({ baseIRI: BASE }).parse(Array.from({ length: 40 }, (_, i) => `<#s${i}> <#p> ${i}.`).join('\n'));
const cases = {
  'SPARQL, 4 independent patterns': () => parseSparqlUpdate('INSERT { <#x> <#y> <#z> } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }', BASE),
  'N3 Patch, 5 independent patterns': () => [parseN3Patch('@prefix solid: <http://www.w3.org/ns/solid/terms#>. _:p a solid:InsertDeletePatch; solid:where { ?s0 ?p0 ?o0 . ?s1 ?p1 ?o1 . ?s2 ?p2 ?o2 . ?s3 ?p3 ?o3 . ?s4 ?p4 ?o4 }; solid:inserts { <#x> <#y> <#z> }.', BASE)],
};
for (const [name, operations] of Object.entries(cases)) {
  let outcome = '';
  const elapsed = await time(() => {
    try { applyPatch(forty, operations()); outcome = 'applied'; } catch (error) { outcome = `${(error as { status?: number }).status} ${(error as Error).message}`; }
  });
  console.log(`${name} over 40 triples: ${elapsed.toFixed(0)} ms, ${outcome}`);
}
