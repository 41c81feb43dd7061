/**
 * Step 7.4: how far two claims state the same proposition. TF-IDF cosine over the claims of one
 * event (so the words every claim of the event shares, "attack", weigh little), with the actors a
 * claim mentions as extra terms (two claims about "Iran" and "Russia" are closer than their words
 * alone say), and the cosine of word-vector sentence embeddings centred on the event, which
 * survives paraphrase ("Kyiv helped the gunmen" / "prepared with the help of Ukrainian services").
 */
import type { WordVectors } from '../adapters/embeddings.js';
import type { ClaimFeatures } from './features.js';

/** A sparse unit vector. */
export type Vector = ReadonlyMap<string, number>;

/**
 * TF-IDF vectors of the claims of one event, L2-normalised. Term frequency is sub-linear
 * (1 + log tf) and IDF smoothed (log((1 + N) / (1 + df)) + 1), as in scikit-learn's defaults.
 * Entities count as terms `@A3`, weighted by `entityWeight`.
 * @example vectorize(features)[0].get('warn')
 */
export function vectorize(features: readonly ClaimFeatures[], entityWeight = 1): Vector[] {
  return tfidf(features.map((f) => {
    const bag = new Map<string, number>();
    for (const w of f.words) bag.set(w, (bag.get(w) ?? 0) + 1);
    for (const e of f.entities) bag.set(`@${e}`, (bag.get(`@${e}`) ?? 0) + entityWeight);
    return bag;
  }));
}

/**
 * TF-IDF unit vectors of bags of terms (term -> count), IDF taken over these bags only.
 * @example tfidf([new Map([['warn', 1]]), new Map([['deny', 2]])])
 */
export function tfidf(bags: readonly ReadonlyMap<string, number>[]): Vector[] {
  const df = new Map<string, number>();
  for (const bag of bags) for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = bags.length;
  return bags.map((bag) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, tf] of bag) {
      const weight = (1 + Math.log(tf)) * (Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

/** Cosine of two unit vectors, in [0, 1]. */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return Math.min(1, Math.max(0, dot));
}

/**
 * Sentence vectors of the claims of one event from word vectors (SIF-weighted means, negators
 * and the claim's names left in: "Kyiv helped" and "Ukraine assisted" should meet), centred on
 * the event's mean vector. Centring removes what every claim of the event shares (the topic), so
 * the cosine of two claims measures whether they say the same thing, not whether they are about
 * the same event: paraphrases score high, two sides sharing topic words do not.
 * Events of fewer than `minCentred` claims are not centred (their mean is mostly the claims).
 */
export function claimVectors(texts: readonly string[], vectors: WordVectors, minCentred = 8): Float32Array[] {
  const rows = texts.map((t) => vectors.sentenceVector(t.toLowerCase().replace(/’/g, "'").match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []));
  if (rows.length < minCentred) return rows;
  const mean = new Float32Array(vectors.dim);
  for (const r of rows) {
    let norm = 0;
    for (const x of r) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < vectors.dim; d++) mean[d] = (mean[d] ?? 0) + (r[d] ?? 0) / norm / rows.length;
  }
  return rows.map((r) => {
    let norm = 0;
    for (const x of r) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return r.map((x, d) => x / norm - (mean[d] ?? 0));
  });
}
