/**
 * `narrascope eval veridicality`: the writer-commitment model against Ross & Pavlick (2019)
 * crowd ratings, on verbs held out from training (1 in 5 verbs, chosen by hashing the verb: no
 * sentence of a held-out verb is used for fitting or for choosing the ridge penalty).
 *
 * Each held-out sentence and its negated twin goes through the real path: segmentation, the
 * predicate finder and the scorer (negation read from the text, not from the gold frame). A
 * target predicate is covered when the finder returns the rated verb in that sentence.
 *
 * What a held-out verb borrows (its WordNet relatives' or its word-vector neighbours' ratings)
 * comes from the training verbs' ratings only: the inventory's relatives lists are WordNet's,
 * with no rating in them.
 */
import { segment } from '../03-segment/segment.js';
import { tagCommitments } from '../05-cues/commitments/index.js';
import { loadCommitmentModel, type CommitmentModel } from '../05-cues/commitments/score.js';
import { heldOut, pearson, splitFold } from '../05-cues/commitments/model.js';
import { frameScore } from '../05-cues/commitments/score.js';
import { chooseSettings, fitCommitmentModel, ratedFrames, readVeridicality, type VeridicalityItem } from './veridicality-read.js';

/** Scores of one run. */
export interface VeridicalityReport {
  readonly file: string;
  readonly trainVerbs: number;
  readonly heldOutVerbs: number;
  /** Rated frames of held-out verbs (two per sentence: positive and negated). */
  readonly targets: number;
  /** Frames where the finder returned the rated predicate. */
  readonly covered: number;
  /** Pearson r over covered frames. */
  readonly rCovered: number;
  /** Pearson r over all frames, uncovered ones scored 0 (no commitment). */
  readonly rAll: number;
  /** Pearson r of the model alone, given the verb and the gold frame (no finder, no environment). */
  readonly rModel: number;
  /** Pearson r of a baseline that only knows whether the frame is negated. */
  readonly rNegationOnly: number;
  readonly lambda: number;
  readonly lambdaVector: number;
  readonly k: number;
  /**
   * The model alone (gold frame) on random verb splits: `seeds` x 5 folds, each fold held out in
   * turn with its settings chosen on the other four (absent when not asked for).
   */
  readonly splits?: SplitSpread;
}

/** Pearson r of the model alone over repeated random verb splits. */
export interface SplitSpread {
  readonly seeds: number;
  readonly folds: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

/** Options of {@link evaluateVeridicality}. */
export interface VeridicalityOptions {
  /**
   * Random 5-fold verb splits to add to the fixed one (each costs about 5 fits).
   * @default 0
   */
  readonly seeds?: number;
}

/** A model fitted on `train` only: settings chosen by grouped cross-validation, ratings of `train` only. */
function modelFor(train: readonly VeridicalityItem[], bundled: CommitmentModel): CommitmentModel {
  const settings = chooseSettings(train, bundled.inventory);
  // Held-out verbs borrow ratings from training verbs only.
  return {
    ...settings,
    rated: Object.fromEntries(ratedFrames(train)),
    weights: fitCommitmentModel(train, bundled.inventory, settings),
    inventory: bundled.inventory,
  };
}

/** Pearson r of the model alone (gold verb and frame) on `test`. */
function modelAlone(model: CommitmentModel, test: readonly VeridicalityItem[]): number {
  const predicted: number[] = [];
  const gold: number[] = [];
  for (const item of test) {
    for (const negated of [false, true]) {
      predicted.push(frameScore(model, item.verb, { negated, complement: item.complement }));
      gold.push(negated ? item.negated : item.positive);
    }
  }
  return pearson(predicted, gold);
}

/** r of the model alone on every fold of `seeds` random 5-fold verb splits. */
export function splitSpread(items: readonly VeridicalityItem[], bundled: CommitmentModel, seeds: number): SplitSpread {
  const rs: number[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    for (let fold = 0; fold < 5; fold++) {
      const test = items.filter((i) => splitFold(i.verb, seed) === fold);
      rs.push(modelAlone(modelFor(items.filter((i) => splitFold(i.verb, seed) !== fold), bundled), test));
    }
  }
  const mean = rs.reduce((s, r) => s + r, 0) / rs.length;
  const sd = Math.sqrt(rs.reduce((s, r) => s + (r - mean) ** 2, 0) / rs.length);
  return { seeds, folds: rs.length, mean: round(mean), sd: round(sd), min: round(Math.min(...rs)), max: round(Math.max(...rs)) };
}

/** Fit on the training verbs and score the held-out ones. */
export function evaluateVeridicality(file: string, options: VeridicalityOptions = {}): VeridicalityReport {
  const items = readVeridicality(file);
  const bundled = loadCommitmentModel();
  const train = items.filter((i) => !heldOut(i.verb));
  const test = items.filter((i) => heldOut(i.verb));
  const model = modelFor(train, bundled);

  const gold: number[] = [], found: number[] = [], foundGold: number[] = [], all: number[] = [], modelOnly: number[] = [], negOnly: number[] = [];
  const trainNeg = train.reduce((s, i) => s + i.negated, 0) / train.length;
  const trainPos = train.reduce((s, i) => s + i.positive, 0) / train.length;
  let covered = 0;
  for (const item of test) {
    for (const negated of [false, true]) {
      const text = negated ? item.negatedSentence : item.sentence;
      const target = negated ? item.negated : item.positive;
      const segmented = segment({ id: 'v', outlet: null, date: null, title: null, url: null, text, dropped: [] });
      const hit = tagCommitments(segmented, [], model).find((c) => c.lemma === item.verb);
      gold.push(target);
      all.push(hit?.writerCommitment ?? 0);
      if (hit) { covered++; found.push(hit.writerCommitment); foundGold.push(target); }
      modelOnly.push(frameScore(model, item.verb, { negated, complement: item.complement }));
      negOnly.push(negated ? trainNeg : trainPos);
    }
  }
  return {
    file,
    trainVerbs: new Set(train.map((i) => i.verb)).size,
    heldOutVerbs: new Set(test.map((i) => i.verb)).size,
    targets: gold.length,
    covered,
    rCovered: round(pearson(found, foundGold)),
    rAll: round(pearson(all, gold)),
    rModel: round(pearson(modelOnly, gold)),
    rNegationOnly: round(pearson(negOnly, gold)),
    lambda: model.lambda,
    lambdaVector: model.lambdaVector,
    k: model.k,
    ...(options.seeds ? { splits: splitSpread(items, bundled, options.seeds) } : {}),
  };
}

/** The report as text. */
export function formatVeridicalityReport(r: VeridicalityReport): string {
  const s = r.splits;
  return [
    `veridicality (Ross & Pavlick 2019): ${r.file}`,
    `  verbs: ${r.trainVerbs} train, ${r.heldOutVerbs} held out (by hash; never seen in fitting); ridge lambda ${r.lambda} (vector ${r.lambdaVector}), ${r.k} neighbours`,
    `  coverage: ${r.covered}/${r.targets} rated frames got a score (${pct(r.covered / r.targets)})`,
    `  Pearson r, writer commitment vs crowd rating, held-out verbs:`,
    `    covered frames            ${r.rCovered.toFixed(3)}`,
    `    all frames (missing = 0)  ${r.rAll.toFixed(3)}`,
    `    model alone (gold frame)  ${r.rModel.toFixed(3)}`,
    `    negation-only baseline    ${r.rNegationOnly.toFixed(3)}`,
    ...(s ? [`  model alone on ${s.folds} random verb folds (${s.seeds} x 5; settings chosen within each): mean ${s.mean.toFixed(3)}, sd ${s.sd.toFixed(3)}, min ${s.min.toFixed(3)}, max ${s.max.toFixed(3)}`] : []),
    '',
  ].join('\n');
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
