// The ways an ad may write a concept's label. Taxonomy labels carry more than the name:
// "Java, programmeringsspråk" (a qualifier after the comma), "Systemutvecklare/Programmerare"
// (alternatives), "Lärare i grundskolan, årskurs 4-6" (a general name narrowed by "i …"),
// "Terminal- och lagerarbete" (Swedish elision), "Backend-utvecklare" (also written joined), and
// "Skåne län" (written "Skåne"). Each way becomes a Surface: the words to find plus what the rest of
// the label says (the qualifier), which later decides between concepts that share a name.
import type { Concept } from '../../../vocab/index.ts';
import { writtenForms } from './swedish.ts';
import { tokenise } from './tokens.ts';

export type SurfaceKind = 'full' | 'head';

export interface Surface {
  concept: Concept;
  /** full: the label or one of its alternatives says just this; head: a shared name that a qualifier narrows. */
  kind: SurfaceKind;
  /** Qualifier words (normalised, stop words out) that show which of several concepts is meant. */
  qualifier: string[];
  /** For each qualifier word, the ways an ad may write it (swedish.ts writtenForms). */
  qualifierForms: string[][];
  /** A head whose qualifier names a different activity (teaching it, leading study circles): never taken without the qualifier in the ad. */
  needsEvidence: boolean;
  /** Label words as written there. */
  written: string;
  /** For a short label (≤ 3 letters or digits): how the ad must write it, as an acronym or capitalised. */
  shortCase?: 'caps' | 'capital';
  /** Letters and digits in `written`. */
  letterCount: number;
}

export const ENRICHED_TYPES = ['occupation-name', 'skill', 'municipality', 'region', 'country', 'language'] as const;

/** Qualifiers that turn a subject into the job of teaching or certifying it: "Engelska, undervisning …". */
const OTHER_ACTIVITY = new Set([
  'undervisning', 'cirkelledning', 'instruktör', 'tränare', 'domare', 'produktkunskap', 'mannekäng', 'modellvana',
  'erfarenhet',
]);
const STOP = new Set(['och', 'o', 'i', 'för', 'med', 'samt', 'av', 'inom', 'm', 'fl', 'utan', 'el', 'eller', 'på', 'till', 'the', 'of', 'and']);
/**
 * Words of everyday ad language that some skill is also called ("Miljö (Trafikverkets kravkurs)",
 * "Barn/ungdom", "Vi, texteditor"): alone they say nothing about a skill.
 */
const GENERIC_WORDS = new Set([
  'vi', 'miljö', 'barn', 'bygg', 'skola', 'service', 'ansvar', 'kvalitet', 'ordning', 'data', 'team', 'kontor', 'hem', 'vård',
  'kunder', 'kund', 'arbete', 'företag', 'personal', 'teknik', 'utveckling', 'försäljning', 'ledning', 'samarbete', 'struktur',
]);
/** Labels too long to be written whole in an ad are still found by their head; their full form is skipped. */
const MAX_SURFACE_WORDS = 6;

const words = (s: string): string[] => tokenise(s, 1000).tokens.map((t) => t.norm);
const qualifierWords = (s: string): string[] => words(s).filter((w) => !STOP.has(w));

export interface SurfaceKey { key: string; words: string[]; surface: Surface }

function add(out: SurfaceKey[], seen: Set<string>, text: string, surface: Omit<Surface, 'written' | 'letterCount' | 'shortCase' | 'qualifierForms'>): void {
  const ws = words(text);
  if (ws.length === 0 || ws.length > MAX_SURFACE_WORDS) return;
  const written = text.trim();
  const letters = written.replace(/[^\p{L}\p{N}]/gu, '');
  const shortCase = letters.length > 3 ? undefined : letters === letters.toUpperCase() ? 'caps' : 'capital';
  const full: Surface = { ...surface, qualifierForms: surface.qualifier.map(writtenForms), written, letterCount: letters.length, ...(shortCase ? { shortCase } : {}) };
  push(out, seen, ws, full);
  // "Backend-utvecklare" is also written "backendutvecklare".
  if (/[\p{L}\p{N}]-[\p{L}\p{N}]/u.test(text)) push(out, seen, words(text.replace(/([\p{L}\p{N}])-([\p{L}\p{N}])/gu, '$1$2')), full);
}

function push(out: SurfaceKey[], seen: Set<string>, ws: string[], surface: Surface): void {
  const key = ws.join(' ');
  if (seen.has(key)) return;
  seen.add(key);
  out.push({ key, words: ws, surface });
}

/** "Terminal- och lagerarbete" -> "lagerarbete": the last conjunct is a whole word of its own. */
function elidedTail(head: string): string | undefined {
  const m = /-\s+(?:och|eller|o)\s+(\S+)$/u.exec(head);
  return m?.[1];
}

/** Every surface of one concept. `isMunicipalityName` keeps a region's short form from taking a municipality's name. */
export function surfacesOf(concept: Concept, isMunicipalityName: (key: string) => boolean): SurfaceKey[] {
  const out: SurfaceKey[] = [];
  const seen = new Set<string>();
  const label = concept.label.replace(/\s+/g, ' ').trim();
  // "Miljö (Trafikverkets kravkurs)": what is in brackets narrows the name, like a qualifier.
  const bracketed = [...label.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]).join(' ');
  const withoutParens = label.replace(/\s*\([^)]*\)/g, '').trim();
  const comma = withoutParens.indexOf(', ');
  const head = comma === -1 ? withoutParens : withoutParens.slice(0, comma);
  const qualifierText = comma === -1 ? '' : withoutParens.slice(comma + 2);
  const qualifier = qualifierWords(`${qualifierText} ${bracketed}`);
  const needsEvidence = qualifier.some((w) => OTHER_ACTIVITY.has(w));
  const headKind: SurfaceKind = qualifier.length === 0 ? 'full' : 'head';
  const base = { concept, qualifier };

  add(out, seen, withoutParens, { ...base, kind: 'full', needsEvidence: false });
  const alternatives = head.split('/').map((a) => a.trim()).filter((a) => a !== '');
  // "Mångkulturell förskola/skola" is "mångkulturell förskola" or "mångkulturell skola".
  const firstWords = alternatives[0]?.split(' ') ?? [];
  for (let k = 0; k < alternatives.length; k++) {
    const name = k > 0 && firstWords.length > 1 && !alternatives[k].includes(' ')
      ? [...firstWords.slice(0, -1), alternatives[k]].join(' ') : alternatives[k];
    add(out, seen, name, { ...base, kind: headKind, needsEvidence });
    const tail = elidedTail(name);
    if (tail) add(out, seen, tail, { ...base, kind: headKind, needsEvidence });
    // "Lärare i grundskolan" is a kind of "lärare": the words after "i" narrow it down.
    const narrowed = concept.type === 'occupation-name' ? / i (.+)$/.exec(name) : null;
    if (narrowed) {
      add(out, seen, name.slice(0, narrowed.index), {
        concept, kind: 'head', qualifier: [...qualifierWords(narrowed[1]), ...qualifier], needsEvidence,
      });
    }
  }
  // A parenthesised acronym is a name too: "Java Server Pages (JSP), programmeringsspråk".
  const acronym = /\(([A-ZÅÄÖ0-9]{2,8})\)/.exec(label)?.[1];
  if (acronym && concept.type === 'skill') add(out, seen, acronym, { ...base, kind: 'head', needsEvidence });
  if (concept.type === 'region') {
    const short = label.replace(/s? län$/, '');
    if (short !== label && !isMunicipalityName(words(short).join(' '))) add(out, seen, short, { ...base, kind: 'full', needsEvidence: false });
  }
  return out.filter((s) => !(s.words.length === 1 && GENERIC_WORDS.has(s.key) && concept.type === 'skill'));
}
