/**
 * The cue tagger's second pass (stacking). The first pass (detect-features.ts) sees a clause or
 * a sentence around a word; whether a word is a cue often depends on what the first pass found
 * elsewhere: the same lemma tagged as a cue in other sentences of the article ("warned" found
 * after "Peskov" makes the next "warned" likelier), whether its sentence already has a cue (a
 * sentence with "said" rarely has a second, unmarked "wants"), and how sure the first pass was.
 *
 * The second pass adds a few such features to the first pass's own scores (its emissions are
 * kept as fixed offsets, so the second pass costs a dozen features per token and one more
 * Viterbi, not a second full tagger). It is trained on jackknifed first-pass output
 * (detect-stack-train.ts), so it learns to correct the errors the first pass makes on text it
 * has not seen.
 */
import { mix, type RowBuilder } from '../learn/index.js';
import { AFTER, BEFORE, type FeatureContext } from './detect-features.js';
import type { SequenceTagger, SerializedTagger } from './detect-perceptron.js';

/** Label indices of the cue tagger (O, B-cue, I-cue). */
const B = 1;
const I = 2;

/** The second pass, ready to decode. */
export interface CueStack {
  /** Fingerprint of the first-pass cue tagger it was trained on (see {@link taggerFingerprint}). */
  readonly firstPass: string;
  readonly tagger: SequenceTagger;
  /** Factor of the first pass's scores in the second pass's (see SerializedCueStack). */
  readonly scale: number;
}

/** The JSON form of a {@link CueStack}, as stored in `models/cue-stack.json`. */
export interface SerializedCueStack {
  readonly version: 1;
  readonly trainedOn: string;
  readonly firstPass: string;
  readonly tagger: SerializedTagger;
  /**
   * Factor of the first pass's scores added to the second pass's. The first pass's margins run
   * to hundreds; at full scale a perceptron on a dozen features keeps chasing the first pass's
   * confident errors (annotation noise) and lost cue F1 on held-out text.
   */
  readonly scale: number;
}

/**
 * A short fingerprint of a serialized first-pass tagger (FNV-1a over its model string and
 * transitions): the second pass is only valid on top of the tagger it was trained with.
 */
export function taggerFingerprint(tagger: SerializedTagger): string {
  let h = 0x811c9dc5;
  const text = `${tagger.model}|${tagger.transitions.join(',')}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}-${h.toString(16)}`;
}

/**
 * What the first pass found in one article: per token its label (-1 in sentences it did not
 * read), the margin of B-cue over O, and per lemma how many of its tokens are in found cues and
 * how many were read.
 */
export interface FirstPass {
  readonly label: Int8Array;
  readonly margin: Float32Array;
  readonly lemmaInCue: Map<number, number>;
  readonly lemmaRead: Map<number, number>;
}

/** An empty {@link FirstPass} for an article of n tokens. */
export function emptyFirstPass(n: number): FirstPass {
  return { label: new Int8Array(n).fill(-1), margin: new Float32Array(n), lemmaInCue: new Map(), lemmaRead: new Map() };
}

/**
 * Record the first pass's path and emissions (row-major, 3 per token, without decoding bias) of
 * sentence [first, end) of the article.
 */
export function recordFirstPass(fp: FirstPass, ctx: FeatureContext, first: number, path: readonly number[], emissions: ArrayLike<number>): void {
  for (let k = 0; k < path.length; k++) {
    const i = first + k;
    const label = path[k] ?? 0;
    fp.label[i] = label;
    fp.margin[i] = (emissions[k * 3 + B] ?? 0) - (emissions[k * 3] ?? 0);
    const l = ctx.lemma[i] ?? 0;
    fp.lemmaRead.set(l, (fp.lemmaRead.get(l) ?? 0) + 1);
    if (label !== 0) fp.lemmaInCue.set(l, (fp.lemmaInCue.get(l) ?? 0) + 1);
  }
}

/**
 * Margin bin of the first pass's B-cue score over O. The averaged perceptron's margins are large
 * (held-out eighth of PolNeAR train: median -261 over all tokens read, 61 on found cues, 10% of
 * found cues below -88, the decoding bias and transitions doing the rest); the bins are finer near
 * the decision point.
 */
function marginBin(m: number): number {
  if (m < -300) return 0;
  if (m < -150) return 1;
  if (m < -80) return 2;
  if (m < -30) return 3;
  if (m < 0) return 4;
  if (m < 30) return 5;
  if (m < 80) return 6;
  if (m < 150) return 7;
  return 8;
}

const LEX = !process.env['NOLEX'];

// Per-sentence facts, computed once per sentence (the token loop asks once per token).
let sentCues = 0;
let bestToken = -1;

/**
 * Scan sentence [first, end) once before its tokens' features: how many cues the first pass
 * found in it and which token has its highest B-cue margin.
 */
export function scanSentence(fp: FirstPass, first: number, end: number): void {
  sentCues = 0;
  bestToken = -1;
  let best = -Infinity;
  for (let i = first; i < end; i++) {
    if (fp.label[i] === B) sentCues++;
    const m = fp.margin[i] ?? 0;
    if (m > best) { best = m; bestToken = i; }
  }
}

/**
 * Add the second-pass features of token i (sentence [first, end), after {@link scanSentence})
 * to `row`. `rate` are the per-token cue-rate ids (detect-features.ts).
 */
export function stackFeatures(ctx: FeatureContext, fp: FirstPass, rate: Int32Array, i: number, first: number, end: number, row: RowBuilder): void {
  const label = fp.label[i] ?? 0;
  const lm1 = i - 1 >= first ? (fp.label[i - 1] ?? 0) : BEFORE;
  const lp1 = i + 1 < end ? (fp.label[i + 1] ?? 0) : AFTER;
  const mb = marginBin(fp.margin[i] ?? 0);
  const r = rate[i] ?? 0;
  const p = ctx.pos[i] ?? 0;
  const l = ctx.lemma[i] ?? 0;
  // Cues found elsewhere in the sentence (the token's own cue not counted).
  const own = label === B || (label === I && lm1 === B) ? 1 : 0;
  const sc = Math.min(2, sentCues - (label === B ? 1 : 0) - (label === I ? own : 0));
  // The lemma's other tokens in the article: how many were found as cues, and what share.
  const inCue = (fp.lemmaInCue.get(l) ?? 0) - (label !== 0 ? 1 : 0);
  const read = (fp.lemmaRead.get(l) ?? 0) - 1;
  const dc = Math.min(2, inCue);
  const dr = read <= 0 ? 3 : inCue * 2 >= read ? 2 : inCue > 0 ? 1 : 0;
  const top = i === bestToken ? 1 : 0;
  row.add(mix(200));
  row.add(mix(201, label, mb));
  row.add(mix(202, label, mb, r));
  row.add(mix(203, label, sc, r));
  row.add(mix(204, label, dc * 4 + dr, r));
  if (LEX) row.add(mix(205, l, dc, dr));
  row.add(mix(206, top, sc, mb));
  row.add(mix(207, lm1, label, lp1));
  // Boundaries: what the first pass put around a cue ("said [Friday]", "accused X [of]").
  if (LEX) row.add(mix(208, lm1, label, ctx.lower[i] ?? 0));
  if (LEX) row.add(mix(209, label, lp1, i + 1 < end ? (ctx.lower[i + 1] ?? 0) : AFTER));
  if (LEX) row.add(mix(210, l, label));
  row.add(mix(211, sc * 2 + top, r, p));
}
