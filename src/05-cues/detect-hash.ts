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
