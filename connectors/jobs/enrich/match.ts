// Finds surfaces in a run of words: longest match first, left to right, each word used once.
// A word is tried as written and in its base forms (swedish.ts); a word found nowhere is tried as
// a compound ending in a known one-word name ("javautvecklare" -> "utvecklare", head "java").
import type { LabelIndex } from './label-index.ts';
import { MIN_COMPOUND_HEAD, MIN_COMPOUND_TAIL } from './label-index.ts';
import type { Surface } from './surfaces.ts';
import { baseForms, type Form, type FormKind } from './swedish.ts';
import type { Token } from './tokens.ts';

export interface RawHit {
  key: string;
  surfaces: readonly Surface[];
  first: number;
  last: number;
  /** How the last word had to be changed to match. */
  formKind: FormKind;
  /** Found as the tail or head of a compound word, not as a word of its own. */
  compound?: 'tail' | 'head';
}

export class WordForms {
  private readonly forms: Array<readonly Form[] | undefined> = [];
  private readonly inner: Array<string | null | undefined> = [];
  constructor(private readonly tokens: readonly Token[], private readonly index: LabelIndex) {}
  of(i: number): readonly Form[] {
    return (this.forms[i] ??= baseForms(this.tokens[i].norm));
  }
  /** The form of word i that some longer surface has before its last word, if any. */
  innerForm(i: number): string | null {
    let v = this.inner[i];
    if (v === undefined) {
      v = null;
      for (const f of this.of(i)) if (this.index.innerWords.has(f.form)) { v = f.form; break; }
      this.inner[i] = v;
    }
    return v;
  }
}

export function findSurfaces(tokens: readonly Token[], used: ReadonlySet<number>, index: LabelIndex, forms: WordForms): RawHit[] {
  const hits: RawHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const hit = longestAt(tokens, i, used, index, forms) ?? compoundAt(tokens, i, index, forms);
    if (!hit) continue;
    hits.push(...(Array.isArray(hit) ? hit : [hit]));
    const last = Array.isArray(hit) ? i : hit.last;
    i = last;
  }
  return hits;
}

function lookup(index: LabelIndex, key: string): readonly Surface[] | undefined {
  const list = index.bySurface.get(key);
  return list && (list.length > 0 || index.generalTitles.has(key)) ? list : undefined;
}

function longestAt(tokens: readonly Token[], i: number, used: ReadonlySet<number>, index: LabelIndex, forms: WordForms): RawHit | undefined {
  let best: RawHit | undefined;
  for (const f of forms.of(i)) {
    const surfaces = lookup(index, f.form);
    if (!surfaces) continue;
    if (!best) { best = { key: f.form, surfaces, first: i, last: i, formKind: f.kind }; continue; }
    // Another form may name a concept of another type: "lagerarbete" is a skill, and as "lagerarbetare" an occupation.
    const types = new Set(best.surfaces.map((s) => s.concept.type));
    const more = surfaces.filter((s) => !types.has(s.concept.type));
    if (more.length > 0) best = { ...best, surfaces: [...best.surfaces, ...more] };
  }
  let prefix = forms.innerForm(i);
  if (prefix !== null && !index.prefixes.has(prefix)) prefix = null;
  for (let j = i + 1; prefix !== null && j < tokens.length && j - i < index.maxWords; j++) {
    if (used.has(j) || tokens[j].sentenceStart) break;
    for (const f of forms.of(j)) {
      const key = `${prefix} ${f.form}`;
      const surfaces = lookup(index, key);
      if (surfaces) { best = { key, surfaces, first: i, last: j, formKind: f.kind }; break; }
    }
    const inner = forms.innerForm(j);
    prefix = inner === null ? null : `${prefix} ${inner}`;
    if (prefix !== null && !index.prefixes.has(prefix)) prefix = null;
  }
  return best;
}

function compoundAt(tokens: readonly Token[], i: number, index: LabelIndex, forms: WordForms): RawHit[] | undefined {
  if (tokens[i].norm.length < MIN_COMPOUND_HEAD + MIN_COMPOUND_TAIL) return undefined;
  for (const f of forms.of(i)) {
    if (f.kind === 'genitive') continue;
    const tail = index.compoundTail(f.form);
    if (!tail) continue;
    const out: RawHit[] = [{ key: tail, surfaces: index.bySurface.get(tail) ?? [], first: i, last: i, formKind: f.kind, compound: 'tail' }];
    // "javautvecklare": the head may name a skill; "systemsutvecklare"-style linking s is dropped.
    const head = f.form.slice(0, f.form.length - tail.length);
    for (const h of head.endsWith('s') ? [head, head.slice(0, -1)] : [head]) {
      const skills = index.bySurface.get(h)?.filter((s) => s.concept.type === 'skill');
      if (skills && skills.length > 0) { out.push({ key: h, surfaces: skills, first: i, last: i, formKind: 'same', compound: 'head' }); break; }
    }
    return out;
  }
  return undefined;
}
