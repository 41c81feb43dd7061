/**
 * A multiclass linear model over hashed features: dense Float32Array weights, row-major
 * `[bucket][label]`, plus one bias per label. Scoring a row is a loop over its ids into a
 * typed array: no strings, no hash probes.
 */
import type { FeatureRows } from './rows.js';

/** A trained multiclass linear model. */
export interface LinearModel {
  /** Label names, e.g. ["agree", "disagree", "discuss", "unrelated"]. */
  readonly labels: readonly string[];
  /** Feature space of 2^bits buckets. */
  readonly bits: number;
  /** Row-major [bucket][label], length 2^bits * labels.length. */
  readonly weights: Float32Array;
  /** One bias per label. */
  readonly bias: Float32Array;
}

/** A zeroed model for `labels` in a space of 2^bits buckets. */
export function emptyModel(labels: readonly string[], bits: number): LinearModel {
  if (labels.length < 2) throw new TypeError('narrascope: a linear model needs at least two labels');
  return { labels: [...labels], bits, weights: new Float32Array((1 << bits) * labels.length), bias: new Float32Array(labels.length) };
}

/**
 * Scores of row `row` of `rows`, written into `out[0 .. k - 1]` (`out` is returned).
 *
 * @example
 * const scores = scoreRow(model, rows, 0, new Float64Array(model.labels.length));
 */
export function scoreRow(model: LinearModel, rows: FeatureRows, row: number, out: Float64Array): Float64Array {
  const k = model.labels.length;
  const w = model.weights;
  for (let y = 0; y < k; y++) out[y] = model.bias[y] ?? 0;
  const to = rows.offsets[row + 1] ?? 0;
  for (let j = rows.offsets[row] ?? 0; j < to; j++) {
    const at = (rows.ids[j] ?? 0) * k;
    const v = rows.values[j] ?? 0;
    for (let y = 0; y < k; y++) out[y] = (out[y] ?? 0) + v * (w[at + y] ?? 0);
  }
  return out;
}

/**
 * Softmax of `scores` in place (numerically stable); returns `scores`.
 *
 * @example
 * softmaxInPlace(Float64Array.of(2, 1, 0)); // [0.665, 0.245, 0.090]
 */
export function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let y = 0; y < scores.length; y++) {
    const e = Math.exp((scores[y] ?? 0) - max);
    scores[y] = e;
    sum += e;
  }
  for (let y = 0; y < scores.length; y++) scores[y] = (scores[y] ?? 0) / sum;
  return scores;
}

/** Index of the largest value (the first on ties, so results are deterministic). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let y = 1; y < values.length; y++) if ((values[y] ?? -Infinity) > (values[best] ?? -Infinity)) best = y;
  return best;
}

/**
 * Class probabilities of row `row` (softmax of the scores).
 *
 * @example
 * const p = probabilities(model, rows, 0); model.labels[argmax(p)];
 */
export function probabilities(model: LinearModel, rows: FeatureRows, row: number, out = new Float64Array(model.labels.length)): Float64Array {
  return softmaxInPlace(scoreRow(model, rows, row, out));
}
