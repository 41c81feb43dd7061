/**
 * Divergence maths: Jensen-Shannon divergence of count vectors and the pair score of two outlets.
 */

/**
 * Jensen-Shannon divergence (base 2, so in [0, 1]) of two count vectors over the same keys,
 * rounded to three decimals. Two empty vectors are identical (0); one empty vector is maximally
 * far (1).
 * @example jensenShannon(new Map([['x', 1]]), new Map([['y', 1]])) // 1
 */
export function jensenShannon(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const totalA = sum(a);
  const totalB = sum(b);
  if (totalA === 0 || totalB === 0) return totalA === totalB ? 0 : 1;
  const keys = new Set([...a.keys(), ...b.keys()]);
  let divergence = 0;
  for (const key of keys) {
    const p = (a.get(key) ?? 0) / totalA;
    const q = (b.get(key) ?? 0) / totalB;
    const m = (p + q) / 2;
    if (p > 0) divergence += 0.5 * p * Math.log2(p / m);
    if (q > 0) divergence += 0.5 * q * Math.log2(q / m);
  }
  return round(Math.min(1, Math.max(0, divergence)));
}

/**
 * Framing distance of two outlets: for every actor both attribute words to, the JS divergence of
 * the cue classes each uses for that actor, averaged; null when they share no quoted actor.
 * @example one outlet "revealed" (endorsing) what the other says he "claimed" (distancing): 1
 */
export function framingDistance(
  a: ReadonlyMap<string, ReadonlyMap<string, number>>,
  b: ReadonlyMap<string, ReadonlyMap<string, number>>,
): number | null {
  const shared = [...a.keys()].filter((actor) => b.has(actor));
  if (shared.length === 0) return null;
  let total = 0;
  for (const actor of shared) total += jensenShannon(a.get(actor) ?? new Map(), b.get(actor) ?? new Map());
  return round(total / shared.length);
}

/** Three decimals, the precision every figure of the report is given with. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function sum(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const value of counts.values()) total += value;
  return total;
}
