/**
 * A first-order averaged-perceptron sequence tagger (Collins 2002) with Viterbi decoding, on the
 * shared learning module (`src/learn`): features are hashed into a space of 2^bits buckets, the
 * emission weights are one dense `Float32Array` ([bucket][label]), so scoring a token is a loop
 * of direct array reads: no string keys and no hash-table probes on the hot path.
 *
 * Why a perceptron and not a CRF library: it is ~200 lines of dependency-free TypeScript, trains
 * on the PolNeAR train split in seconds, and decodes a whole article in a few milliseconds.
 *
 * BIO constraints are hard: "I-x" may only follow "B-x" or "I-x" (transition score -Infinity),
 * so every decoded run is a well-formed span.
 */
import { scoreRows, type FeatureRows, type LinearModel } from '../learn/index.js';
import { scoreCodes, type WeightCodes } from './tagger-codes.js';

export { RowBuilder, type FeatureRows } from '../learn/index.js';

/**
 * Feature space of both taggers: 2^17 buckets (the weights, 3 and 5 labels in float32, take 1.5
 * and 2.5 MB). PolNeAR dev, exact source / cue / content F1: 2^16 70.8 / 69.4 / 55.7, 2^17
 * 70.8 / 69.5 / 55.6, 2^18 70.5 / 69.5 / 55.6 (hash tables before: 70.8 / 69.8 / 55.9).
 */
export const TAGGER_BITS = 17;

/** A trained tagger, ready to decode (saved as JSON by detect-perceptron-io.ts). */
export interface SequenceTagger {
  /** Label names, e.g. ["O", "B-cue", "I-cue"] (the same as `model.labels`). */
  readonly labels: readonly string[];
  /** Emission weights per feature bucket and label, plus one bias per label. */
  readonly model: LinearModel;
  /** allowed[(previous + 1) * k + label]: 1 when the BIO transition is well formed. */
  readonly allowed: Uint8Array;
  /** Row-major [previous label + 1][label]; row 0 is the start of the sequence. */
  readonly transitions: Float32Array;
  /**
   * The emission weights as the model file's int16 codes (set by the loader): decoding reads
   * these, half the bytes of `model.weights`, with the same scores (tagger-codes.ts).
   */
  readonly codes?: WeightCodes;
}

/** The JSON form of a {@link SequenceTagger}, as stored under `models/`. */
export interface SerializedTagger {
  readonly labels: readonly string[];
  /** The emission model in `src/learn`'s binary format (int16-quantised live rows), base64. */
  readonly model: string;
  readonly transitions: readonly number[];
}

/** One training sequence: its feature rows and the gold label index per position. */
export interface TrainingSequence {
  readonly rows: FeatureRows;
  readonly labels: ArrayLike<number>;
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
  return viterbiMoves(k, moveScores(k, allowed, transitions), emissions, n);
}

/**
 * Transition scores with the forbidden moves at -Infinity: the inner loop of Viterbi needs no
 * branch on `allowed` (a forbidden move could never win: its sum is -Infinity, never > best).
 */
function moveScores(k: number, allowed: Uint8Array, transitions: Float32Array): Float64Array {
  const move = new Float64Array((k + 1) * k);
  for (let j = 0; j < move.length; j++) move[j] = allowed[j] ? (transitions[j] as number) : -Infinity;
  return move;
}

// Scratch buffers of Viterbi, grown as needed and reused (decoding is synchronous): one pair
// per thread instead of two new arrays per sentence.
let scoreScratch = new Float64Array(1024);
let backScratch = new Int32Array(1024);

/** {@link viterbi} with the transition scores already built by {@link moveScores}. */
function viterbiMoves(k: number, move: Float64Array, emissions: Float64Array, n: number): number[] {
  if (n === 0) return [];
  if (scoreScratch.length < n * k) {
    scoreScratch = new Float64Array(n * k * 2);
    backScratch = new Int32Array(n * k * 2);
  }
  const score = scoreScratch;
  const back = backScratch;
  for (let y = 0; y < k; y++) score[y] = (move[y] as number) + (emissions[y] as number);
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * k;
    for (let y = 0; y < k; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < k; p++) {
        const s = (score[prev + p] as number) + (move[(p + 1) * k + y] as number);
        if (s > best) { best = s; arg = p; }
      }
      score[i * k + y] = best + (emissions[i * k + y] as number);
      back[i * k + y] = arg;
    }
  }
  let arg = 0;
  const last = (n - 1) * k;
  for (let y = 1; y < k; y++) if ((score[last + y] as number) > (score[last + arg] as number)) arg = y;
  const path = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    path[i] = arg;
    arg = back[i * k + arg] as number;
  }
  return path;
}

// Emission scores of the sequence being decoded, reused like Viterbi's scratch buffers.
let emissionScratch = new Float64Array(1024);

// Transition scores per tagger, built on its first decode (a tagger is never changed after).
const moves = new WeakMap<SequenceTagger, Float64Array>();

/**
 * Decode one sequence: return the best label index per position. `bias` (one value per label) is
 * added to every position's scores, to trade precision for recall without retraining.
 *
 * @example
 * const labels = decode(tagger, rows.view()); // [0, 1, 2, 0, ...]
 */
export function decode(tagger: SequenceTagger, rows: FeatureRows, bias?: readonly number[]): number[] {
  const k = tagger.labels.length;
  if (emissionScratch.length < rows.length * k) emissionScratch = new Float64Array(rows.length * k * 2);
  const emissions = tagger.codes ? scoreCodes(tagger.model, tagger.codes, rows, emissionScratch) : scoreRows(tagger.model, rows, emissionScratch);
  if (bias) for (let i = 0; i < rows.length; i++) for (let y = 0; y < k; y++) emissions[i * k + y] = (emissions[i * k + y] ?? 0) + (bias[y] ?? 0);
  let move = moves.get(tagger);
  if (!move) {
    move = moveScores(k, tagger.allowed, tagger.transitions);
    moves.set(tagger, move);
  }
  return viterbiMoves(k, move, emissions, rows.length);
}
