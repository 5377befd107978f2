// The small edits a vacancy undergoes when another board republishes it. Each is a pure function
// of the ad and a PRNG; a board copy applies one to three of them.
import type { JobSearchAd } from '../../../vocab/index.ts';
import type { Random } from './prng.ts';

export type Edit = (ad: JobSearchAd, random: Random) => JobSearchAd;

const BOARDS = ['Jobbsajten', 'Platsportalen', 'Karriärtorget', 'Jobbkollen', 'Rekryteringsbanken'];
const DAY = 86_400_000;

const withText = (ad: JobSearchAd, f: (text: string) => string): JobSearchAd =>
  ({ ...ad, description: { ...ad.description!, text: f(ad.description?.text ?? '') } });

function typo(word: string, random: Random): string {
  if (word.length < 4) return word;
  const i = random.int(1, word.length - 2);
  return random.chance(0.5) ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i) + word.slice(i + 1);
}

export const EDITS: Readonly<Record<string, Edit>> = {
  typos: (ad, random) => withText(ad, (text) => {
    const words = text.split(' ');
    for (let n = random.int(1, 4); n > 0; n--) { const i = random.int(0, words.length - 1); words[i] = typo(words[i], random); }
    return words.join(' ');
  }),
  reorderParagraphs: (ad, random) => withText(ad, (text) => {
    const paras = text.split('\n\n');
    if (paras.length < 4) return text;
    const i = random.int(1, paras.length - 2);
    [paras[i], paras[i + 1]] = [paras[i + 1], paras[i]];
    return paras.join('\n\n');
  }),
  boardFooter: (ad, random) => withText(ad, (text) => {
    const board = random.pick(BOARDS);
    return `${text}\n\nAnnonsen är publicerad via ${board}. Ansök direkt på https://${board.toLowerCase()}.example/jobb/${random.int(100000, 999999)} – ange referens ${random.int(1000, 9999)}. ${board} ansvarar inte för innehållet i annonsen.`;
  }),
  changedDeadline: (ad, random) => {
    const days = random.int(3, 14);
    const shift = (iso: string) => new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
    const old = ad.application_deadline?.slice(0, 10) ?? '';
    const next = old ? shift(old) : '';
    const edited = withText(ad, (text) => (old ? text.split(old).join(next) : text));
    return { ...edited, application_deadline: old ? `${next}T23:59:59` : ad.application_deadline, last_publication_date: old ? `${next}T23:59:59` : ad.last_publication_date };
  },
  whitespace: (ad, random) => withText(ad, (text) => text.replace(/\n\n/g, () => random.pick(['\n', '\n\n\n', '\n \n', '\r\n\r\n'])).replace(/\. /g, () => (random.chance(0.2) ? '.  ' : '. ')) + '\n   '),
  html: (ad) => withText(ad, (text) => text.split('\n\n').map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/\n/g, '<br>')}</p>`).join('\n')),
  rewrittenContacts: (ad) => withText(ad, (text) => text
    .replace(/\b0(\d{2})-(\d+)/g, (_, area: string, rest: string) => `+46 ${area} ${rest}`)
    .replace(/([\w.]+)@([\w.-]+)/g, '$1 (at) $2')),
  headline: (ad, random) => ({ ...ad, headline: random.pick([
    (h: string) => h.toUpperCase(),
    (h: string) => `${h} – ${ad.workplace_address?.municipality ?? ''}`,
    (h: string) => `Nu söker vi: ${h}`,
    (h: string) => `${h}!`,
  ])(ad.headline ?? '') }),
  /** Scraped boards often lack the organisation number and write the name their own way. */
  scrapedEmployer: (ad, random) => ({
    ...ad,
    employer: { ...ad.employer!, organization_number: null, name: random.pick([(n: string) => n.replace(/ AB$/, ''), (n: string) => n.toUpperCase(), (n: string) => `${n} (publ)`])(ad.employer?.name ?? '') },
  }),
  /** Only the municipality's name, no code or concept. */
  placeByName: (ad) => ({
    ...ad,
    workplace_address: { ...ad.workplace_address!, municipality_code: null, municipality_concept_id: null, region_code: null, region_concept_id: null },
  }),
};

const EDIT_NAMES = Object.keys(EDITS);

/** A board's copy of the ad: one to three edits, a new id and the board as source. */
export function boardCopy(ad: JobSearchAd, random: Random, id: string): { ad: JobSearchAd; edits: string[] } {
  const edits = random.sample(EDIT_NAMES, random.int(1, 3));
  let copy = edits.reduce((a, name) => EDITS[name](a, random), ad);
  const board = random.pick(BOARDS);
  copy = { ...copy, id, external_id: `${board.toLowerCase()}-${random.int(100000, 999999)}`, source_type: board.toUpperCase(), webpage_url: `https://${board.toLowerCase()}.example/annons/${id}` };
  return { ad: copy, edits };
}
