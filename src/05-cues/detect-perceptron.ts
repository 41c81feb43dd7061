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

import { IntTable, WeightTable } from './detect-hash.js';

/** A trained tagger, ready to decode. Plain data: see {@link serializeTagger}. */
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

/** Options of {@link trainTagger}. */
export interface TrainOptions {
  /** @default 8 */
  readonly epochs?: number;
  /** Features seen fewer times than this in training are dropped. @default 2 */
  readonly minCount?: number;
  /** Seed of the deterministic shuffle between epochs. @default 1 */
  readonly seed?: number;
  /** Called after each epoch with the share of tokens tagged correctly during that epoch. */
  readonly onEpoch?: (epoch: number, accuracy: number) => void;
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

/** allowed[(from + 1) * k + to]: moving from label `from` (-1: start) to `to` keeps BIO well formed. */
function allowedMatrix(labels: readonly string[]): Uint8Array {
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

/** Viterbi over precomputed emission scores (positions x labels). */
function viterbi(k: number, allowed: Uint8Array, transitions: Float32Array, emissions: Float64Array, n: number): number[] {
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

/** Emission scores of one sequence given its feature row ids (-1 = unknown feature). */
function emissionsOf(ids: ArrayLike<number>, offsets: ArrayLike<number>, n: number, weights: Float32Array | Float64Array, k: number): Float64Array {
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const to = offsets[i + 1] ?? 0;
    for (let j = offsets[i] ?? 0; j < to; j++) {
      const f = ids[j] ?? -1;
      if (f < 0) continue;
      for (let y = 0; y < k; y++) out[i * k + y] = (out[i * k + y] ?? 0) + (weights[f * k + y] ?? 0);
    }
  }
  return out;
}

/** Replace each feature hash by its row id (-1 when unknown). */
function lookup(table: IntTable, features: ArrayLike<number>): Int32Array {
  const ids = new Int32Array(features.length);
  for (let j = 0; j < features.length; j++) ids[j] = table.get(features[j] ?? 0);
  return ids;
}

/**
 * Decode one sequence: return the best label index per position.
 *
 * @example
 * const labels = decode(tagger, rows); // [0, 1, 2, 0, ...]
 */
export function decode(tagger: SequenceTagger, rows: FeatureRows): number[] {
  const n = rows.offsets.length - 1;
  const k = tagger.labels.length;
  const emissions = new Float64Array(n * k);
  const { features, offsets } = rows;
  for (let i = 0; i < n; i++) {
    const to = offsets[i + 1] ?? 0;
    for (let j = offsets[i] ?? 0; j < to; j++) tagger.table.addTo(features[j] ?? 0, emissions, i * k);
  }
  return viterbi(k, tagger.allowed, tagger.transitions, emissions, n);
}

/** Deterministic PRNG (mulberry32) so training runs are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Train an averaged perceptron on labelled sequences. Deterministic for a given seed.
 *
 * @example
 * const tagger = trainTagger(['O', 'B-cue', 'I-cue'], sequences, { epochs: 8 });
 */
export function trainTagger(labels: readonly string[], data: readonly TrainingSequence[], options: TrainOptions = {}): SequenceTagger {
  const epochs = options.epochs ?? 8;
  const minCount = options.minCount ?? Number(process.env["NS_MINCOUNT"] ?? 2);
  const k = labels.length;
  const counts = new Map<number, number>();
  for (const seq of data) for (let j = 0; j < seq.features.length; j++) {
    const f = seq.features[j] ?? 0;
    counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const hashes: number[] = [];
  for (const [f, c] of counts) if (c >= minCount) hashes.push(f);
  const featureIds = new IntTable(hashes.length);
  hashes.forEach((f, i) => featureIds.set(f, i));
  const encoded = data.map((seq) => lookup(featureIds, seq.features));
  const allowed = allowedMatrix(labels);
  const nf = hashes.length;
  // w: current weights; acc: sum of (time of update * delta), for the averaging trick.
  const w = new Float64Array(nf * k);
  const acc = new Float64Array(nf * k);
  const tw = new Float64Array((k + 1) * k);
  const tacc = new Float64Array((k + 1) * k);
  let time = 1;
  const random = rng(options.seed ?? 1);
  const order = data.map((_, i) => i);
  const tw32 = new Float32Array(tw.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    let correct = 0;
    let total = 0;
    for (const s of order) {
      const ids = encoded[s] ?? new Int32Array(0);
      const seq = data[s];
      if (!seq) continue;
      const gold = seq.labels;
      const n = seq.offsets.length - 1;
      tw32.set(tw);
      const pred = viterbi(k, allowed, tw32, emissionsOf(ids, seq.offsets, n, w, k), n);
      for (let i = 0; i < n; i++) {
        const g = gold[i] ?? 0;
        const p = pred[i] ?? 0;
        total++;
        const gPrev = i === 0 ? -1 : (gold[i - 1] ?? 0);
        const pPrev = i === 0 ? -1 : (pred[i - 1] ?? 0);
        if (g === p && gPrev === pPrev) { correct += g === p ? 1 : 0; continue; }
        if (g === p) correct++;
        if (g !== p) {
          for (let j = seq.offsets[i] ?? 0; j < (seq.offsets[i + 1] ?? 0); j++) {
            const f = ids[j] ?? -1;
            if (f < 0) continue;
            w[f * k + g] = (w[f * k + g] ?? 0) + 1; acc[f * k + g] = (acc[f * k + g] ?? 0) + time;
            w[f * k + p] = (w[f * k + p] ?? 0) - 1; acc[f * k + p] = (acc[f * k + p] ?? 0) - time;
          }
        }
        const gi = (gPrev + 1) * k + g;
        const pi = (pPrev + 1) * k + p;
        tw[gi] = (tw[gi] ?? 0) + 1; tacc[gi] = (tacc[gi] ?? 0) + time;
        tw[pi] = (tw[pi] ?? 0) - 1; tacc[pi] = (tacc[pi] ?? 0) - time;
      }
      time++;
    }
    options.onEpoch?.(epoch + 1, total ? correct / total : 1);
  }
  const table = new WeightTable(nf, k);
  const row = new Float64Array(k);
  hashes.forEach((f, id) => {
    for (let y = 0; y < k; y++) row[y] = (w[id * k + y] ?? 0) - (acc[id * k + y] ?? 0) / time;
    table.set(f, row);
  });
  const transitions = new Float32Array(tw.length);
  for (let i = 0; i < transitions.length; i++) transitions[i] = (tw[i] ?? 0) - (tacc[i] ?? 0) / time;
  return { labels: [...labels], table, allowed, transitions };
}

/**
 * Turn a tagger into compact JSON: features whose weights all round to zero are dropped and
 * weights are quantised to integers (a few MB for ~100k features).
 */
export function serializeTagger(tagger: SequenceTagger, precision = 1000): SerializedTagger {
  const k = tagger.labels.length;
  let max = 0;
  for (const [, row] of tagger.table.entries()) for (const v of row) max = Math.max(max, Math.abs(v));
  for (const v of tagger.transitions) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / (precision * 30) : 1;
  const features: number[] = [];
  const weights: number[] = [];
  for (const [f, weightsOf] of tagger.table.entries()) {
    const row: number[] = [];
    for (let y = 0; y < k; y++) row.push(Math.round((weightsOf[y] ?? 0) / scale));
    if (row.every((v) => v === 0)) continue;
    features.push(f);
    weights.push(...row);
  }
  const transitions = [...tagger.transitions].map((v) => Math.round(v / scale));
  return { labels: [...tagger.labels], features, weights, transitions, scale };
}

/** Inverse of {@link serializeTagger}. Throws a TypeError when the JSON is not a tagger. */
export function deserializeTagger(data: SerializedTagger): SequenceTagger {
  const k = data.labels.length;
  if (k === 0 || data.weights.length !== data.features.length * k || data.transitions.length !== (k + 1) * k) {
    throw new TypeError('narrascope: tagger model is malformed (labels, features, weights or transitions do not agree)');
  }
  const table = new WeightTable(data.features.length, k);
  const row = new Float64Array(k);
  data.features.forEach((f, i) => {
    for (let y = 0; y < k; y++) row[y] = (data.weights[i * k + y] ?? 0) * data.scale;
    table.set(f, row);
  });
  return {
    labels: [...data.labels],
    table,
    allowed: allowedMatrix(data.labels),
    transitions: Float32Array.from(data.transitions, (v) => v * data.scale),
  };
}
