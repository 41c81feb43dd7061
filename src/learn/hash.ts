/**
 * Feature hashing ("the hashing trick"): a feature is a 32-bit hash mixed from small integers
 * (a template id, a hashed word, a POS id ...), and its weight row is `hash & (2^bits - 1)`.
 * No string keys and no hash-table probes on the scoring path: a feature id indexes a dense
 * Float32Array directly. Collisions among ~10^5 live features in 2^18..2^20 buckets cost a
 * linear model little (Weinberger et al. 2009), and the scoring loop stays in cache-friendly
 * typed arrays.
 */

/**
 * FNV-1a hash of a string (UTF-16 code units), never 0.
 *
 * @example
 * hashString('said'); // the same int32 on every machine and run
 */
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
 * Identical to the mixer of the cue tagger (`05-cues/detect-hash.ts`), so hashes stay stable
 * when that tagger moves onto this module.
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

/**
 * The bucket (weight row) of a feature hash in a space of `2^bits` rows.
 *
 * @example
 * bucket(mix(3, hashString('say')), 18); // 0 .. 262143
 */
export function bucket(hash: number, bits: number): number {
  // Fold the high half in so that small `bits` still see every input bit.
  return (hash ^ (hash >>> bits)) & ((1 << bits) - 1);
}
