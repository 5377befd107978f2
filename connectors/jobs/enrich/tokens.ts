// Ad text -> words, in one linear pass. HTML tags are dropped (block tags end a sentence) and a few
// entities decoded, so that markup in an ad is read as the text it shows and never matched itself.
// A word keeps its place in the cleaned text (for the `term` an enrichment reports), its
// normalised form, and the layout facts the matcher weighs: capitalised, at a sentence start,
// joined to the next word by a hyphen ("B-körkort", "Java-utvecklare").

export interface Token {
  /** Lower-cased; å/ä/ö kept, other diacritics folded (é -> e), æ/ø read as ä/ö. */
  norm: string;
  start: number;
  end: number;
  /** First letter upper-case as written. */
  capital: boolean;
  /** Every letter upper-case as written (acronyms: "CE", "SQL"). */
  allCaps: boolean;
  /** First word of the text or after . ! ? : ; a bullet or a line break. */
  sentenceStart: boolean;
  /** Written "word-next" with no space around the hyphen. */
  hyphenNext: boolean;
}

export interface Tokenised { text: string; tokens: Token[] }

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '',
  aring: 'å', auml: 'ä', ouml: 'ö', Aring: 'Å', Auml: 'Ä', Ouml: 'Ö', eacute: 'é', Eacute: 'É', uuml: 'ü', Uuml: 'Ü',
  ndash: '–', mdash: '—', bull: '•', hellip: '…',
};
const BLOCK_TAGS = new Set(['p', 'br', 'li', 'ul', 'ol', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'section', 'hr']);
const MAX_TAG = 1000;
const MAX_ENTITY = 12;

/** Drops tags (block tags become a line break), decodes entities. Text without < or & is returned as is. */
export function plainText(s: string): string {
  if (s.indexOf('<') === -1 && s.indexOf('&') === -1) return s;
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 60 /* < */) {
      const close = s.indexOf('>', i + 1);
      const next = s.charCodeAt(i + 1);
      const isTag = close !== -1 && close - i <= MAX_TAG && (isAsciiLetter(next) || next === 47 /* / */ || next === 33 /* ! */);
      if (!isTag) continue;
      out.push(s.slice(from, i));
      const name = /^<\/?([a-zA-Z0-9]+)/.exec(s.slice(i, Math.min(close + 1, i + 20)))?.[1]?.toLowerCase() ?? '';
      out.push(BLOCK_TAGS.has(name) ? '\n' : ' ');
      i = close;
      from = close + 1;
    } else if (c === 38 /* & */) {
      const semi = s.indexOf(';', i + 1);
      if (semi === -1 || semi - i > MAX_ENTITY) continue;
      const decoded = decodeEntity(s.slice(i + 1, semi));
      if (decoded === undefined) continue;
      out.push(s.slice(from, i), decoded);
      i = semi;
      from = semi + 1;
    }
  }
  out.push(s.slice(from));
  return out.join('');
}

function decodeEntity(name: string): string | undefined {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return ENTITIES[name];
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const WORD = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;

function isWordChar(c: number, ch: string): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || isAsciiLetter(c);
  return WORD.test(ch);
}

/** One character as the matcher compares it. */
function normChar(c: number, ch: string): string {
  if (c < 128) return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
  const lower = ch.toLowerCase();
  if (lower === 'å' || lower === 'ä' || lower === 'ö') return lower;
  if (lower === 'æ') return 'ä';
  if (lower === 'ø') return 'ö';
  const base = lower.normalize('NFD')[0] ?? lower;
  return base.length === 1 ? base : lower;
}

const SWEDISH_UPPER = new Set(['Å', 'Ä', 'Ö'].map((c) => c.charCodeAt(0)));
const SWEDISH_LOWER = new Set(['å', 'ä', 'ö'].map((c) => c.charCodeAt(0)));

const SENTENCE_BREAK = new Set(['.', '!', '?', ':', ';', '\n', '•', '·', '*', '–', '—']);

/** Splits cleaned text into words. `maxChars` bounds the work: text past it is ignored. */
export function tokenise(raw: string, maxChars: number): Tokenised {
  const text = plainText(raw.length > maxChars ? raw.slice(0, maxChars) : raw);
  const tokens: Token[] = [];
  let i = 0;
  let breakSeen = true;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const ch = text[i];
    if (!isWordChar(c, ch)) {
      if (SENTENCE_BREAK.has(ch)) breakSeen = true;
      i++;
      continue;
    }
    const start = i;
    let upperCount = 0;
    let letters = 0;
    // Plain words (ASCII and å/ä/ö) are lower-cased in one go; others are folded letter by letter.
    let plain = true;
    while (i < text.length) {
      const cc = text.charCodeAt(i);
      if (cc < 128) {
        if (!((cc >= 48 && cc <= 57) || isAsciiLetter(cc))) break;
        if (cc >= 65 && cc <= 90) upperCount++;
        if (cc >= 65) letters++;
      } else {
        const cch = text[i];
        if (!WORD.test(cch)) break;
        if (SWEDISH_UPPER.has(cc)) upperCount++;
        else if (!SWEDISH_LOWER.has(cc)) { plain = false; if (UPPER.test(cch)) upperCount++; }
        letters++;
      }
      i++;
    }
    let norm: string;
    if (plain) norm = text.slice(start, i).toLowerCase();
    else {
      norm = '';
      for (let k = start; k < i; k++) norm += normChar(text.charCodeAt(k), text[k]);
    }
    const first = text.charCodeAt(start);
    const capital = first < 128 ? first >= 65 && first <= 90 : UPPER.test(text[start]);
    const hyphenNext = text[i] === '-' && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1), text[i + 1]);
    tokens.push({ norm, start, end: i, capital, allCaps: letters > 0 && upperCount === letters, sentenceStart: breakSeen, hyphenNext });
    breakSeen = false;
  }
  return { text, tokens };
}
