/**
 * FNC-1 scoring as the official scorer (FakeNewsChallenge/fnc-1 scorer.py) does it: 0.25 for a
 * right unrelated call; for a related gold pair, 0.25 when the prediction is any related label
 * and 0.75 more when it is the exact one. The relative score is the
 * score over the best possible score. Also macro-F1 over the four classes (the metric of
 * Hanselowski et al. 2018), per-class P/R/F1 and the confusion matrix (rows gold, columns predicted).
 */
import { FNC1_LABELS, type Fnc1Label } from './fnc1-read.js';

/** Precision, recall and F1 of one class. */
export interface ClassScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

/** The scores of a set of FNC-1 predictions. */
export interface Fnc1Scores {
  readonly pairs: number;
  /** FNC-1 score / best possible score x 100. */
  readonly relativeScore: number;
  readonly score: number;
  readonly maxScore: number;
  readonly macroF1: number;
  readonly accuracy: number;
  readonly perClass: Readonly<Record<Fnc1Label, ClassScore>>;
  /** confusion[gold][predicted], in FNC1_LABELS order. */
  readonly confusion: readonly (readonly number[])[];
}

const RELATED = new Set<Fnc1Label>(['agree', 'disagree', 'discuss']);

/** The FNC-1 score of one pair (0, 0.25 or 1). */
export function pairScore(gold: Fnc1Label, predicted: Fnc1Label): number {
  let s = 0;
  if (gold === predicted) s += 0.25;
  if (gold === predicted && gold !== 'unrelated') s += 0.5;
  if (RELATED.has(gold) && RELATED.has(predicted)) s += 0.25;
  return s;
}

/**
 * Score predictions against gold labels (same order, same length).
 *
 * @example
 * scoreFnc1(['agree', 'unrelated'], ['agree', 'discuss']).relativeScore; // 80
 */
export function scoreFnc1(gold: readonly Fnc1Label[], predicted: readonly Fnc1Label[]): Fnc1Scores {
  if (gold.length !== predicted.length) throw new TypeError(`narrascope: ${gold.length} gold labels but ${predicted.length} predictions`);
  const confusion = FNC1_LABELS.map(() => FNC1_LABELS.map(() => 0));
  let score = 0;
  let maxScore = 0;
  let right = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] ?? 'unrelated';
    score += pairScore(g, p);
    maxScore += pairScore(g, g);
    if (g === p) right++;
    const row = confusion[FNC1_LABELS.indexOf(g)];
    if (row) row[FNC1_LABELS.indexOf(p)] = (row[FNC1_LABELS.indexOf(p)] ?? 0) + 1;
  });
  const perClass = {} as Record<Fnc1Label, ClassScore>;
  let f1Sum = 0;
  FNC1_LABELS.forEach((label, k) => {
    const tp = confusion[k]?.[k] ?? 0;
    const support = (confusion[k] ?? []).reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((a, row) => a + (row[k] ?? 0), 0);
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[label] = { precision, recall, f1, support };
    f1Sum += f1;
  });
  return {
    pairs: gold.length,
    relativeScore: maxScore ? (100 * score) / maxScore : 0,
    score,
    maxScore,
    macroF1: f1Sum / FNC1_LABELS.length,
    accuracy: gold.length ? right / gold.length : 0,
    perClass,
    confusion,
  };
}

/** A plain-text report of FNC-1 scores. */
export function formatFnc1Scores(s: Fnc1Scores, title = 'FNC-1'): string {
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
  const lines = [
    `${title}: ${s.pairs} pairs`,
    `relative score ${s.relativeScore.toFixed(2)} (${s.score.toFixed(2)} / ${s.maxScore.toFixed(2)}), macro-F1 ${s.macroF1.toFixed(3)}, accuracy ${pct(s.accuracy).trim()}%`,
    '',
    'class        P      R     F1  support',
    ...FNC1_LABELS.map((l) => {
      const c = s.perClass[l];
      return `${l.padEnd(10)} ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}  ${String(c.support).padStart(7)}`;
    }),
    '',
    `confusion (rows gold, columns predicted)`,
    `${''.padEnd(10)} ${FNC1_LABELS.map((l) => l.padStart(10)).join('')}`,
    ...FNC1_LABELS.map((l, k) => `${l.padEnd(10)} ${(s.confusion[k] ?? []).map((n) => String(n).padStart(10)).join('')}`),
  ];
  return `${lines.join('\n')}\n`;
}
