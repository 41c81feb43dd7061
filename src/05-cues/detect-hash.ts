/**
 * Integer feature hashing. Building ~30 feature strings per token per tagger cost more than all
 * of wink's segmentation, so features are 32-bit hashes mixed from per-token integers instead
 * (template id, hashed lemma, POS id ...). Collisions among ~10^5 features in 2^32 are rare and
 * harmless for a linear model.
 */

/** FNV-1a hash of a string, never 0. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0 || 1;
}

/**
 * Mix a feature template id with up to three integer values into one feature hash, never 0.
 *
 * @example
 * mix(3, hashString('say')); // the feature "lemma = say"
 */
export function mix(template: number, a = 0, b = 0, c = 0): number {
  let h = Math.imul(template + 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ a ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ b ^ (h >>> 16), 0x27d4eb2f);
  h = Math.imul(h ^ c ^ (h >>> 15), 0x165667b1);
  h ^= h >>> 16;
  return h | 0 || 1;
}

/** An open-addressing hash table from non-zero int32 keys to row indices. */
export class IntTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  /** Number of keys stored. */
  size = 0;

  /** A table for up to `capacity` keys (kept at most half full). */
  constructor(capacity: number) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Int32Array(n);
    this.values = new Int32Array(n);
    this.mask = n - 1;
  }

  /** The row of `key`, or -1. */
  get(key: number): number {
    let i = (key ^ (key >>> 16)) & this.mask;
    for (;;) {
      const k = this.keys[i] ?? 0;
      if (k === key) return this.values[i] ?? -1;
      if (k === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** Store `key -> value` (overwrites). */
  set(key: number, value: number): void {
    let i = (key ^ (key >>> 16)) & this.mask;
    for (;;) {
      const k = this.keys[i] ?? 0;
      if (k === key) { this.values[i] = value; return; }
      if (k === 0) { this.keys[i] = key; this.values[i] = value; this.size++; return; }
      i = (i + 1) & this.mask;
    }
  }
}

/**
 * Feature hash -> weight row. Keys sit in their own compact array at a low load factor (<= 0.4),
 * so the frequent misses (features never seen in training) cost one or two probes in cache, and
 * only hits read the weights, stored at the same slot. Decoding is bound by these memory reads.
 */
export class WeightTable {
  /** Number of labels (weights per row). */
  readonly k: number;
  private readonly keys: Int32Array;
  private readonly weights: Float32Array;
  private readonly mask: number;
  /** Number of rows stored. */
  size = 0;

  /** A table for up to `capacity` rows of `k` weights. */
  constructor(capacity: number, k: number) {
    let n = 16;
    while (n * 0.4 < capacity) n *= 2;
    this.k = k;
    this.keys = new Int32Array(n);
    this.weights = new Float32Array(n * k);
    this.mask = n - 1;
  }

  private find(key: number): number {
    let i = (key ^ (key >>> 15)) & this.mask;
    for (;;) {
      const k = this.keys[i] ?? 0;
      if (k === key || k === 0) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** Store the weights of `key` (overwrites). */
  set(key: number, weights: ArrayLike<number>): void {
    const i = this.find(key);
    if (this.keys[i] === 0) this.size++;
    this.keys[i] = key;
    for (let y = 0; y < this.k; y++) this.weights[i * this.k + y] = weights[y] ?? 0;
  }

  /** Add the weights of `key`, if known, to `out[offset .. offset + k - 1]`. */
  addTo(key: number, out: Float64Array, offset: number): void {
    const i = this.find(key);
    if (this.keys[i] !== key) return;
    const at = i * this.k;
    for (let y = 0; y < this.k; y++) out[offset + y] = (out[offset + y] ?? 0) + (this.weights[at + y] ?? 0);
  }

  /** Every stored row as [key, weights], in slot order. */
  *entries(): Generator<[number, Float32Array]> {
    for (let i = 0; i < this.keys.length; i++) {
      const key = this.keys[i] ?? 0;
      if (key !== 0) yield [key, this.weights.subarray(i * this.k, (i + 1) * this.k)];
    }
  }
}
