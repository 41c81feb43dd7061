/**
 * Training of the cue-edge model (cue-edges.ts): a ranking perceptron over each found cue's
 * candidate right edges, on the spans a jackknifed tagger finds in PolNeAR train (detect-jackknife.ts).
 * A found span counts when a gold cue starts where it starts and the gold end is among its
 * candidates (keeping the span is the right answer when it already matches).
 */
import { AveragedWeights, RowBuilder, scoreRow, seededRandom, shuffleInPlace, type FeatureRows, type LinearModel } from '../learn/index.js';
import { EDGE_BITS, edgeCandidates, edgeFeatures } from './cue-edges.js';
import type { JackknifeArticle } from './detect-jackknife.js';
import { pathSpans, type TaggedArticle } from './detect-passes.js';

/** One found cue: a row per candidate edge and the index of the gold one. */
export interface EdgeExample {
  readonly rows: FeatureRows;
  readonly gold: number;
}

/** The training examples of one article, given its jackknifed tagging. */
export function edgeExamples(article: JackknifeArticle, tagged: TaggedArticle): EdgeExample[] {
  const { ctx, cueMarks } = article;
  const out: EdgeExample[] = [];
  const row = new RowBuilder(EDGE_BITS);
  tagged.read.forEach((si, k) => {
    const sentence = ctx.segmented.sentences[si];
    if (!sentence) return;
    const spans = pathSpans(tagged.paths[k] ?? [], sentence.firstToken);
    spans.forEach(([a, b], j) => {
      if (cueMarks[a] !== 1) return;
      let g = a + 1;
      while (g < sentence.endToken && cueMarks[g] === 2) g++;
      const limit = spans[j + 1]?.[0] ?? sentence.endToken;
      const candidates = edgeCandidates(ctx.segmented.tokens, a, b, limit);
      const gold = candidates.indexOf(g);
      if (gold < 0 || candidates.length < 2) return;
      row.reset();
      for (const e of candidates) { edgeFeatures(ctx, a, b, e, sentence.endToken, row); row.next(); }
      out.push({ rows: row.build(), gold });
    });
  });
  return out;
}

/** Options of {@link trainCueEdges}. */
export interface EdgeTrainOptions {
  /** @default 10 */
  readonly epochs?: number;
  /** @default 1 */
  readonly seed?: number;
}

/** Train the ranking perceptron (labels "no", "yes"; a candidate scores yes - no). Deterministic. */
export function trainCueEdges(examples: readonly EdgeExample[], options: EdgeTrainOptions = {}): LinearModel {
  const weights = new AveragedWeights(['no', 'yes'], EDGE_BITS);
  const order = examples.map((_, i) => i);
  const random = seededRandom(options.seed ?? 1);
  const scores = new Float64Array(2);
  for (let epoch = 0; epoch < (options.epochs ?? 10); epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const ex = examples[i];
      if (!ex) continue;
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < ex.rows.length; c++) {
        scoreRow(weights.current, ex.rows, c, scores);
        const s = (scores[1] ?? 0) - (scores[0] ?? 0);
        if (s > bestScore) { bestScore = s; best = c; }
      }
      if (best !== ex.gold) {
        weights.update(ex.rows, ex.gold, 1, 1);
        weights.update(ex.rows, ex.gold, 0, -1);
        weights.update(ex.rows, best, 1, -1);
        weights.update(ex.rows, best, 0, 1);
      }
      weights.tick();
    }
  }
  return weights.averaged();
}
