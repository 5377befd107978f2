// Search keys with Swedish collation rules.
//
// In Swedish å, ä and ö are letters of their own (sorted after z), not a and o with accents, so a
// query that contains å/ä/ö only matches those letters. Users who type without diacritics ("lakare")
// must still find "Läkare": such matches are made on a folded key and flagged `exact: false`, and
// they rank after exact matches at the same position. Other diacritics (é, ü, í …) are never
// distinctive in Swedish and are always folded; æ and ø are the Danish/Norwegian forms of ä and ö.
// Every key has exactly one UTF-16 unit per input unit so that the keys stay aligned.

const SWEDISH = new Set(['å', 'ä', 'ö']);
const EQUIVALENT: Record<string, string> = { æ: 'ä', ø: 'ö' };
const FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o' };

function svChar(c: string): string {
  const lower = c.toLowerCase();
  if (SWEDISH.has(lower)) return lower;
  if (EQUIVALENT[lower]) return EQUIVALENT[lower];
  const base = lower.normalize('NFD')[0] ?? lower;
  // Punctuation separates words: "Backend-utvecklare" is found by "backend utvecklare".
  return /[\p{L}\p{N}]/u.test(base) ? base : ' ';
}

/** Lower-cased, punctuation to spaces, whitespace collapsed, trimmed. */
export function baseForm(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();
}

/** Swedish key: case- and accent-insensitive, å/ä/ö kept distinct. */
export function svKey(s: string): string {
  let out = '';
  for (const c of baseForm(s)) out += svChar(c).length === 1 ? svChar(c) : ' ';
  return out;
}

/** Folded key: additionally å/ä → a and ö → o. Same length as svKey. */
export function foldKey(sv: string): string {
  let out = '';
  for (const c of sv) out += FOLD[c] ?? c;
  return out;
}

export const hasSwedishLetter = (sv: string): boolean => /[åäö]/.test(sv);

/** Swedish alphabetical order (å, ä, ö after z). */
export const swedishCollator = new Intl.Collator('sv', { sensitivity: 'base' });
