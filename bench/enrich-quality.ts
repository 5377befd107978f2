/**
 * Enrichment quality and speed: precision and recall per concept type on the labelled ads
 * (connectors/jobs/enrich/labelled-ads.ts), then microseconds per ad (mean, p99) over the labelled
 * set and over 1,000 generated ads of about 1.5 KB (seeded, so every run reads the same text).
 *
 *   npx tsx bench/enrich-quality.ts            # add VERBOSE=1 to list what each ad got wrong
 */
import { getTaxonomy, type Concept } from '../vocab/index.ts';
import { createEnricher, type Enricher } from '../connectors/jobs/enrich/index.ts';
import { LABELLED_ADS } from '../connectors/jobs/enrich/labelled-ads.ts';
import { measureQuality } from '../connectors/jobs/enrich/quality.ts';

const GENERATED = 1000;
const ROUNDS = 5;

/** Small seeded generator (mulberry32): the same ads on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLER = [
  'Vi erbjuder en trygg anställning med kollektivavtal, friskvårdsbidrag och goda möjligheter att utvecklas.',
  'Du är noggrann, flexibel och har lätt för att samarbeta med andra.',
  'Tjänsten är en tillsvidareanställning på heltid med sex månaders provanställning.',
  'Urval sker löpande, så skicka din ansökan redan i dag.',
  'Som person är du ansvarstagande och trivs i ett högt tempo där ingen dag är den andra lik.',
  'Vi lägger stor vikt vid personlig lämplighet.',
  'Hos oss får du kollegor som bryr sig och en arbetsplats där alla känner sig välkomna.',
];

function generatedAds(n: number): Array<{ headline: string; text: string }> {
  const t = getTaxonomy();
  const rnd = random(20240610);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const name = (c: Concept) => c.label.split(/[,/(]/)[0].trim();
  const occupations = t.byType('occupation-name');
  const skills = t.byType('skill');
  const places = t.byType('municipality');
  const ads: Array<{ headline: string; text: string }> = [];
  for (let i = 0; i < n; i++) {
    const occupation = name(pick(occupations));
    const place = pick(places).label;
    const parts = [
      `${place} kommun söker ${occupation.toLowerCase()} till vår verksamhet i ${place}.`,
      `Du har erfarenhet av ${name(pick(skills)).toLowerCase()} och ${name(pick(skills)).toLowerCase()}, gärna även ${name(pick(skills)).toLowerCase()}.`,
      `Du talar och skriver ${pick(['svenska', 'engelska', 'finska', 'arabiska'])} obehärskat. ${pick(['B-körkort', 'Körkort B', 'C-körkort, gärna CE,', 'Körkort'])} krävs.`,
    ];
    while (parts.join(' ').length < 1500) parts.push(pick(FILLER));
    ads.push({ headline: `${occupation} till ${place}`, text: parts.join(' ') });
  }
  return ads;
}

function timeEach(enricher: Enricher, ads: ReadonlyArray<{ headline: string; text: string }>): { mean: number; p99: number } {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const ad of ads) {
      const start = process.hrtime.bigint();
      enricher.enrich(ad);
      samples.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
  samples.sort((a, b) => a - b);
  return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, p99: samples[Math.floor(samples.length * 0.99)] };
}

const taxonomy = getTaxonomy();
const enricher = createEnricher(taxonomy);
const buildStart = performance.now();
enricher.enrich({ headline: 'Lagerarbetare' });
const buildMs = performance.now() - buildStart;

const report = measureQuality(enricher, LABELLED_ADS);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
console.log(`Labelled set: ${LABELLED_ADS.length} ads\n`);
console.log('type              found  wrong  missed  precision  recall');
for (const [type, s] of [...Object.entries(report.byType), ['overall', report.overall] as const]) {
  console.log(`${type.padEnd(16)} ${String(s.truePositives + s.falsePositives).padStart(6)} ${String(s.falsePositives).padStart(6)} ${String(s.falseNegatives).padStart(7)}  ${pct(s.precision)}   ${pct(s.recall)}`);
}
if (process.env.VERBOSE) {
  for (const m of report.misses) console.log(`\n${m.headline}\n  found, not expected: ${m.unexpected.join(' | ') || '-'}\n  expected, not found: ${m.missing.join(' | ') || '-'}`);
}

const generated = generatedAds(GENERATED);
timeEach(enricher, generated.slice(0, 200)); // warm-up
const labelled = timeEach(enricher, LABELLED_ADS);
const synthetic = timeEach(enricher, generated);
const meanChars = generated.reduce((a, ad) => a + ad.headline.length + ad.text.length, 0) / generated.length;
console.log(`\nIndex build (once per process): ${buildMs.toFixed(0)} ms`);
console.log(`µs per ad        mean     p99`);
console.log(`labelled set  ${labelled.mean.toFixed(1).padStart(7)} ${labelled.p99.toFixed(1).padStart(7)}   (${LABELLED_ADS.length} ads × ${ROUNDS})`);
console.log(`generated     ${synthetic.mean.toFixed(1).padStart(7)} ${synthetic.p99.toFixed(1).padStart(7)}   (${GENERATED} ads of ${meanChars.toFixed(0)} chars × ${ROUNDS})`);
