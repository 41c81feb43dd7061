/**
 * Training of the cue tagger's second pass (detect-stack.ts) on jackknifed first-pass output: the
 * articles are split into k folds; for each fold a first-pass tagger trained on the other folds
 * tags it, so the second pass learns from the errors the first pass makes on unseen text (a first
 * pass that had seen the article would look far surer than it is at run time).
 */
import { RowBuilder } from '../learn/index.js';
import type { FeatureContext } from './detect-features.js';
import { firstPass, scaledOffsets, stackRows, type FirstPassResult } from './detect-stack-passes.js';
import type { SequenceTagger, TrainingSequence } from './detect-perceptron.js';
import { averageTaggers, trainTagger } from './detect-perceptron-train.js';

/** One training article: its features, per-token cue-rate ids, gold cue marks and first-pass rows. */
export interface StackArticle {
  readonly ctx: FeatureContext;
  readonly rate: Int32Array;
  /** Gold cue label per token (0 O, 1 B-cue, 2 I-cue). */
  readonly cueMarks: Uint8Array;
  /** The first pass's training sequences, one per sentence. */
  readonly sentences: readonly TrainingSequence[];
}

/** Options of {@link jackknifeFirstPass} and {@link trainCueStack}. */
export interface StackTrainOptions {
  readonly labels: readonly string[];
  /** Folds of the jackknife. @default 4 */
  readonly folds?: number;
  /** Epochs of the fold taggers (as the first pass's). @default 8 */
  readonly epochs?: number;
  /** Epochs of the second pass. @default 8 */
  readonly stackEpochs?: number;
  readonly minCount: number;
  readonly bits: number;
  /** Feature space of the second pass. @default 16 */
  readonly stackBits?: number;
  /** Factor of the first pass's scores in the second pass's. @default 1 */
  readonly scale?: number;
  /** Second-pass taggers trained with different shuffle seeds and averaged. @default 3 */
  readonly seeds?: number;
  readonly log?: (message: string) => void;
}

/**
 * The first pass over every article by a tagger trained on the other folds (article a is in fold
 * a % k), and the fold taggers.
 */
export function jackknifeFirstPass(articles: readonly StackArticle[], options: StackTrainOptions, heldOut?: (index: number, fold: number) => StackArticle): { passes: FirstPassResult[]; taggers: SequenceTagger[] } {
  const folds = options.folds ?? 4;
  const out = new Array<FirstPassResult>(articles.length);
  const taggers: SequenceTagger[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = articles.filter((_, a) => a % folds !== fold).flatMap((a) => a.sentences);
    const tagger = trainTagger(options.labels, train, { epochs: options.epochs ?? 8, minCount: options.minCount, bits: options.bits, seed: 11 + fold });
    taggers.push(tagger);
    articles.forEach((a, index) => {
      if (index % folds !== fold) return;
      const h = heldOut ? heldOut(index, fold) : a;
      out[index] = firstPass(h.ctx, h.rate, tagger, (s) => (h.sentences[s] as TrainingSequence).rows);
    });
    options.log?.(`cue stack: fold ${fold + 1} of ${folds} tagged`);
  }
  return { passes: out, taggers };
}

/** Train the second pass on the jackknifed first passes (same order as `articles`). Deterministic. */
export function trainCueStack(articles: readonly StackArticle[], passes: readonly FirstPassResult[], options: StackTrainOptions): SequenceTagger {
  const bits = options.stackBits ?? 16;
  const data: TrainingSequence[] = [];
  const offsets: Float64Array[] = [];
  const row = new RowBuilder(bits);
  articles.forEach((a, index) => {
    const pass = passes[index];
    if (!pass) return;
    for (const s of pass.read) {
      const sentence = a.ctx.segmented.sentences[s];
      if (!sentence) continue;
      const { firstToken: first, endToken: end } = sentence;
      stackRows(a.ctx, pass, a.rate, first, end, row);
      data.push({ rows: row.build(), labels: a.cueMarks.slice(first, end) });
      offsets.push(scaledOffsets(pass.emissions, first, end, options.scale ?? 1).slice());
    }
  });
  const seeds = options.seeds ?? 3;
  const runs = Array.from({ length: seeds }, (_, seed) => trainTagger(options.labels, data, {
    epochs: options.stackEpochs ?? 8, minCount: options.minCount, bits, seed: seed + 1, offsets,
    onEpoch: (epoch, accuracy) => options.log?.(`cue stack seed ${seed + 1} epoch ${epoch}: ${(accuracy * 100).toFixed(2)}% tokens`),
  }));
  return averageTaggers(runs);
}
