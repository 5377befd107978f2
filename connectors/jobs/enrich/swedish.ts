// Base-form candidates for a Swedish word as ads write it. Rather than stemming both sides (which
// merges unrelated words: "lära" and "lärare" share the stem "lär"), a word in the text is turned
// into the few forms it may have in a dictionary, and each is looked up among the taxonomy's words:
// a candidate that is no label word costs one failed Map lookup and matches nothing.
//
// The rules cover the noun declensions (undersköterska/-n/-or/-orna, bil/-en/-ar/-arna,
// pojke/-ar, montör/-en/-er/-erna, lärare/-n/lärarna, äpple/-n/-na, jobb/-et, lager/lagret,
// brandman/-män), the genitive -s, adjective endings (personlig/-t/-a) and one derivation ads use
// for occupations ("lagerarbete" -> "lagerarbetare").

export type FormKind = 'same' | 'genitive' | 'inflected';
export interface Form { form: string; kind: FormKind }

/** [suffix, replacement]; tried longest-first within one final letter. */
const RULES: Array<[string, string]> = [
  ['ornas', 'a'], ['orna', 'a'], ['ors', 'a'], ['or', 'a'], ['ans', 'a'], ['an', 'a'],
  ['arnas', 'are'], ['arna', 'are'], ['arnas', ''], ['arna', ''], ['arna', 'e'], ['ars', ''], ['ar', ''], ['ar', 'e'],
  ['ernas', ''], ['erna', ''], ['erna', 'er'], ['ers', ''], ['er', ''],
  ['ens', ''], ['ens', 'e'], ['en', ''], ['ns', ''], ['n', ''],
  ['nas', ''], ['na', ''],
  ['rets', 'er'], ['ret', 'er'], ['ets', ''], ['et', ''],
  ['männens', 'man'], ['männen', 'man'], ['män', 'man'],
  ['arbeten', 'arbetare'], ['arbete', 'arbetare'],
  ['a', ''], ['e', ''], ['t', ''],
];
const BY_LAST = new Map<string, Array<[string, string]>>();
for (const rule of RULES) {
  const last = rule[0][rule[0].length - 1];
  const list = BY_LAST.get(last) ?? [];
  list.push(rule);
  BY_LAST.set(last, list);
}
/** Shortest stem a rule may leave; keeps "bar" -> "b" and the like out. */
const MIN_STEM = 3;
/** Shortest word the adjective rules (a/e/t dropped) apply to: "data" stays "data". */
const MIN_ADJECTIVE = 6;

/**
 * Words seen recently and their forms. Ads repeat their vocabulary, so most words are answered
 * from here (and their strings keep their hash). Bounded: emptied when full.
 */
const cache = new Map<string, readonly Form[]>();
const CACHE_MAX = 50_000;
/** Longer words are not cached (a 5 MB "word" must not be kept). */
const CACHE_MAX_WORD = 40;

/** The word itself first, then its genitive base, then the inflection candidates; no repeats. */
export function baseForms(word: string): readonly Form[] {
  const hit = cache.get(word);
  if (hit) return hit;
  const forms = computeForms(word);
  if (word.length <= CACHE_MAX_WORD) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(word, forms);
  }
  return forms;
}

function computeForms(word: string): Form[] {
  const out: Form[] = [{ form: word, kind: 'same' }];
  if (word.length <= MIN_STEM) return out;
  const last = word[word.length - 1];
  if (last === 's' && word.length > MIN_STEM + 1) out.push({ form: word.slice(0, -1), kind: 'genitive' });
  const rules = BY_LAST.get(last);
  if (!rules) return out;
  for (const [suffix, replacement] of rules) {
    if (!word.endsWith(suffix)) continue;
    const stemLength = word.length - suffix.length;
    if (stemLength < MIN_STEM) continue;
    if (suffix.length === 1 && replacement === '' && word.length < MIN_ADJECTIVE) continue;
    const form = word.slice(0, stemLength) + replacement;
    if (!out.some((f) => f.form === form)) out.push({ form, kind: 'inflected' });
  }
  return out;
}

/**
 * The forms an ad may write a word in, the other way round: the word, its base forms and its
 * common inflections ("grundskola" -> "grundskolan", "grundskolor"). Used at build time for the few
 * qualifier words, so that an ad's words are only looked up as written.
 */
export function writtenForms(word: string): string[] {
  const out = new Set<string>();
  for (const f of baseForms(word)) {
    const w = f.form;
    out.add(w);
    for (const ending of ['n', 'en', 'et', 'na', 'er', 'ar', 'erna', 'arna', 's', 'ns', 'ens']) out.add(w + ending);
    if (w.endsWith('a')) for (const ending of ['or', 'orna', 'an']) out.add(w.slice(0, -1) + ending);
    if (w.endsWith('e')) for (const ending of ['ar', 'arna', 'en']) out.add(w.slice(0, -1) + ending);
  }
  return [...out];
}
