import { DataFactory, type Quad, type Term } from 'n3';
import { SLICE, nextTurn, type Budget } from '../../vocab/work.ts';

const { namedNode, blankNode, literal, quad } = DataFactory;

/**
 * Triples as they cross from the JSON-LD worker to the main thread: each distinct term once,
 * all term text in one string, everything else in typed arrays whose buffers are moved rather
 * than copied. A million quad objects would be cloned on the receiving thread in one piece,
 * and N-Triples repeats every subject and datatype (12x the JSON-LD it came from); this is
 * compact, and the main thread rebuilds the quads a slice at a time.
 */
export interface EncodedQuads {
  text: string;
  kinds: Uint8Array;
  lengths: Uint32Array;
  /** A literal's datatype (or language tag) as the index of an earlier entry. */
  extras: Uint32Array;
  /** Subject, predicate, object: indexes into the terms. */
  triples: Uint32Array;
}

const NAMED = 0, BLANK = 1, TYPED = 2, TAGGED = 3, LANGUAGE = 4;

export function encodeQuads(quads: readonly Quad[]): EncodedQuads {
  const index = new Map<string, number>();
  const text: string[] = [];
  const kinds: number[] = [];
  const lengths: number[] = [];
  const extras: number[] = [];
  const add = (key: string, kind: number, value: string, extra = 0): number => {
    let at = index.get(key);
    if (at === undefined) {
      index.set(key, (at = kinds.length));
      text.push(value);
      kinds.push(kind);
      lengths.push(value.length);
      extras.push(extra);
    }
    return at;
  };
  const term = (t: Term): number => {
    if (t.termType === 'NamedNode') return add(`<${t.value}`, NAMED, t.value);
    if (t.termType === 'BlankNode') return add(`_${t.value}`, BLANK, t.value);
    if (t.termType !== 'Literal') throw new Error(`cannot transfer a ${t.termType}`);
    // The datatype or language goes in first, so the receiver has built it before the literal.
    if (t.language) {
      const language = add(`@${t.language}`, LANGUAGE, t.language);
      return add(`"${language} ${t.value}`, TAGGED, t.value, language);
    }
    const datatype = term(t.datatype);
    return add(`^${datatype} ${t.value}`, TYPED, t.value, datatype);
  };
  const triples = new Uint32Array(quads.length * 3);
  quads.forEach((q, i) => {
    triples[3 * i] = term(q.subject);
    triples[3 * i + 1] = term(q.predicate);
    triples[3 * i + 2] = term(q.object);
  });
  return { text: text.join(''), kinds: Uint8Array.from(kinds), lengths: Uint32Array.from(lengths), extras: Uint32Array.from(extras), triples };
}

/** The buffers to move with postMessage. */
export const transferList = (encoded: EncodedQuads): ArrayBuffer[] =>
  [encoded.kinds, encoded.lengths, encoded.extras, encoded.triples].map((array) => array.buffer as ArrayBuffer);

/** Rebuilds the quads a slice per turn of the event loop, charging one step per triple. */
export async function decodeQuads(encoded: EncodedQuads, budget: Budget): Promise<Quad[]> {
  const { text, kinds, lengths, extras, triples } = encoded;
  const terms: Term[] = new Array(kinds.length);
  for (let i = 0, at = 0; i < kinds.length; i++) {
    if (i % SLICE === SLICE - 1) await nextTurn();
    const value = text.slice(at, (at += lengths[i]));
    switch (kinds[i]) {
      case NAMED: terms[i] = namedNode(value); break;
      case BLANK: terms[i] = blankNode(value); break;
      case TYPED: terms[i] = literal(value, terms[extras[i]] as never); break;
      case TAGGED: terms[i] = literal(value, terms[extras[i]].value); break;
      default: terms[i] = literal(value); // a language tag, only ever referenced by a literal
    }
  }
  const quads: Quad[] = new Array(triples.length / 3);
  for (let i = 0; i < quads.length; i++) {
    if (i % SLICE === SLICE - 1) {
      budget.spend(SLICE);
      await nextTurn();
    }
    quads[i] = quad(terms[triples[3 * i]] as never, terms[triples[3 * i + 1]] as never, terms[triples[3 * i + 2]] as never);
  }
  budget.spend(quads.length % SLICE);
  return quads;
}
