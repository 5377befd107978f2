// The lookup structures built once from the taxonomy: every surface by its words, the words that
// can start or continue a longer surface, and a suffix trie over one-word occupation and skill
// names for compounds the taxonomy has no label for ("javautvecklare" ends in "utvecklare").
import type { Concept, TaxonomyIndex } from '../../../vocab/index.ts';
import { GENERAL_TITLES } from './defaults.ts';
import { ENRICHED_TYPES, surfacesOf, type Surface } from './surfaces.ts';

/** A compound's last part must be this long to count ("chef" is too short to trust). */
export const MIN_COMPOUND_TAIL = 5;
/** … and what is before it, so that "backendutvecklare" splits but "avutvecklare" does not. */
export const MIN_COMPOUND_HEAD = 3;

interface TrieNode { next: Map<string, TrieNode>; word?: string }

export interface LabelIndex {
  bySurface: Map<string, Surface[]>;
  /** Words that occur before the last word of some surface. */
  innerWords: Set<string>;
  /** Every proper start of a surface of several words ("lärare", "lärare i"): a longer match is tried only from these. */
  prefixes: Set<string>;
  maxWords: number;
  /** General titles: surface key -> the concept meant when nothing narrows it. */
  generalTitles: Map<string, Concept>;
  /** Longest one-word surface (occupation or skill) that `word` ends with, leaving a head of MIN_COMPOUND_HEAD. */
  compoundTail(word: string): string | undefined;
}

export function buildLabelIndex(taxonomy: TaxonomyIndex): LabelIndex {
  const bySurface = new Map<string, Surface[]>();
  const innerWords = new Set<string>();
  const prefixes = new Set<string>();
  let maxWords = 1;
  const municipalityKeys = new Set<string>();
  for (const m of taxonomy.byType('municipality')) for (const s of surfacesOf(m, () => false)) municipalityKeys.add(s.key);
  const root: TrieNode = { next: new Map() };

  for (const type of ENRICHED_TYPES) {
    for (const concept of taxonomy.byType(type)) {
      for (const { key, words, surface } of surfacesOf(concept, (k) => municipalityKeys.has(k))) {
        const list = bySurface.get(key) ?? [];
        list.push(surface);
        bySurface.set(key, list);
        for (let i = 0; i < words.length - 1; i++) {
          innerWords.add(words[i]);
          prefixes.add(words.slice(0, i + 1).join(' '));
        }
        maxWords = Math.max(maxWords, words.length);
        if (words.length === 1 && key.length >= MIN_COMPOUND_TAIL && (type === 'occupation-name' || type === 'skill')) addReversed(root, key);
      }
    }
  }
  const generalTitles = new Map<string, Concept>();
  for (const [word, id] of Object.entries(GENERAL_TITLES)) {
    const concept = taxonomy.get(id);
    if (!concept) continue;
    generalTitles.set(word, concept);
    if (!bySurface.has(word)) bySurface.set(word, []);
    addReversed(root, word);
  }
  return { bySurface, innerWords, prefixes, maxWords, generalTitles, compoundTail: (word) => longestSuffix(root, word) };
}

function addReversed(root: TrieNode, word: string): void {
  let node = root;
  for (let i = word.length - 1; i >= 0; i--) {
    let child = node.next.get(word[i]);
    if (!child) { child = { next: new Map() }; node.next.set(word[i], child); }
    node = child;
  }
  node.word = word;
}

function longestSuffix(root: TrieNode, word: string): string | undefined {
  let node: TrieNode | undefined = root;
  let found: string | undefined;
  for (let i = word.length - 1; i >= MIN_COMPOUND_HEAD && node; i--) {
    node = node.next.get(word[i]);
    if (node?.word) found = node.word;
  }
  return found;
}
