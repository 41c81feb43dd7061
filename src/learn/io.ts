/**
 * Binary (de)serialisation of a {@link LinearModel}: only non-zero weight rows are stored, each
 * as its bucket id and its weights quantised to int16 with one global scale. A 2^18 x 4 model
 * with 40k live rows is ~0.5 MB instead of 4 MB of float32. Layout (little endian):
 *
 *   "NSLM" | u32 version=1 | u32 bits | u32 k | f32 scale | u32 rows | u32 labelBytes |
 *   labels as UTF-8 joined by "\n" (padded to 4 bytes) | f32 bias[k] | u32 ids[rows] | i16 w[rows*k]
 */
import { emptyModel, type LinearModel } from './linear.js';

const MAGIC = 0x4d4c534e; // "NSLM" read as a little-endian u32

/**
 * Encode a model into bytes.
 *
 * @example
 * fs.writeFileSync('models/relations.bin', encodeModel(model));
 */
export function encodeModel(model: LinearModel): Uint8Array {
  const k = model.labels.length;
  const n = 1 << model.bits;
  let max = 0;
  for (const v of model.weights) if (Math.abs(v) > max) max = Math.abs(v);
  const scale = max > 0 ? max / 32767 : 1;
  const live: number[] = [];
  for (let r = 0; r < n; r++) {
    for (let y = 0; y < k; y++) {
      if (Math.round((model.weights[r * k + y] ?? 0) / scale) !== 0) { live.push(r); break; }
    }
  }
  const labelBytes = new TextEncoder().encode(model.labels.join('\n'));
  const labelPadded = Math.ceil(labelBytes.length / 4) * 4;
  const size = 28 + labelPadded + 4 * k + 4 * live.length + 2 * live.length * k;
  const out = new Uint8Array(Math.ceil(size / 4) * 4);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const v of [MAGIC, 1, model.bits, k]) { view.setUint32(at, v, true); at += 4; }
  view.setFloat32(at, scale, true); at += 4;
  view.setUint32(at, live.length, true); at += 4;
  view.setUint32(at, labelBytes.length, true); at += 4;
  out.set(labelBytes, at); at += labelPadded;
  for (let y = 0; y < k; y++) { view.setFloat32(at, model.bias[y] ?? 0, true); at += 4; }
  for (const r of live) { view.setUint32(at, r, true); at += 4; }
  for (const r of live) {
    for (let y = 0; y < k; y++) { view.setInt16(at, Math.round((model.weights[r * k + y] ?? 0) / scale), true); at += 2; }
  }
  return out;
}

/**
 * Decode bytes written by {@link encodeModel}. Throws a TypeError naming what is wrong.
 *
 * @example
 * const model = decodeModel(fs.readFileSync('models/relations.bin'));
 */
export function decodeModel(bytes: Uint8Array, name = 'model'): LinearModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (why: string): never => { throw new TypeError(`narrascope: ${name} is not a linear model file (${why})`); };
  if (bytes.byteLength < 28 || view.getUint32(0, true) !== MAGIC) fail('bad magic number');
  if (view.getUint32(4, true) !== 1) fail(`unknown version ${view.getUint32(4, true)}`);
  const bits = view.getUint32(8, true);
  const k = view.getUint32(12, true);
  const scale = view.getFloat32(16, true);
  const rows = view.getUint32(20, true);
  const labelLength = view.getUint32(24, true);
  if (bits < 1 || bits > 28 || k < 2) fail(`bits ${bits}, labels ${k}`);
  let at = 28;
  const labels = new TextDecoder().decode(bytes.subarray(at, at + labelLength)).split('\n');
  if (labels.length !== k) fail(`${labels.length} label names for ${k} labels`);
  at += Math.ceil(labelLength / 4) * 4;
  if (bytes.byteLength < at + 4 * k + 4 * rows + 2 * rows * k) fail('truncated');
  const model = emptyModel(labels, bits);
  for (let y = 0; y < k; y++) { model.bias[y] = view.getFloat32(at, true); at += 4; }
  const ids = new Uint32Array(rows);
  for (let r = 0; r < rows; r++) { ids[r] = view.getUint32(at, true); at += 4; }
  for (const r of ids) {
    if (r >= 1 << bits) fail(`row ${r} outside 2^${bits}`);
    for (let y = 0; y < k; y++) { model.weights[r * k + y] = view.getInt16(at, true) * scale; at += 2; }
  }
  return model;
}

/** {@link encodeModel} as base64 text (for models embedded in JSON or source). */
export function encodeModelBase64(model: LinearModel): string {
  return Buffer.from(encodeModel(model)).toString('base64');
}

/** Inverse of {@link encodeModelBase64}. */
export function decodeModelBase64(text: string, name = 'model'): LinearModel {
  return decodeModel(new Uint8Array(Buffer.from(text, 'base64')), name);
}
