/**
 * Sparse feature rows in flat typed arrays: row i holds the bucket ids
 * `ids[offsets[i]] .. ids[offsets[i + 1] - 1]` with their values (1 for binary features).
 * One growing buffer, no per-feature objects.
 */
import { bucket } from './hash.js';

/** A batch of sparse rows (examples or sequence positions). */
export interface FeatureRows {
  /** Bucket ids, already reduced with {@link bucket}. */
  readonly ids: Int32Array;
  /** One value per id (1 for an indicator feature). */
  readonly values: Float32Array;
  /** n + 1 offsets for n rows. */
  readonly offsets: Int32Array;
  /** Number of rows. */
  readonly length: number;
  /** True when every value is 1 (indicator features only), so a scorer may skip the values. */
  readonly indicators?: boolean;
}

/**
 * Collects sparse rows feature by feature, in reusable growing buffers.
 *
 * @example
 * const rows = new RowBuilder(18);
 * rows.add(mix(1, hashString('deny'))); rows.addValue(mix(2), 0.73); rows.next();
 * const batch = rows.build();
 */
export class RowBuilder {
  private ids = new Int32Array(1024);
  private values = new Float32Array(1024);
  private ends = new Int32Array(64);
  private used = 0;
  private rows = 0;
  // Features added with a value (addValue) since the last reset: none means all values are 1.
  private valued = 0;
  /** Rows live in a space of 2^bits buckets. */
  constructor(readonly bits: number) {
    if (!Number.isInteger(bits) || bits < 1 || bits > 28) throw new TypeError(`narrascope: bits must be an integer in 1..28, got ${bits}`);
  }

  /**
   * Add an indicator feature (value 1) to the current row. The taggers add ~40 per token, so
   * this is {@link addValue} without its value checks, small enough for V8 to inline.
   */
  add(hash: number): void {
    if (this.used === this.ids.length) this.grow();
    this.ids[this.used] = bucket(hash, this.bits);
    this.values[this.used++] = 1;
  }

  /**
   * Add the indicator feature `mix(template, a, b, c)` (see `hash.ts`; the same hash, bit for
   * bit) to the current row: one call per feature instead of two. Why: `mix` is ~190 bytes of
   * bytecode, so a feature function with dozens of `add(mix(...))` sites spends V8's inlining
   * budget after a few and calls the rest; here the hash, the bucket and the stores are one body.
   */
  addMix(template: number, a: number, b: number, c: number): void {
    let h = Math.imul(template + 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ a ^ (h >>> 13), 0xc2b2ae35);
    h = Math.imul(h ^ b ^ (h >>> 16), 0x27d4eb2f);
    h = Math.imul(h ^ c ^ (h >>> 15), 0x165667b1);
    h ^= h >>> 16;
    h = h | 0 || 1;
    if (this.used === this.ids.length) this.grow();
    this.ids[this.used] = (h ^ (h >>> this.bits)) & ((1 << this.bits) - 1);
    this.values[this.used++] = 1;
  }

  /** Add a real-valued feature to the current row (a zero value is skipped). */
  addValue(hash: number, value: number): void {
    if (value === 0 || !Number.isFinite(value)) return;
    if (value !== 1) this.valued++;
    if (this.used === this.ids.length) this.grow();
    this.ids[this.used] = bucket(hash, this.bits);
    this.values[this.used++] = value;
  }

  /** Double the feature buffers. */
  private grow(): void {
    const ids = new Int32Array(this.ids.length * 2);
    ids.set(this.ids);
    this.ids = ids;
    const values = new Float32Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
  }

  /** Close the current row. */
  next(): void {
    if (this.rows + 2 > this.ends.length) {
      const ends = new Int32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.ends[++this.rows] = this.used;
  }

  /** Forget all rows, keeping the buffers. */
  reset(): void {
    this.used = 0;
    this.rows = 0;
    this.valued = 0;
  }

  /** Number of closed rows. */
  get length(): number {
    return this.rows;
  }

  /** The closed rows as views on the buffers (valid until the next add or reset). */
  view(): FeatureRows {
    return { ids: this.ids.subarray(0, this.used), values: this.values.subarray(0, this.used), offsets: this.ends.subarray(0, this.rows + 1), length: this.rows, indicators: this.valued === 0 };
  }

  /** The closed rows as copies (kept after reset). */
  build(): FeatureRows {
    return { ids: this.ids.slice(0, this.used), values: this.values.slice(0, this.used), offsets: this.ends.slice(0, this.rows + 1), length: this.rows, indicators: this.valued === 0 };
  }
}
