/**
 * The cue tagger's decoding pass over an article, shared by detection (detect.ts) and the
 * jackknife that trains the cue-edge model (detect-jackknife.ts), so that the edge model is
 * trained on exactly what the tagger finds at run time.
 */
import type { FeatureRows } from '../learn/index.js';
import type { FeatureContext } from './detect-features.js';
import { decode, type SequenceTagger } from './detect-perceptron.js';

/**
 * Score bonus of "B-cue" at decoding (label order O, B-cue, I-cue). The perceptron is
 * conservative (precision 76, recall 64 on dev); a small bonus trades a little precision for
 * recall. Chosen on PolNeAR dev among 0, 3, 6, 9 (cue F1 69.5, 69.6, 69.7, 69.6: flat).
 */
export const CUE_BIAS = [0, 6, 0];

/**
 * Speed gate: the tagger only reads sentences holding a lemma that is a cue at least 3% of the
 * time in training (rate bin >= 3) or is unseen there ("The sky was blue." is skipped). On
 * PolNeAR dev this loses 1 cue of 2,192.
 */
export function hasLikelyCue(rate: Int32Array, first: number, end: number): boolean {
  for (let i = first; i < end; i++) if ((rate[i] ?? 0) >= 3) return true;
  return false;
}

/** The tagger's label path of every sentence it reads (past the speed gate). */
export interface TaggedArticle {
  /** Indices of the sentences read, in order. */
  readonly read: number[];
  /** The label path per read sentence (same order as `read`). */
  readonly paths: number[][];
}

/**
 * Decode every sentence of the article that passes the speed gate. `rowsOf` gives a sentence's
 * feature rows (built on the fly at run time, precomputed in training).
 */
export function tagArticle(ctx: FeatureContext, rate: Int32Array, tagger: SequenceTagger, rowsOf: (sentence: number, first: number, end: number) => FeatureRows): TaggedArticle {
  const read: number[] = [];
  const paths: number[][] = [];
  ctx.segmented.sentences.forEach((s, index) => {
    if (!hasLikelyCue(rate, s.firstToken, s.endToken)) return;
    paths.push(decode(tagger, rowsOf(index, s.firstToken, s.endToken), CUE_BIAS));
    read.push(index);
  });
  return { read, paths };
}

/** The spans [first, end) of a BIO label path (1 B-cue, 2 I-cue) of the sentence starting at `offset`. */
export function pathSpans(path: readonly number[], offset: number): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let k = 0; k <= path.length; k++) {
    const label = k < path.length ? (path[k] ?? 0) : 0;
    if (open >= 0 && label !== 2) { out.push([offset + open, offset + k]); open = -1; }
    if (label === 1) open = k;
  }
  return out;
}
