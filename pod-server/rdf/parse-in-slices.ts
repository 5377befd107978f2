import { EventEmitter } from 'node:events';
import { Parser, type Quad } from 'n3';
import { nextTurn } from '../../vocab/work.ts';
import { BadRequest } from '../../service-kit/errors.ts';
import type { WorkBudget } from '../http/work-budget.ts';

/** Text parsed per turn of the event loop: a few milliseconds of n3's time. */
export const SLICE_CHARS = 64 * 1024;

/**
 * Turtle or N-Triples parsed a slice at a time. Handed a whole string, n3 parses it in one
 * synchronous call (10 MB: ~0.25 s with nothing else served); handed a stream, it parses each
 * chunk as it comes and keeps unfinished tokens for the next (re-scanning a long one only when
 * the buffer has doubled, so this stays linear). Between slices the event loop turns and the
 * deadline is checked, so a huge body is refused part-way rather than after it was parsed.
 */
export async function parseInSlices(text: string, format: 'Turtle' | 'N-Triples', baseIRI: string, budget: WorkBudget): Promise<Quad[]> {
  const quads: Quad[] = [];
  let failure: Error | undefined;
  const input = new EventEmitter();
  new Parser({ format, baseIRI }).parse(input as never, (error, quad) => {
    if (error) failure ??= error;
    else if (quad) quads.push(quad);
  });
  let charged = 0;
  for (let at = 0; at < text.length && !failure; ) {
    let end = Math.min(at + SLICE_CHARS, text.length);
    // A surrogate pair split between slices would reach the lexer as two broken characters.
    if (isHighSurrogate(text.charCodeAt(end - 1)) && end < text.length) end++;
    input.emit('data', text.slice(at, end));
    at = end;
    budget.spend(quads.length - charged);
    charged = quads.length;
    budget.checkClock();
    await nextTurn();
  }
  if (!failure) input.emit('end');
  if (failure) throw new BadRequest(`Invalid ${format}: ${failure.message}`, 'invalid_rdf');
  budget.spend(quads.length - charged);
  return quads;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
