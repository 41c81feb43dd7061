/**
 * Training of the sequence taggers of detect-perceptron.ts (Collins 2002): decode each sequence
 * with the current weights, move weights toward the gold path where they differ, and return the
 * average of the weights over all updates. Emission weights and their running average are the
 * shared learning module's `AveragedWeights`; the (k + 1) x k transition weights are averaged
 * here the same way.
 */
import { AveragedWeights, emptyModel, scoreRows, seededRandom, shuffleInPlace, type FeatureRows } from '../learn/index.js';
import { allowedMatrix, TAGGER_BITS, viterbi, type SequenceTagger, type TrainingSequence } from './detect-perceptron.js';

/** Options of {@link trainTagger}. */
export interface TrainOptions {
  /** @default 8 */
  readonly epochs?: number;
  /**
   * Feature buckets seen fewer times than this in training get no weight (they stay 0), which
   * keeps the model file small and rare features from learning noise. @default 2
   */
  readonly minCount?: number;
  /** Seed of the deterministic shuffle between epochs. @default 1 */
  readonly seed?: number;
  /** Feature space of the rows (they must have been built with it). @default TAGGER_BITS */
  readonly bits?: number;
  /** Called after each epoch with the share of tokens tagged correctly during that epoch. */
  readonly onEpoch?: (epoch: number, accuracy: number) => void;
}

/** The rows without the buckets that are not `live` (a copy). */
function keepLive(rows: FeatureRows, live: Uint8Array): FeatureRows {
  const ids: number[] = [];
  const values: number[] = [];
  const offsets = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) {
    for (let j = rows.offsets[i] ?? 0; j < (rows.offsets[i + 1] ?? 0); j++) {
      const id = rows.ids[j] ?? 0;
      if (!live[id]) continue;
      ids.push(id);
      values.push(rows.values[j] ?? 0);
    }
    offsets[i + 1] = ids.length;
  }
  return { ids: Int32Array.from(ids), values: Float32Array.from(values), offsets, length: rows.length };
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
  const bits = options.bits ?? TAGGER_BITS;
  const k = labels.length;
  const counts = new Uint32Array(1 << bits);
  for (const seq of data) for (let j = 0; j < seq.rows.ids.length; j++) { const id = seq.rows.ids[j] ?? 0; counts[id] = (counts[id] ?? 0) + 1; }
  const live = Uint8Array.from(counts, (c) => (c >= minCount ? 1 : 0));
  const rows = data.map((seq) => keepLive(seq.rows, live));
  const allowed = allowedMatrix(labels);
  const weights = new AveragedWeights(labels, bits);
  // Transition weights and their running sums (time of update * delta), for the averaging trick.
  const tw = new Float64Array((k + 1) * k);
  const tacc = new Float64Array((k + 1) * k);
  const tw32 = new Float32Array(tw.length);
  const random = seededRandom(options.seed ?? 1);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    let correct = 0;
    let total = 0;
    for (const s of order) {
      const seqRows = rows[s];
      const gold = data[s]?.labels;
      if (!seqRows || !gold) continue;
      const n = seqRows.length;
      tw32.set(tw);
      const pred = viterbi(k, allowed, tw32, scoreRows(weights.current, seqRows), n);
      for (let i = 0; i < n; i++) {
        const g = gold[i] ?? 0;
        const p = pred[i] ?? 0;
        total++;
        if (g === p) correct++;
        const gPrev = i === 0 ? -1 : (gold[i - 1] ?? 0);
        const pPrev = i === 0 ? -1 : (pred[i - 1] ?? 0);
        if (g === p && gPrev === pPrev) continue;
        if (g !== p) {
          weights.update(seqRows, i, g, 1);
          weights.update(seqRows, i, p, -1);
        }
        const gi = (gPrev + 1) * k + g;
        const pi = (pPrev + 1) * k + p;
        tw[gi] = (tw[gi] ?? 0) + 1; tacc[gi] = (tacc[gi] ?? 0) + weights.step;
        tw[pi] = (tw[pi] ?? 0) - 1; tacc[pi] = (tacc[pi] ?? 0) - weights.step;
      }
      weights.tick();
    }
    options.onEpoch?.(epoch + 1, total ? correct / total : 1);
  }
  const transitions = new Float32Array(tw.length);
  for (let i = 0; i < transitions.length; i++) transitions[i] = (tw[i] ?? 0) - (tacc[i] ?? 0) / weights.step;
  return { labels: [...labels], model: weights.averaged(), allowed, transitions };
}

/**
 * Average several taggers trained on the same labels and feature space (e.g. with different
 * shuffle seeds): a cheap ensemble that smooths the perceptron's dependence on example order.
 */
export function averageTaggers(taggers: readonly SequenceTagger[]): SequenceTagger {
  const first = taggers[0];
  if (!first) throw new TypeError('narrascope: averageTaggers needs at least one tagger');
  const model = emptyModel(first.labels, first.model.bits);
  const transitions = new Float32Array(first.transitions.length);
  for (const t of taggers) {
    if (t.model.bits !== first.model.bits) throw new TypeError('narrascope: averageTaggers needs taggers of one feature space');
    t.model.weights.forEach((v, i) => { model.weights[i] = (model.weights[i] ?? 0) + v / taggers.length; });
    t.model.bias.forEach((v, i) => { model.bias[i] = (model.bias[i] ?? 0) + v / taggers.length; });
    t.transitions.forEach((v, i) => { transitions[i] = (transitions[i] ?? 0) + v / taggers.length; });
  }
  return { labels: first.labels, model, allowed: first.allowed, transitions };
}
