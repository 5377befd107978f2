// Build step: copies the reference taxonomy + ESCO crosswalks into vocab/data/ in a compact,
// gzipped form so that a fresh clone works without ../shared. Run: npx tsx bin/build-vocab-data.ts [sourceDir]
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'taxonomy'));
const target = join(root, 'vocab', 'data');

const concepts = readFileSync(join(source, 'jobtech-taxonomy-concepts.jsonl'), 'utf8')
  .split('\n').filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Record<string, unknown>);
// Stable order makes the shipped file diff-friendly.
concepts.sort((a, b) => String(a.id).localeCompare(String(b.id)));
writeFileSync(join(target, 'taxonomy-concepts.jsonl.gz'),
  gzipSync(concepts.map((c) => JSON.stringify(c)).join('\n') + '\n', { level: 9 }));

// ESCO rows: id \t relation (exact|close|broad|narrow) \t ESCO URI without its common prefix \t Swedish ESCO label.
const ESCO = 'http://data.europa.eu/esco/';
const escoRows: string[] = [];
for (const file of ['esco-occupation-crosswalk.tsv', 'esco-skill-crosswalk.tsv']) {
  const lines = readFileSync(join(source, file), 'utf8').split('\n').slice(1);
  for (const line of lines) {
    if (line.trim() === '') continue;
    const [id, , uri, escoLabel, relation] = line.split('\t');
    const rel = relation.trim().replace(/^skos:/, '').replace(/Match$/, '');
    if (!uri.startsWith(ESCO)) throw new Error(`unexpected ESCO URI ${uri}`);
    escoRows.push([id, rel, uri.slice(ESCO.length), escoLabel].join('\t'));
  }
}
escoRows.sort();
writeFileSync(join(target, 'esco-mappings.tsv.gz'), gzipSync(escoRows.join('\n') + '\n', { level: 9 }));
console.log(`wrote ${concepts.length} concepts and ${escoRows.length} ESCO mappings to ${target}`);
