/**
 * JSON (de)serialisation of the taggers of detect-perceptron.ts, with integer-quantised weights.
 */
import { WeightTable } from './detect-hash.js';
import { allowedMatrix, type SequenceTagger, type SerializedTagger } from './detect-perceptron.js';

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

