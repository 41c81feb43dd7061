/** Jensen-Shannon divergence (base 2, so in [0, 1]) of two count vectors over the same keys. */
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
  return Math.round(Math.min(1, Math.max(0, divergence)) * 1000) / 1000;
}

function sum(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const value of counts.values()) total += value;
  return total;
}
