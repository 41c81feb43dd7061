/**
 * Step 7.7: correlation clustering of the signed graph. Greedy agglomeration: start from single
 * claims and keep merging the two clusters whose summed edge weight is the largest positive
 * value (the merge that most improves the correlation-clustering objective), until no merge helps.
 * Cubic in the claims of one event at worst; events hold tens of claims.
 */

/**
 * Cluster the nodes of a signed graph given as a dense symmetric matrix (`weights[i * size + j]`).
 * Returns clusters as lists of node indices, each sorted, clusters in order of their first node.
 * @example correlationClusters(3, Float64Array.from([0, 1, -1, 1, 0, -1, -1, -1, 0])) // [[0, 1], [2]]
 */
export function correlationClusters(size: number, weights: Float64Array): number[][] {
  const members: (number[] | null)[] = Array.from({ length: size }, (_, i) => [i]);
  // Inter-cluster weight sums, updated on each merge (row of the merged cluster = sum of rows).
  const between = Float64Array.from(weights);
  for (;;) {
    let best = 0;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < size; i++) {
      if (!members[i]) continue;
      for (let j = i + 1; j < size; j++) {
        if (!members[j]) continue;
        const w = between[i * size + j] ?? 0;
        if (w > best + 1e-12) {
          best = w;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    const into = members[bi];
    const from = members[bj];
    if (!into || !from) break;
    into.push(...from);
    members[bj] = null;
    for (let k = 0; k < size; k++) {
      if (k === bi || !members[k]) continue;
      const w = (between[bi * size + k] ?? 0) + (between[bj * size + k] ?? 0);
      between[bi * size + k] = w;
      between[k * size + bi] = w;
    }
  }
  return members.filter((m): m is number[] => m !== null).map((m) => m.sort((a, b) => a - b)).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}
