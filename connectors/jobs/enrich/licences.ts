// Driving licence classes as ads write them: "B-körkort", "CE-kort", "C-behörighet", "körkort B",
// "körkort för B och C", "behörighet C/CE", "körkortsbehörighet BE", "utökad B", "B96". A class is
// a capital code next to a licence word, never a lone letter: "C" alone is a language, a grade or
// a programming language.
import type { Token } from './tokens.ts';

/** Licence code (as normalised) -> taxonomy label. */
const CODES: Record<string, string> = {
  am: 'AM', a: 'A', a1: 'A1', a2: 'A2', b: 'B', be: 'BE', c: 'C', c1: 'C1', c1e: 'C1E', ce: 'CE',
  d: 'D', d1: 'D1', d1e: 'D1E', de: 'DE', b96: 'Utökad B',
};
const LICENCE_WORDS = new Set([
  'körkort', 'körkortet', 'körkorts', 'körkortsbehörighet', 'körkortsbehörigheter', 'körkortsbehörigheten', 'körkortskrav',
  'behörighet', 'behörigheten', 'behörigheter', 'kort', 'kortet', 'körkortsklass', 'körkortsklasser',
]);
/** Words that may stand between a licence word and the codes: "körkort lägst klass B". */
const FILLERS = new Set(['för', 'klass', 'klasser', 'typ', 'med', 'minst', 'lägst', 'kategori', 'behörighet', 'behörigheten', 'krav', 'på', 'och', 'eller', 'samt']);
const JOINERS = new Set(['och', 'eller', 'samt']);
/** Words between classes listed after a licence: "C-körkort, gärna CE". */
const LIST_WORDS = new Set([...JOINERS, 'gärna', 'helst', 'även', 'också', 'alternativt', 'plus']);
const MAX_FILLERS = 3;

export interface LicenceHit { label: string; first: number; last: number }

const codeOf = (t: Token | undefined): string | undefined => (t && t.allCaps ? CODES[t.norm] : undefined) ?? (t?.norm === 'b96' ? CODES.b96 : undefined);

/** Every licence class the words name, with the token span that names it. */
export function findLicences(tokens: readonly Token[]): LicenceHit[] {
  const hits: LicenceHit[] = [];
  const taken = new Set<number>();
  const take = (i: number, label: string, first = i, last = i) => {
    if (taken.has(i)) return;
    taken.add(i);
    hits.push({ label, first, last });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // "utökad B"
    if (t.norm === 'utökad' && tokens[i + 1]?.norm === 'b' && tokens[i + 1].allCaps) { take(i + 1, CODES.b96, i, i + 1); continue; }
    if (t.norm === 'b96') { take(i, CODES.b96); continue; }
    const code = codeOf(t);
    // "B-körkort", "CE-kort", "C-behörighet", with codes listed before it: "B/C-körkort", "B, C och CE-kort".
    if (code && t.hyphenNext && LICENCE_WORDS.has(tokens[i + 1]?.norm ?? '')) {
      take(i, code, i, i + 1);
      for (let j = i - 1; j >= 0 && !tokens[j + 1].sentenceStart; j--) {
        const prev = codeOf(tokens[j]);
        if (prev) take(j, prev);
        else if (!JOINERS.has(tokens[j].norm)) break;
      }
      for (let j = i + 2, fillers = 0; j < tokens.length && !tokens[j].sentenceStart; j++) {
        const next = codeOf(tokens[j]);
        if (next && !tokens[j].hyphenNext) take(j, next);
        else if (!LIST_WORDS.has(tokens[j].norm) || ++fillers > MAX_FILLERS) break;
      }
      continue;
    }
    // "körkort B", "körkort för B och C", "behörighet C/CE"
    if (LICENCE_WORDS.has(t.norm) && !t.hyphenNext) {
      let j = i + 1;
      let fillers = 0;
      while (j < tokens.length && !tokens[j].sentenceStart && !codeOf(tokens[j]) && FILLERS.has(tokens[j].norm) && fillers < MAX_FILLERS) { j++; fillers++; }
      for (; j < tokens.length && !tokens[j].sentenceStart; j++) {
        const next = codeOf(tokens[j]);
        if (next) take(j, next, j === i + 1 ? i : j, j);
        else if (!JOINERS.has(tokens[j].norm)) break;
      }
    }
  }
  return hits;
}
