/**
 * Multinomial logistic regression over hashed features, trained by AdaGrad SGD with L2
 * regularisation and optional per-class weights (e.g. to lift a rare class such as FNC-1's
 * `disagree`). Gives calibrated-ish probabilities, which the perceptron does not.
 */
import { emptyModel, softmaxInPlace, scoreRow, type LinearModel } from './linear.js';
import { seededRandom, shuffleInPlace } from './random.js';
import type { FeatureRows } from './rows.js';

/** Options of {@link trainLogistic}. */
export interface LogisticOptions {
  /** Passes over the data. @default 10 */
  readonly epochs?: number;
  /** AdaGrad base learning rate. @default 0.1 */
  readonly learningRate?: number;
  /** L2 penalty per example on the weights an example touches. @default 1e-6 */
  readonly l2?: number;
  /** Loss weight per label index (missing: 1). @example [1, 4, 1, 1] */
  readonly classWeights?: readonly number[];
  /** Loss weight per row, multiplied with its class weight (missing: 1), e.g. so that every
   * group of rows (an event) weighs the same whatever its size. */
  readonly rowWeights?: ArrayLike<number>;
  /** Seed of the shuffle before each epoch. @default 1 */
  readonly seed?: number;
  /** Called after each epoch with the mean (weighted) log loss of that epoch. */
  readonly onEpoch?: (epoch: number, logLoss: number) => void;
}

/**
 * Train multinomial logistic regression on rows with gold label indices. Deterministic for a
 * given seed.
 *
 * @example
 * const model = trainLogistic(['agree', 'disagree'], rows, Int32Array.of(0, 1), 18, { epochs: 8 });
 */
export function trainLogistic(labels: readonly string[], rows: FeatureRows, gold: ArrayLike<number>, bits: number, options: LogisticOptions = {}): LinearModel {
  const { epochs = 10, learningRate = 0.1, l2 = 1e-6, classWeights = [], rowWeights, seed = 1, onEpoch } = options;
  const k = labels.length;
  const model = emptyModel(labels, bits);
  const w = model.weights;
  const squares = new Float32Array(w.length);
  const biasSquares = new Float64Array(k);
  const order = Array.from({ length: rows.length }, (_, i) => i);
  const random = seededRandom(seed);
  const p = new Float64Array(k);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(order, random);
    let loss = 0;
    let mass = 0;
    for (const i of order) {
      const y = gold[i] ?? 0;
      const weight = (classWeights[y] ?? 1) * (rowWeights?.[i] ?? 1);
      softmaxInPlace(scoreRow(model, rows, i, p));
      loss -= weight * Math.log(Math.max(p[y] ?? 0, 1e-12));
      mass += weight;
      for (let c = 0; c < k; c++) {
        const g = weight * ((p[c] ?? 0) - (c === y ? 1 : 0));
        if (g === 0) continue;
        biasSquares[c] = (biasSquares[c] ?? 0) + g * g;
        model.bias[c] = (model.bias[c] ?? 0) - (learningRate * g) / Math.sqrt(biasSquares[c] ?? 1);
        const to = rows.offsets[i + 1] ?? 0;
        for (let j = rows.offsets[i] ?? 0; j < to; j++) {
          const at = (rows.ids[j] ?? 0) * k + c;
          const gj = g * (rows.values[j] ?? 0) + l2 * (w[at] ?? 0);
          const s = (squares[at] ?? 0) + gj * gj;
          squares[at] = s;
          if (s > 0) w[at] = (w[at] ?? 0) - (learningRate * gj) / Math.sqrt(s);
        }
      }
    }
    onEpoch?.(epoch, mass ? loss / mass : 0);
  }
  return model;
}
