/**
 * Averaged perceptron weights (Collins 2002) with the lazy "averaging trick": each update also
 * adds `t * delta` to an accumulator, so the average over all steps is `w - acc / t` at the end,
 * O(updates) instead of O(steps x weights). Usable for plain multiclass classification
 * ({@link trainPerceptron}) and by sequence taggers that decode with their own Viterbi and call
 * {@link AveragedWeights.update} on the features where gold and predicted paths differ.
 */
import { argmax, emptyModel, scoreRow, type LinearModel } from './linear.js';
import { seededRandom, shuffleInPlace } from './random.js';
import type { FeatureRows } from './rows.js';

/** Perceptron weights being trained, with their running average. */
export class AveragedWeights {
  /** The current (not averaged) model; score with it during training. */
  readonly current: LinearModel;
  private readonly accWeights: Float64Array;
  private readonly accBias: Float64Array;
  /** The step counter; call {@link tick} once per training example. */
  step = 1;

  /** Zero weights for `labels` in 2^bits buckets. */
  constructor(labels: readonly string[], bits: number) {
    this.current = emptyModel(labels, bits);
    this.accWeights = new Float64Array(this.current.weights.length);
    this.accBias = new Float64Array(labels.length);
  }

  /** Advance the step counter (once per example or sequence). */
  tick(): void {
    this.step++;
  }

  /** Add `delta * value` to the weight of each feature of row `row` for `label`. */
  update(rows: FeatureRows, row: number, label: number, delta: number): void {
    const k = this.current.labels.length;
    const to = rows.offsets[row + 1] ?? 0;
    for (let j = rows.offsets[row] ?? 0; j < to; j++) {
      const at = (rows.ids[j] ?? 0) * k + label;
      const d = delta * (rows.values[j] ?? 0);
      this.current.weights[at] = (this.current.weights[at] ?? 0) + d;
      this.accWeights[at] = (this.accWeights[at] ?? 0) + this.step * d;
    }
    this.updateBias(label, delta);
  }

  /** Add `delta` to the bias of `label` (e.g. a transition weight kept as a bias). */
  updateBias(label: number, delta: number): void {
    this.current.bias[label] = (this.current.bias[label] ?? 0) + delta;
    this.accBias[label] = (this.accBias[label] ?? 0) + this.step * delta;
  }

  /** The averaged model (a new object; training may go on). */
  averaged(): LinearModel {
    const out = emptyModel(this.current.labels, this.current.bits);
    for (let i = 0; i < out.weights.length; i++) out.weights[i] = (this.current.weights[i] ?? 0) - (this.accWeights[i] ?? 0) / this.step;
    for (let y = 0; y < out.bias.length; y++) out.bias[y] = (this.current.bias[y] ?? 0) - (this.accBias[y] ?? 0) / this.step;
    return out;
  }
}

/** Options of {@link trainPerceptron}. */
export interface PerceptronOptions {
  /** Passes over the data. @default 10 */
  readonly epochs?: number;
  /** Seed of the shuffle before each epoch. @default 1 */
  readonly seed?: number;
  /** Called after each epoch with the share of examples predicted right during it. */
  readonly onEpoch?: (epoch: number, accuracy: number) => void;
}

/**
 * Train a multiclass averaged perceptron on rows with gold label indices. Deterministic.
 *
 * @example
 * const model = trainPerceptron(['yes', 'no'], rows, Int32Array.of(0, 1, 1), 18, { epochs: 5 });
 */
export function trainPerceptron(labels: readonly string[], rows: FeatureRows, gold: ArrayLike<number>, bits: number, options: PerceptronOptions = {}): LinearModel {
  const { epochs = 10, seed = 1, onEpoch } = options;
  const weights = new AveragedWeights(labels, bits);
  const order = Array.from({ length: rows.length }, (_, i) => i);
  const random = seededRandom(seed);
  const scores = new Float64Array(labels.length);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(order, random);
    let right = 0;
    for (const i of order) {
      const y = gold[i] ?? 0;
      const guess = argmax(scoreRow(weights.current, rows, i, scores));
      if (guess === y) right++;
      else {
        weights.update(rows, i, y, 1);
        weights.update(rows, i, guess, -1);
      }
      weights.tick();
    }
    onEpoch?.(epoch, rows.length ? right / rows.length : 1);
  }
  return weights.averaged();
}
