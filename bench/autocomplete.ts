// Autocomplete benchmark: queries over all 5,514 skills (and, for reference, all 12,495 concepts).
// Queries are prefixes and infixes of real labels (1–8 characters), a third typed without å/ä/ö,
// drawn with a seeded generator so every run sees the same workload. Run: npx tsx bench/autocomplete.ts
import { performance } from 'node:perf_hooks';
import { foldKey, getTaxonomy, svKey } from '../vocab/index.ts';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const t0 = performance.now();
const taxonomy = getTaxonomy();
const loadMs = performance.now() - t0;

function workload(labels: string[], n: number, seed: number): string[] {
  const rnd = mulberry32(seed);
  const out: string[] = [];
  while (out.length < n) {
    const key = svKey(labels[Math.floor(rnd() * labels.length)]);
    const len = 1 + Math.floor(rnd() * 8);
    const start = rnd() < 0.6 ? 0 : Math.floor(rnd() * Math.max(1, key.length - len));
    let q = key.slice(start, start + len).trim();
    if (q === '') continue;
    if (rnd() < 0.33) q = foldKey(q); // typed without Swedish letters
    if (rnd() < 0.2) q = q.toUpperCase();
    out.push(q);
  }
  return out;
}

function run(name: string, type: string | undefined, n: number): void {
  const labels = (type ? taxonomy.byType(type) : taxonomy.types().flatMap((ty) => taxonomy.byType(ty))).map((c) => c.label);
  const b0 = performance.now();
  taxonomy.search('x', { type }); // builds the index for this type set
  const buildMs = performance.now() - b0;
  const queries = workload(labels, n, 42);
  for (const q of queries.slice(0, 2000)) taxonomy.search(q, { type }); // warm-up
  const times = new Float64Array(queries.length);
  let hits = 0;
  const start = performance.now();
  for (let i = 0; i < queries.length; i++) {
    const s = performance.now();
    hits += taxonomy.search(queries[i], { type, limit: 10 }).length;
    times[i] = performance.now() - s;
  }
  const total = performance.now() - start;
  times.sort();
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  console.log(`${name}: ${labels.length} labels, index build ${buildMs.toFixed(1)} ms, ${queries.length} queries, ${(hits / queries.length).toFixed(1)} results/query`);
  console.log(`  mean ${us(total / queries.length)}  p50 ${us(pct(0.5))}  p95 ${us(pct(0.95))}  p99 ${us(pct(0.99))}  max ${us(times[times.length - 1])}`);
}

console.log(`taxonomy load (${taxonomy.size} concepts): ${loadMs.toFixed(1)} ms`);
run('skills', 'skill', 20000);
run('all concepts', undefined, 20000);
