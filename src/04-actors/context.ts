/**
 * What every rule of the actors stage reads: the segmented article, its tokens normalised for
 * lookups, which sentences are headline case, and the gazetteers.
 */
import type { Segmented } from '../types/index.js';
import { gazetteers, type Gazetteers } from './gazetteers.js';
import { headlineSentences, norm } from './text.js';

/** Shared, read-only inputs of the `find-*` rules for one article. */
export interface Context {
  readonly segmented: Segmented;
  /** `norm(token)` of every token, index-aligned with `segmented.tokens`. */
  readonly words: readonly string[];
  /** Sentences written in headline case, where capitals do not mark names. */
  readonly headline: ReadonlySet<number>;
  readonly gaz: Gazetteers;
}

/** Build the context of one article. */
export function makeContext(segmented: Segmented): Context {
  const words = segmented.tokens.map(norm);
  return { segmented, words, headline: headlineSentences(segmented), gaz: gazetteers() };
}
