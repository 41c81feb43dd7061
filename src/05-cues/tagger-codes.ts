/**
 * The taggers' emission weights as the int16 codes the model file stores, read at scoring time.
 *
 * Why: scoring is random reads into the weight table (one row per feature, ~40 features per
 * token). As float32 the two tables take 1.5 and 2.5 MB, more than a core's 2 MB L2 cache on the
 * development machine; as int16 codes they take half, so more reads hit the cache. The file
 * format is unchanged (`src/learn/io.ts`): the codes are taken from the model bytes at load time.
 *
 * The scores are the same to the last bit: the loader stores `Math.fround(code * scale)` (a
 * float32 array element), and the scorer multiplies by exactly that value,
 * `Math.fround(code * scale)`, computed at read time.
 */
import type { FeatureRows, LinearModel } from '../learn/index.js';

/** A linear model's weights as int16 codes with one scale (weight = fround(code * scale)). */
export interface WeightCodes {
  /** Row-major [bucket][label], the same layout as `LinearModel.weights`. */
  readonly codes: Int16Array;
  /** The file's scale (a float32 value). */
  readonly scale: number;
}

/** Byte offset of the scale (f32) in `src/learn/io.ts`'s model format. */
const SCALE_AT = 16;

/**
 * The int16 codes of `model`, decoded from the model file bytes `bytes` it was loaded from, or
 * undefined when the float weights are not exactly `fround(code * scale)` (then the float
 * weights are scored instead: a model built in memory, or another format).
 *
 * @example
 * const codes = weightCodes(decodeModel(bytes), bytes);
 */
export function weightCodes(model: LinearModel, bytes: Uint8Array): WeightCodes | undefined {
  if (bytes.byteLength < SCALE_AT + 4) return undefined;
  const scale = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getFloat32(SCALE_AT, true);
  if (!(scale > 0) || !Number.isFinite(scale)) return undefined;
  const w = model.weights;
  const codes = new Int16Array(w.length);
  for (let j = 0; j < w.length; j++) {
    const value = w[j] as number;
    if (value === 0) continue;
    const code = Math.round(value / scale);
    if (code < -32768 || code > 32767 || Math.fround(code * scale) !== value) return undefined;
    codes[j] = code;
  }
  return { codes, scale };
}

/**
 * Scores of every row of `rows` at once, row-major `out[row * k + label]` with the bias included:
 * the same values as `scoreRows` of `src/learn` on the model the codes came from (same additions
 * in the same order, each weight the same float32 value).
 *
 * @example
 * const emissions = scoreCodes(model, codes, rows);
 */
export function scoreCodes(model: LinearModel, codes: WeightCodes, rows: FeatureRows, out = new Float64Array(rows.length * model.labels.length)): Float64Array {
  const k = model.labels.length;
  // The taggers' rows hold indicator features only: 1 * w is w, so skipping the values gives the
  // same sums bit for bit, without a load and a multiply per label and feature.
  if (k === 3) return rows.indicators ? scoreCodes3Ones(model.bias, codes, rows, out) : scoreCodes3(model.bias, codes, rows, out);
  if (k === 5) return rows.indicators ? scoreCodes5Ones(model.bias, codes, rows, out) : scoreCodes5(model.bias, codes, rows, out);
  const { codes: q, scale } = codes;
  const { ids, values, offsets } = rows;
  for (let i = 0; i < rows.length; i++) {
    const o = i * k;
    for (let y = 0; y < k; y++) out[o + y] = model.bias[y] ?? 0;
    const to = offsets[i + 1] as number;
    for (let j = offsets[i] as number; j < to; j++) {
      const at = (ids[j] as number) * k;
      const v = values[j] as number;
      for (let y = 0; y < k; y++) out[o + y] = (out[o + y] as number) + v * Math.fround((q[at + y] as number) * scale);
    }
  }
  return out;
}

function scoreCodes3(b: Float32Array, codes: WeightCodes, rows: FeatureRows, out: Float64Array): Float64Array {
  const { codes: q, scale } = codes;
  const { ids, values, offsets } = rows;
  for (let i = 0; i < rows.length; i++) {
    let s0 = b[0] as number, s1 = b[1] as number, s2 = b[2] as number;
    const to = offsets[i + 1] as number;
    for (let j = offsets[i] as number; j < to; j++) {
      const at = (ids[j] as number) * 3;
      const v = values[j] as number;
      s0 += v * Math.fround((q[at] as number) * scale);
      s1 += v * Math.fround((q[at + 1] as number) * scale);
      s2 += v * Math.fround((q[at + 2] as number) * scale);
    }
    const o = i * 3;
    out[o] = s0; out[o + 1] = s1; out[o + 2] = s2;
  }
  return out;
}

function scoreCodes5(b: Float32Array, codes: WeightCodes, rows: FeatureRows, out: Float64Array): Float64Array {
  const { codes: q, scale } = codes;
  const { ids, values, offsets } = rows;
  for (let i = 0; i < rows.length; i++) {
    let s0 = b[0] as number, s1 = b[1] as number, s2 = b[2] as number, s3 = b[3] as number, s4 = b[4] as number;
    const to = offsets[i + 1] as number;
    for (let j = offsets[i] as number; j < to; j++) {
      const at = (ids[j] as number) * 5;
      const v = values[j] as number;
      s0 += v * Math.fround((q[at] as number) * scale);
      s1 += v * Math.fround((q[at + 1] as number) * scale);
      s2 += v * Math.fround((q[at + 2] as number) * scale);
      s3 += v * Math.fround((q[at + 3] as number) * scale);
      s4 += v * Math.fround((q[at + 4] as number) * scale);
    }
    const o = i * 5;
    out[o] = s0; out[o + 1] = s1; out[o + 2] = s2; out[o + 3] = s3; out[o + 4] = s4;
  }
  return out;
}

function scoreCodes3Ones(b: Float32Array, codes: WeightCodes, rows: FeatureRows, out: Float64Array): Float64Array {
  const { codes: q, scale } = codes;
  const { ids, offsets } = rows;
  for (let i = 0; i < rows.length; i++) {
    let s0 = b[0] as number, s1 = b[1] as number, s2 = b[2] as number;
    const to = offsets[i + 1] as number;
    for (let j = offsets[i] as number; j < to; j++) {
      const at = (ids[j] as number) * 3;
      s0 += Math.fround((q[at] as number) * scale);
      s1 += Math.fround((q[at + 1] as number) * scale);
      s2 += Math.fround((q[at + 2] as number) * scale);
    }
    const o = i * 3;
    out[o] = s0; out[o + 1] = s1; out[o + 2] = s2;
  }
  return out;
}

function scoreCodes5Ones(b: Float32Array, codes: WeightCodes, rows: FeatureRows, out: Float64Array): Float64Array {
  const { codes: q, scale } = codes;
  const { ids, offsets } = rows;
  for (let i = 0; i < rows.length; i++) {
    let s0 = b[0] as number, s1 = b[1] as number, s2 = b[2] as number, s3 = b[3] as number, s4 = b[4] as number;
    const to = offsets[i + 1] as number;
    for (let j = offsets[i] as number; j < to; j++) {
      const at = (ids[j] as number) * 5;
      s0 += Math.fround((q[at] as number) * scale);
      s1 += Math.fround((q[at + 1] as number) * scale);
      s2 += Math.fround((q[at + 2] as number) * scale);
      s3 += Math.fround((q[at + 3] as number) * scale);
      s4 += Math.fround((q[at + 4] as number) * scale);
    }
    const o = i * 5;
    out[o] = s0; out[o + 1] = s1; out[o + 2] = s2; out[o + 3] = s3; out[o + 4] = s4;
  }
  return out;
}
