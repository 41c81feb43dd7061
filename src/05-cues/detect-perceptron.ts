/**
 * A first-order averaged-perceptron sequence tagger (Collins 2002) with Viterbi decoding.
 *
 * Why a perceptron and not a CRF library: it is ~200 lines of dependency-free TypeScript, trains
 * on the PolNeAR train split in seconds, and decodes a whole article in a few milliseconds, which
 * keeps the per-article chain above 100 articles/s. Features are 32-bit hashes (detect-hash.ts);
 * only features seen at least `minCount` times in training get an id and a weight row.
 *
 * BIO constraints are hard: "I-x" may only follow "B-x" or "I-x" (transition score -Infinity),
 * so every decoded run is a well-formed span.
 */

import type { WeightTable } from './detect-hash.js';

/** A trained tagger, ready to decode (saved as JSON by detect-perceptron-io.ts). */
export interface SequenceTagger {
  /** Label names, e.g. ["O", "B-cue", "I-cue"]. */
  readonly labels: readonly string[];
  /** Feature hash -> emission weights, one per label. */
  readonly table: WeightTable;
  /** allowed[(previous + 1) * k + label]: 1 when the BIO transition is well formed. */
  readonly allowed: Uint8Array;
  /** Row-major [previous label + 1][label]; row 0 is the start of the sequence. */
  readonly transitions: Float32Array;
}

/** The JSON form of a {@link SequenceTagger}, as stored under `models/`. */
export interface SerializedTagger {
  readonly labels: readonly string[];
  /** Feature hashes, one per weight row. */
  readonly features: readonly number[];
  /** Weights quantised to integers: real weight = value * scale. Row-major [feature][label]. */
  readonly weights: readonly number[];
  readonly transitions: readonly number[];
  readonly scale: number;
}

/**
 * Feature hashes of a sequence, flat: the features of position i are
 * `features[offsets[i]] .. features[offsets[i + 1] - 1]`.
 */
export interface FeatureRows {
  readonly features: ArrayLike<number>;
  /** n + 1 offsets for n positions. */
  readonly offsets: ArrayLike<number>;
}

/** One training sequence: its feature rows and the gold label index per position. */
export interface TrainingSequence extends FeatureRows {
  readonly labels: ArrayLike<number>;
}

/** Collects feature rows position by position, in a reusable growing buffer. */
export class RowBuilder {
  private buffer = new Int32Array(1024);
  private used = 0;
  private readonly ends: number[] = [0];
  /** Add one feature to the current position. */
  add(hash: number): void {
    if (this.used === this.buffer.length) {
      const bigger = new Int32Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.used++] = hash;
  }
  /** Close the current position. */
  next(): void {
    this.ends.push(this.used);
  }
  /** Forget all positions, keeping the buffer. */
  reset(): void {
    this.used = 0;
    this.ends.length = 1;
  }
  /** The feature hashes added so far (a view, valid until the next add). */
  get features(): Int32Array {
    return this.buffer.subarray(0, this.used);
  }
  /** n + 1 offsets for the n closed positions. */
  get offsets(): readonly number[] {
    return this.ends;
  }
}

/** BIO transition table: allowed[(from + 1) * k + to]: moving from label `from` (-1: start) to `to` keeps BIO well formed. */
export function allowedMatrix(labels: readonly string[]): Uint8Array {
  const k = labels.length;
  const out = new Uint8Array((k + 1) * k);
  for (let from = -1; from < k; from++) {
    for (let to = 0; to < k; to++) {
      const next = labels[to] ?? 'O';
      const prev = from < 0 ? 'O' : (labels[from] ?? 'O');
      out[(from + 1) * k + to] = !next.startsWith('I-') || (prev !== 'O' && prev.slice(2) === next.slice(2)) ? 1 : 0;
    }
  }
  return out;
}

/** Viterbi over precomputed emission scores (positions x labels); returns the best label path. */
export function viterbi(k: number, allowed: Uint8Array, transitions: Float32Array, emissions: Float64Array, n: number): number[] {
  if (n === 0) return [];
  const score = new Float64Array(n * k);
  const back = new Int32Array(n * k);
  for (let y = 0; y < k; y++) {
    score[y] = allowed[y] ? (transitions[y] ?? 0) + (emissions[y] ?? 0) : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < k; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < k; p++) {
        if (!allowed[(p + 1) * k + y]) continue;
        const s = (score[(i - 1) * k + p] ?? -Infinity) + (transitions[(p + 1) * k + y] ?? 0);
        if (s > best) { best = s; arg = p; }
      }
      score[i * k + y] = best + (emissions[i * k + y] ?? 0);
      back[i * k + y] = arg;
    }
  }
  let arg = 0;
  for (let y = 1; y < k; y++) if ((score[(n - 1) * k + y] ?? -Infinity) > (score[(n - 1) * k + arg] ?? -Infinity)) arg = y;
  const path = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    path[i] = arg;
    arg = back[i * k + arg] ?? 0;
  }
  return path;
}

/**
 * Decode one sequence: return the best label index per position. `bias` (one value per label) is
 * added to every position's scores, to trade precision for recall without retraining.
 *
 * @example
 * const labels = decode(tagger, rows); // [0, 1, 2, 0, ...]
 */
export function decode(tagger: SequenceTagger, rows: FeatureRows, bias?: readonly number[]): number[] {
  const n = rows.offsets.length - 1;
  const k = tagger.labels.length;
  const emissions = new Float64Array(n * k);
  const { features, offsets } = rows;
  for (let i = 0; i < n; i++) {
    if (bias) for (let y = 0; y < k; y++) emissions[i * k + y] = bias[y] ?? 0;
    const to = offsets[i + 1] ?? 0;
    for (let j = offsets[i] ?? 0; j < to; j++) tagger.table.addTo(features[j] ?? 0, emissions, i * k);
  }
  return viterbi(k, tagger.allowed, tagger.transitions, emissions, n);
}

