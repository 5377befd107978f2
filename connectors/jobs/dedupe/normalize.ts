// Text and key normalisation for duplicate detection. Boards rewrite ads in small ways: HTML or
// not, entities, their own tracking links, phone numbers and e-mail addresses in another form,
// other dates. None of that says whether two ads are the same vacancy, so it is removed before
// shingling. Every step is linear and bounded: input past MAX_TEXT characters is not read.
import { getTaxonomy } from '../../../vocab/index.ts';

export const MAX_TEXT = 40_000;
export const MAX_TOKENS = 3_000;

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', aring: 'å', auml: 'ä', ouml: 'ö', Aring: 'Å', Auml: 'Ä', Ouml: 'Ö',
  eacute: 'é', uuml: 'ü', ndash: '–', mdash: '—', hellip: '…', bull: '•', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“',
};

function decodeEntity(_: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  }
  return ENTITIES[body] ?? ' ';
}

/**
 * Lower-case text with markup, entities, links and e-mail addresses removed. Each pass runs only
 * when its trigger character is present, which keeps plain text cheap.
 */
export function cleanText(text: string): string {
  let s = text.slice(0, MAX_TEXT);
  if (s.includes('<')) s = s.replace(/<[^<>]{0,1000}>/g, ' ');
  if (s.includes('&')) s = s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, decodeEntity);
  s = s.toLowerCase();
  if (s.includes('http') || s.includes('www.')) s = s.replace(/\b(?:https?:\/\/|www\.)[^\s<>"]{1,500}/g, ' ');
  if (s.includes('@')) s = s.replace(/[^\s<>"@]{1,200}@[^\s<>"@]{1,200}/g, ' ');
  return s;
}

/** Letters only: digits separate words, so phone numbers, dates and other numbers (which boards reformat) vanish. */
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && c !== 0xfeff);
}

/** FNV-1a hash of each word of cleaned text, at most MAX_TOKENS words, without building strings. */
export function wordHashes(clean: string): Uint32Array {
  const out = new Uint32Array(Math.min(MAX_TOKENS, (clean.length >> 1) + 1));
  let n = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i <= clean.length && n < out.length; i++) {
    const c = i < clean.length ? clean.charCodeAt(i) : 32;
    if (isLetter(c)) { h = Math.imul(h ^ c, 0x01000193); inWord = true; }
    else if (inWord) { out[n++] = h >>> 0; h = 0x811c9dc5; inWord = false; }
  }
  return out.subarray(0, n);
}

/** The words duplicate detection sees (for tests and explanations; the hot path uses wordHashes). */
export function normaliseText(text: string): string[] {
  const clean = cleanText(text);
  const words: string[] = [];
  let word = '';
  for (let i = 0; i <= clean.length && words.length < MAX_TOKENS; i++) {
    const c = i < clean.length ? clean.charCodeAt(i) : 32;
    if (isLetter(c)) word += clean[i];
    else if (word) { words.push(word); word = ''; }
  }
  return words;
}

const LEGAL_FORMS = new Set(['ab', 'aktiebolag', 'publ', 'hb', 'kb', 'handelsbolag', 'kommanditbolag', 'ek', 'för', 'ekonomisk', 'förening', 'ltd', 'inc', 'as', 'oy', 'gmbh', 'sverige', 'sweden']);

/** Employer name without legal form, case, punctuation: "Not4real Dream Business AB (publ)" -> "not4real dream business". */
export function normaliseEmployerName(name: string): string {
  return (name.slice(0, 300).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !LEGAL_FORMS.has(w)).join(' ');
}

/** Ten digits of a Swedish organisation or personal number, century dropped; undefined when not one. */
export function normaliseOrganisationNumber(value: string): string | undefined {
  const digits = value.slice(0, 40).replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(digits)) return digits;
  if (/^(16|18|19|20)\d{10}$/.test(digits)) return digits.slice(2);
  return undefined;
}

let municipalityIds: Map<string, string> | undefined;
/** Municipality code, concept id or name -> the municipality's concept id (one key however a board wrote it). */
export function municipalityKey(w: { municipalityConcept?: string; municipalityCode?: string; municipality?: string; city?: string } | undefined): string | undefined {
  if (!w) return undefined;
  if (!municipalityIds) {
    municipalityIds = new Map();
    for (const m of getTaxonomy().byType('municipality')) {
      municipalityIds.set(m.id, m.id);
      if (m.legacyId) municipalityIds.set(m.legacyId, m.id);
      municipalityIds.set(m.label.toLowerCase(), m.id);
    }
  }
  for (const v of [w.municipalityConcept, w.municipalityCode, w.municipality?.toLowerCase().replace(/s? kommun$/, '').trim()]) {
    const id = v === undefined ? undefined : municipalityIds.get(v);
    if (id) return id;
  }
  const fallback = (w.municipality ?? w.city)?.slice(0, 100).toLowerCase().trim();
  return fallback ? `?${fallback}` : undefined;
}
