/**
 * Scores for the BASIL evaluation: ranking quality (ROC AUC), precision/recall/F1 at a threshold,
 * and sign agreement of framing scores with annotated polarity.
 */

/** Precision, recall and F1 (percentages, one decimal) at one threshold. */
export interface ThresholdPrf {
  readonly threshold: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const pct = (x: number): number => Math.round(x * 1000) / 10;

/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative (ties count half). 0.5 is chance.
 * @example auc([0.9, 0.1], [true, false]) // 1
 */
export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((s, i) => ({ s, y: labels[i] ?? false })).sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j]?.s === order[i]?.s) j++;
    const rank = (i + 1 + j) / 2; // average 1-based rank of the tie block
    for (let k = i; k < j; k++) if (order[k]?.y) { rankSum += rank; positives++; }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return Math.round(((rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)) * 1000) / 1000;
}

/** Precision, recall and F1 of `score >= threshold` as the positive prediction. */
export function prfAt(scores: readonly number[], labels: readonly boolean[], threshold: number): ThresholdPrf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    const y = labels[i] ?? false;
    if (s >= threshold) { if (y) tp++; else fp++; } else if (y) fn++;
  });
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { threshold: Math.round(threshold * 1000) / 1000, precision: pct(p), recall: pct(r), f1: pct(p + r === 0 ? 0 : (2 * p * r) / (p + r)) };
}

/** The threshold (among the observed scores) with the best F1, and its scores. */
export function bestThreshold(scores: readonly number[], labels: readonly boolean[]): ThresholdPrf {
  let best: ThresholdPrf = prfAt(scores, labels, Infinity);
  for (const t of [...new Set(scores.map((s) => Math.round(s * 100) / 100))]) {
    const prf = prfAt(scores, labels, t);
    if (prf.f1 > best.f1) best = prf;
  }
  return best;
}

/** Sign agreement of predicted and gold scores over the pairs where both are non-zero. */
export function signAgreement(pairs: readonly { readonly predicted: number; readonly gold: number }[]): { readonly agreement: number; readonly compared: number; readonly coverage: number } {
  const gold = pairs.filter((p) => p.gold !== 0);
  const both = gold.filter((p) => p.predicted !== 0);
  const agree = both.filter((p) => Math.sign(p.predicted) === Math.sign(p.gold)).length;
  return { agreement: both.length === 0 ? 0 : pct(agree / both.length), compared: both.length, coverage: gold.length === 0 ? 0 : pct(both.length / gold.length) };
}
