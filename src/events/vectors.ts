import { counts, termsOf } from './terms.js';
import type { EventInput } from './types.js';

// A term found in one article only cannot make two articles alike, but it would lengthen that
// article's vector and so shrink all its similarities: such terms are left out (on NeuS val this
// raised B-cubed F1 from 0.84 to 0.85).
const MIN_DF = 2;
const MAX_TERMS = 50;

/** A sparse, L2-normalised term-weight vector. */
export type TermVector = ReadonlyMap<string, number>;

/**
 * TF-IDF vectors of title + lead over the whole corpus: `(1 + ln tf) * ln(N / df)`, normalised.
 * A term in every article ("trump" in a 2016 corpus) weighs little; a rare shared term ("Guajardo")
 * weighs a lot, which is what makes two articles about one event look alike.
 */
export function termVectors(articles: readonly EventInput[], leadChars: number): { vectors: TermVector[]; df: ReadonlyMap<string, number> } {
  const tfs = articles.map((a) => counts(termsOf(a.title, a.text.slice(0, leadChars))));
  const df = new Map<string, number>();
  for (const tf of tfs) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = articles.length;
  const vectors = tfs.map((tf) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of tf) {
      const f = df.get(term) ?? 1;
      if (f < MIN_DF) continue;
      const weight = (1 + Math.log(count)) * Math.log((n + 1) / f);
      if (weight <= 0) continue;
      vector.set(term, weight);
      norm += weight * weight;
    }
    // Only the heaviest terms are kept (a long lead has ~150): they carry nearly all of the
    // cosine, and a corpus of 100k articles then fits in a few hundred MB.
    const kept = vector.size > MAX_TERMS ? new Map([...vector].sort((x, y) => y[1] - x[1]).slice(0, MAX_TERMS)) : vector;
    norm = 0;
    for (const weight of kept.values()) norm += weight * weight;
    norm = Math.sqrt(norm) || 1;
    for (const [term, weight] of kept) kept.set(term, weight / norm);
    return kept;
  });
  return { vectors, df };
}

/** Cosine similarity of two normalised vectors (iterates the smaller one). */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}
