/**
 * Training of the averaged perceptron of detect-perceptron.ts (Collins 2002): decode each
 * sequence with the current weights, move weights toward the gold path where they differ, and
 * return the average of the weights over all updates (the "averaging trick" keeps it O(updates)).
 */
import { IntTable, WeightTable } from './detect-hash.js';
import { allowedMatrix, viterbi, type SequenceTagger, type TrainingSequence } from './detect-perceptron.js';

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
  const minCount = options.minCount ?? 2;
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
 * Average several taggers trained on the same labels (e.g. with different shuffle seeds): a
 * cheap ensemble that smooths the perceptron's dependence on example order.
 */
export function averageTaggers(taggers: readonly SequenceTagger[]): SequenceTagger {
  const first = taggers[0];
  if (!first) throw new TypeError('narrascope: averageTaggers needs at least one tagger');
  const k = first.labels.length;
  const sums = new Map<number, Float64Array>();
  for (const t of taggers) {
    for (const [key, w] of t.table.entries()) {
      let row = sums.get(key);
      if (!row) { row = new Float64Array(k); sums.set(key, row); }
      for (let y = 0; y < k; y++) row[y] = (row[y] ?? 0) + (w[y] ?? 0) / taggers.length;
    }
  }
  const table = new WeightTable(sums.size, k);
  for (const [key, row] of sums) table.set(key, row);
  const transitions = new Float32Array(first.transitions.length);
  for (const t of taggers) t.transitions.forEach((v, i) => { transitions[i] = (transitions[i] ?? 0) + v / taggers.length; });
  return { labels: first.labels, table, allowed: first.allowed, transitions };
}
