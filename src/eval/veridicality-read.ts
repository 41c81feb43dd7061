/**
 * Reader of Ross & Pavlick (2019) verb veridicality ratings
 * (`../shared/corpora/verb_veridicality/verb_veridicality_evaluation.tsv`): one row per sentence,
 * its negated twin, the complement, and three crowd ratings (-2..2) per frame of "is the
 * complement true?". Also the rows the commitment model is fitted on.
 */
import { readFileSync } from 'node:fs';
import { features, fnv1a, gram, solveRidge, type Gram, neighbourRating, pearson, predict, type PredicateEntry, type RatedFrame } from '../05-cues/commitments/model.js';
import { relativeRating } from '../05-cues/commitments/relatives.js';

/** One rated item: a sentence and its negated twin. */
export interface VeridicalityItem {
  readonly verb: string;
  readonly complement: 'that' | 'to';
  readonly sentence: string;
  readonly negatedSentence: string;
  /** Mean crowd rating of the positive frame, scaled to [-1, 1]. */
  readonly positive: number;
  /** Mean crowd rating of the negated frame, scaled to [-1, 1]. */
  readonly negated: number;
}

/** Read the evaluation TSV; throws naming file, line and field on a malformed row. */
export function readVeridicality(file: string): VeridicalityItem[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = (lines[0] ?? '').split('\t');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}:1: missing column "${name}"`);
    return i;
  };
  const [task, verb, sentence, neg, pos, negRatings] = ['task', 'verb', 'sentence', 'neg_sentence', 'turker_pos_ratings', 'turker_neg_ratings'].map(col) as [number, number, number, number, number, number];
  const items: VeridicalityItem[] = [];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const f = line.split('\t');
    const mean = (field: number, name: string): number => {
      const values = (f[field] ?? '').split(',').map(Number);
      if (values.length === 0 || values.some((v) => !Number.isFinite(v))) throw new Error(`${file}:${i + 2}: field "${name}" is not a list of ratings`);
      return values.reduce((s, v) => s + v, 0) / values.length / 2;
    };
    const complement = f[task] === 'to' ? 'to' : 'that';
    items.push({
      verb: f[verb] ?? '',
      complement,
      sentence: f[sentence] ?? '',
      negatedSentence: f[neg] ?? '',
      positive: mean(pos, 'turker_pos_ratings'),
      negated: mean(negRatings, 'turker_neg_ratings'),
    });
  });
  if (items.length === 0) throw new Error(`${file}: no rated items`);
  return items;
}

/** Mean ratings per verb frame ("know|that") of `items`. */
export function ratedFrames(items: readonly VeridicalityItem[]): Map<string, RatedFrame> {
  const sums = new Map<string, { p: number; n: number; c: number }>();
  for (const i of items) {
    const key = `${i.verb}|${i.complement}`;
    const m = sums.get(key) ?? { p: 0, n: 0, c: 0 };
    m.p += i.positive; m.n += i.negated; m.c++;
    sums.set(key, m);
  }
  return new Map([...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, m]) => [k, { positive: m.p / m.c, negated: m.n / m.c }]));
}

/** Settings of a fit: ridge penalties (class indicators, word vector) and neighbour count. */
export interface FitSettings {
  readonly lambda: number;
  readonly lambdaVector: number;
  readonly k: number;
}

/**
 * The feature row of an item's frame, its neighbour and WordNet relatives' ratings borrowed from
 * `rated` (never from itself).
 */
export function itemFeatures(
  item: VeridicalityItem, negated: boolean, rated: ReadonlyMap<string, RatedFrame>,
  inventory: Readonly<Record<string, PredicateEntry>>, k: number,
): Float64Array {
  const frame = { negated, complement: item.complement };
  const entry = inventory[item.verb];
  return features(entry, {
    ...frame,
    neighbour: neighbourRating(rated, inventory, item.verb, frame, k),
    relative: relativeRating(rated, entry?.relatives, item.verb, frame),
  });
}

/** Fit the model on `items` (both frames of each), using the predicate entries for features. */
export function fitCommitmentModel(
  items: readonly VeridicalityItem[],
  inventory: Readonly<Record<string, PredicateEntry>>,
  settings: FitSettings,
): number[] {
  return solveRidge(commitmentGram(items, inventory, settings.k), settings.lambda, settings.lambdaVector);
}

/** The normal equations of the model on `items` (both frames of each). */
function commitmentGram(items: readonly VeridicalityItem[], inventory: Readonly<Record<string, PredicateEntry>>, k: number): Gram {
  const rated = ratedFrames(items);
  const rows: Float64Array[] = [];
  const targets: number[] = [];
  for (const item of items) {
    for (const negated of [false, true]) {
      rows.push(itemFeatures(item, negated, rated, inventory, k));
      targets.push(negated ? item.negated : item.positive);
    }
  }
  return gram(rows, targets);
}

/** Candidate penalties (classes, vector) and neighbour counts; the best verb-grouped cross-validated r wins. */
const LAMBDAS = [0.3, 1, 3, 10];
const VECTOR_LAMBDAS = [30, 100, 300, 1000];
const KS = [2, 3, 5, 8];

/**
 * Choose the settings by 4-fold cross-validation grouped by verb (a verb's sentences are all in
 * one fold, as a held-out verb would be), on `items` only.
 */
export function chooseSettings(items: readonly VeridicalityItem[], inventory: Readonly<Record<string, PredicateEntry>>): FitSettings {
  let best: FitSettings = { lambda: LAMBDAS[0]!, lambdaVector: VECTOR_LAMBDAS[0]!, k: KS[0]! };
  let bestR = -Infinity;
  const inFold = (i: VeridicalityItem, fold: number): boolean => (fnv1a(`cv:${i.verb}`) % 4) === fold;
  for (const k of KS) {
    // Per fold: the normal equations of its training part and the feature rows of its held-out part.
    const folds = [0, 1, 2, 3].map((fold) => {
      const train = items.filter((i) => !inFold(i, fold));
      const rated = ratedFrames(train);
      const rows: Float64Array[] = [];
      const gold: number[] = [];
      for (const item of items.filter((i) => inFold(i, fold))) {
        for (const negated of [false, true]) {
          rows.push(itemFeatures(item, negated, rated, inventory, k));
          gold.push(negated ? item.negated : item.positive);
        }
      }
      return { gram: commitmentGram(train, inventory, k), rows, gold };
    });
    for (const lambda of LAMBDAS) {
      for (const lambdaVector of VECTOR_LAMBDAS) {
        const predicted: number[] = [];
        const gold: number[] = [];
        for (const fold of folds) {
          const weights = solveRidge(fold.gram, lambda, lambdaVector);
          fold.rows.forEach((x) => predicted.push(predict(weights, x)));
          gold.push(...fold.gold);
        }
        const r = pearson(predicted, gold);
        if (r > bestR) { bestR = r; best = { lambda, lambdaVector, k }; }
      }
    }
  }
  return best;
}
