/**
 * Jackknifed cue-tagger output on the training articles: the articles are split into k folds and
 * each fold is tagged by a tagger trained on the other folds, so what is learnt from the tagger's
 * output (the cue-edge model, cue-edges.ts) sees the errors it makes on text it has not seen.
 */
import type { FeatureContext } from './detect-features.js';
import { tagArticle, type TaggedArticle } from './detect-passes.js';
import type { TrainingSequence } from './detect-perceptron.js';
import { trainTagger } from './detect-perceptron-train.js';

/** One training article: its features, per-token cue-rate ids, gold cue marks and tagger rows. */
export interface JackknifeArticle {
  readonly ctx: FeatureContext;
  readonly rate: Int32Array;
  /** Gold cue label per token (0 O, 1 B-cue, 2 I-cue). */
  readonly cueMarks: Uint8Array;
  /** The tagger's training sequences, one per sentence. */
  readonly sentences: readonly TrainingSequence[];
}

/** Options of {@link jackknifeTagging}. */
export interface JackknifeOptions {
  readonly labels: readonly string[];
  /** @default 4 */
  readonly folds?: number;
  /** Epochs of the fold taggers. @default 8 */
  readonly epochs?: number;
  readonly minCount: number;
  readonly bits: number;
  readonly log?: (message: string) => void;
}

/** Every article tagged by a tagger trained on the other folds (article a is in fold a % k). Deterministic. */
export function jackknifeTagging(articles: readonly JackknifeArticle[], options: JackknifeOptions): TaggedArticle[] {
  const folds = options.folds ?? 4;
  const out = new Array<TaggedArticle>(articles.length);
  for (let fold = 0; fold < folds; fold++) {
    const train = articles.filter((_, a) => a % folds !== fold).flatMap((a) => a.sentences);
    const tagger = trainTagger(options.labels, train, { epochs: options.epochs ?? 8, minCount: options.minCount, bits: options.bits, seed: 11 + fold });
    articles.forEach((a, index) => {
      if (index % folds === fold) out[index] = tagArticle(a.ctx, a.rate, tagger, (s) => (a.sentences[s] as TrainingSequence).rows);
    });
    options.log?.(`jackknife: fold ${fold + 1} of ${folds} tagged`);
  }
  return out;
}
