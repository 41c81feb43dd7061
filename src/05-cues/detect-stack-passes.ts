/**
 * The two decoding passes of the cue tagger, shared by detection (detect.ts) and the training of
 * the second pass (detect-stack-train.ts), so that the second pass is trained on exactly what it
 * sees at run time.
 */
import type { FeatureRows } from '../learn/index.js';
import type { FeatureContext } from './detect-features.js';
import { decode, lastEmissions, RowBuilder, type SequenceTagger } from './detect-perceptron.js';
import { emptyFirstPass, recordFirstPass, scanSentence, stackFeatures, type FirstPass } from './detect-stack.js';

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

/** The first pass over a whole article: what it found, its scores, and the sentences it read. */
export interface FirstPassResult {
  readonly fp: FirstPass;
  /** Emission scores per token (3 per token, decoding bias included), 0 in unread sentences. */
  readonly emissions: Float64Array;
  /** Indices of the sentences read (past the speed gate), in order. */
  readonly read: number[];
  /** The first pass's label path per read sentence (same order as `read`). */
  readonly paths: number[][];
}

/**
 * Run the first pass over every sentence of the article that passes the speed gate. `rowsOf`
 * gives a sentence's first-pass feature rows (built on the fly at run time, precomputed in
 * training).
 */
export function firstPass(ctx: FeatureContext, rate: Int32Array, tagger: SequenceTagger, rowsOf: (sentence: number, first: number, end: number) => FeatureRows): FirstPassResult {
  const { sentences, tokens } = ctx.segmented;
  const fp = emptyFirstPass(tokens.length);
  const emissions = new Float64Array(tokens.length * 3);
  const read: number[] = [];
  const paths: number[][] = [];
  sentences.forEach((s, index) => {
    if (!hasLikelyCue(rate, s.firstToken, s.endToken)) return;
    const path = decode(tagger, rowsOf(index, s.firstToken, s.endToken), CUE_BIAS);
    const scores = lastEmissions();
    emissions.set(scores, s.firstToken * 3);
    recordFirstPass(fp, ctx, s.firstToken, path, scores);
    read.push(index);
    paths.push(path);
  });
  return { fp, emissions, read, paths };
}

/** The second-pass feature rows of sentence [first, end) (after {@link firstPass}). */
export function stackRows(ctx: FeatureContext, result: FirstPassResult, rate: Int32Array, first: number, end: number, row: RowBuilder): FeatureRows {
  scanSentence(result.fp, first, end);
  row.reset();
  for (let i = first; i < end; i++) { stackFeatures(ctx, result.fp, rate, i, first, end, row); row.next(); }
  return row.view();
}

/** Decode sentence [first, end) with the second pass on top of the first pass's scores. */
export function secondPass(ctx: FeatureContext, result: FirstPassResult, rate: Int32Array, stack: SequenceTagger, scale: number, first: number, end: number, row: RowBuilder): number[] {
  const rows = stackRows(ctx, result, rate, first, end, row);
  return decode(stack, rows, undefined, scaledOffsets(result.emissions, first, end, scale));
}

let offsetScratch = new Float64Array(1024);

/** The first pass's scores of tokens [first, end), times `scale` (a scratch buffer, reused). */
export function scaledOffsets(emissions: Float64Array, first: number, end: number, scale: number): Float64Array {
  const n = (end - first) * 3;
  if (offsetScratch.length < n) offsetScratch = new Float64Array(2 * n);
  for (let j = 0; j < n; j++) offsetScratch[j] = (emissions[first * 3 + j] ?? 0) * scale;
  return offsetScratch.subarray(0, n);
}
