/** Clustering scores against gold classes: B-cubed precision/recall/F1 and adjusted Rand index. */
export interface ClusterScores {
  readonly items: number;
  readonly clusters: number;
  readonly classes: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly ari: number;
}

const choose2 = (n: number): number => (n * (n - 1)) / 2;

function tally<K>(keys: Iterable<K>): Map<K, number> {
  const result = new Map<K, number>();
  for (const key of keys) result.set(key, (result.get(key) ?? 0) + 1);
  return result;
}

/**
 * Score predicted clusters against gold classes, item by item (`predicted[i]`, `gold[i]`).
 * B-cubed (Bagga & Baldwin 1998): per item, precision = share of its cluster that is of its class,
 * recall = share of its class that is in its cluster, averaged over items. ARI (Hubert & Arabie
 * 1985): pair agreement corrected for chance, 1 = identical, ~0 = random.
 *
 * @example
 * scoreClusters(['x', 'x', 'y'], ['a', 'a', 'a']) // precision 1, recall 5/9, ...
 */
export function scoreClusters(predicted: readonly string[], gold: readonly string[]): ClusterScores {
  if (predicted.length !== gold.length) throw new TypeError('narrascope: predicted and gold must have the same length');
  const n = predicted.length;
  const clusterSize = tally(predicted);
  const classSize = tally(gold);
  const cell = tally(predicted.map((p, i) => `${p}\u0000${gold[i] ?? ''}`));
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const p = predicted[i] ?? '';
    const g = gold[i] ?? '';
    const both = cell.get(`${p}\u0000${g}`) ?? 0;
    precision += both / (clusterSize.get(p) ?? 1);
    recall += both / (classSize.get(g) ?? 1);
  }
  precision /= Math.max(1, n);
  recall /= Math.max(1, n);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  let index = 0;
  for (const count of cell.values()) index += choose2(count);
  let rows = 0;
  for (const count of clusterSize.values()) rows += choose2(count);
  let columns = 0;
  for (const count of classSize.values()) columns += choose2(count);
  const expected = (rows * columns) / Math.max(1, choose2(n));
  const max = (rows + columns) / 2;
  const ari = max === expected ? 1 : (index - expected) / (max - expected);
  const round = (x: number): number => Math.round(x * 10_000) / 10_000;
  return { items: n, clusters: clusterSize.size, classes: classSize.size, precision: round(precision), recall: round(recall), f1: round(f1), ari: round(ari) };
}
