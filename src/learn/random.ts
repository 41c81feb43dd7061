/**
 * Seeded randomness for training: same seed, same shuffles, same model bytes on every machine.
 */

/**
 * A deterministic PRNG (mulberry32) returning floats in [0, 1).
 *
 * @example
 * const next = seededRandom(1); next(); // 0.6270739405881613 on every run
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Shuffle `items` in place (Fisher-Yates) with a seeded generator; returns `items`.
 *
 * @example
 * shuffleInPlace([0, 1, 2, 3], seededRandom(7));
 */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  }
  return items;
}
