/**
 * Features of the source/content tagger: a token's own form plus where it stands relative to the
 * cues already found in its sentence and paragraph.
 *
 * Why cue-relative features: in "Clinton told reporters that she would win, aides said." whether
 * "she" is content or source depends on which side of which cue it falls, how far away it is and
 * what lies between ("that", a comma, a quote mark), not on the word itself.
 */
import { AFTER, BEFORE, type FeatureContext } from '../05-cues/detect-features.js';
import { DASH_ID } from '../05-cues/typed-marks.js';
import { mix, type RowBuilder } from '../learn/index.js';

/** Cue marks per token: 0 outside a cue, 1 first token of a cue, 2 inside. */
export type CueMarks = Uint8Array;

/** Per-token cue geometry, computed once per article by {@link cueGeometry}. */
export interface CueGeometry {
  /** Distance to the nearest cue token on the left in the same sentence, or -1. */
  readonly left: Int32Array;
  /** Distance to the nearest cue token on the right in the same sentence, or -1. */
  readonly right: Int32Array;
  /** Commas and dashes between the token and its nearest left cue. */
  readonly punctLeft: Int32Array;
  /** Commas and dashes between the token and its nearest right cue. */
  readonly punctRight: Int32Array;
  /** Per sentence: -1 cue in an earlier sentence of the paragraph, 1 later only, 0 none, 2 own. */
  readonly sentenceCue: Int8Array;
  /** Per paragraph: 1 when the previous paragraph holds a cue (a quote may continue here). */
  readonly prevParagraphCue: Uint8Array;
  /** Per paragraph: 1 when the previous paragraph ends with ":" ("He added:" ¶ “...”). */
  readonly prevParagraphColon: Uint8Array;
  /** 1 when a closing quote mark stands later in the token's sentence. */
  readonly closeAhead: Uint8Array;
}

/** Punctuation that separates clauses; dashes in any typed form count (ctx.lower is DASH_ID). */
const SEPARATORS = new Set([',', ';', ':', '(', ')']);
const isSeparator = (ctx: FeatureContext, i: number): boolean => ctx.lower[i] === DASH_ID || SEPARATORS.has(ctx.segmented.tokens[i]?.text ?? '');

/** Compute {@link CueGeometry} for an article given its cue marks per token. */
export function cueGeometry(ctx: FeatureContext, marks: CueMarks): CueGeometry {
  const { tokens, sentences } = ctx.segmented;
  const n = tokens.length;
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  const punctLeft = new Int32Array(n);
  const punctRight = new Int32Array(n);
  const own = new Uint8Array(sentences.length);
  const closeAhead = new Uint8Array(n);
  for (const s of sentences) {
    let close = 0;
    for (let i = s.endToken - 1; i >= s.firstToken; i--) {
      closeAhead[i] = close;
      if ((ctx.quoteMark[i] ?? 0) >= 2) close = 1;
    }
    let last = -1;
    let punct = 0;
    for (let i = s.firstToken; i < s.endToken; i++) {
      if ((marks[i] ?? 0) > 0) { last = i; punct = 0; own[s.index] = 1; continue; }
      if (last >= 0) { left[i] = i - last; punctLeft[i] = punct; }
      if (isSeparator(ctx, i)) punct++;
    }
    last = -1;
    punct = 0;
    for (let i = s.endToken - 1; i >= s.firstToken; i--) {
      if ((marks[i] ?? 0) > 0) { last = i; punct = 0; continue; }
      if (last >= 0) { right[i] = last - i; punctRight[i] = punct; }
      if (isSeparator(ctx, i)) punct++;
    }
  }
  const sentenceCue = new Int8Array(sentences.length);
  const paragraphs = (sentences[sentences.length - 1]?.paragraph ?? -1) + 1;
  const paraCue = new Uint8Array(paragraphs);
  const paraColon = new Uint8Array(paragraphs);
  for (const s of sentences) {
    if (own[s.index]) paraCue[s.paragraph] = 1;
    if (tokens[s.endToken - 1]?.text === ':') paraColon[s.paragraph] = 1;
    else if (sentences[s.index + 1]?.paragraph === s.paragraph) paraColon[s.paragraph] = 0;
  }
  for (const s of sentences) {
    if (own[s.index]) { sentenceCue[s.index] = 2; continue; }
    let before = false;
    let after = false;
    for (let j = s.index - 1; j >= 0 && sentences[j]?.paragraph === s.paragraph; j--) if (own[j]) before = true;
    for (let j = s.index + 1; j < sentences.length && sentences[j]?.paragraph === s.paragraph; j++) if (own[j]) after = true;
    sentenceCue[s.index] = before ? -1 : after ? 1 : 0;
  }
  const prevParagraphCue = new Uint8Array(paragraphs);
  const prevParagraphColon = new Uint8Array(paragraphs);
  for (let p = 1; p < paragraphs; p++) {
    prevParagraphCue[p] = paraCue[p - 1] ?? 0;
    prevParagraphColon[p] = paraColon[p - 1] ?? 0;
  }
  return { left, right, punctLeft, punctRight, sentenceCue, prevParagraphCue, prevParagraphColon, closeAhead };
}

/** Distance bin: 1, 2, 3, 4, 6 (5-6), 10 (7-10), 20 (11-20), 99 (21+), or 0 when there is no cue. */
function bin(d: number): number {
  if (d < 0) return 0;
  if (d <= 4) return d;
  if (d <= 6) return 6;
  if (d <= 10) return 10;
  if (d <= 20) return 20;
  return 99;
}

/**
 * Add the role-tagger features of token `i` to `row`; `keys[i]` is the hashed lexicon key of the
 * cue covering token i (or 0), used to name the nearest cue ("say", "according to").
 *
 * @example
 * roleFeatures(ctx, marks, keys, geo, 7, row); row.next();
 */
export function roleFeatures(
  ctx: FeatureContext,
  marks: CueMarks,
  keys: Int32Array,
  geo: CueGeometry,
  i: number,
  row: RowBuilder,
): void {
  const t = ctx.segmented.tokens;
  const token = t[i];
  if (!token) { row.addMix(100, 0, 0, 0); return; }
  const s = ctx.segmented.sentences[token.sentence];
  const first = s?.firstToken ?? 0;
  const end = s?.endToken ?? t.length;
  const lem = ctx.lemma;
  const pos = ctx.pos;
  const l = lem[i] ?? 0;
  const p = pos[i] ?? 0;
  const lm1 = i - 1 >= first ? (lem[i - 1] ?? 0) : BEFORE;
  const lp1 = i + 1 < end ? (lem[i + 1] ?? 0) : AFTER;
  const pm1 = i - 1 >= first ? (pos[i - 1] ?? 0) : BEFORE;
  const pm2 = i - 2 >= first ? (pos[i - 2] ?? 0) : BEFORE;
  const pp1 = i + 1 < end ? (pos[i + 1] ?? 0) : AFTER;
  const pp2 = i + 2 < end ? (pos[i + 2] ?? 0) : AFTER;
  const dl = geo.left[i] ?? -1;
  const dr = geo.right[i] ?? -1;
  const bl = bin(dl);
  const br = bin(dr);
  const kl = dl > 0 ? (keys[i - dl] ?? 0) : 0;
  const kr = dr > 0 ? (keys[i + dr] ?? 0) : 0;
  const q = ctx.inQuote[i] ?? 0;
  const mark = marks[i] ?? 0;
  const sc = (geo.sentenceCue[token.sentence] ?? 0) + 2;
  const para = ctx.paragraphOf[i] ?? 0;
  const pl = Math.min(geo.punctLeft[i] ?? 0, 2);
  const pr = Math.min(geo.punctRight[i] ?? 0, 2);
  row.addMix(100, 0, 0, 0);
  row.addMix(101, ctx.lower[i] ?? 0, 0, 0);
  row.addMix(102, l, 0, 0);
  row.addMix(103, p, 0, 0);
  row.addMix(104, ctx.shape[i] ?? 0, 0, 0);
  row.addMix(105, mark, 0, 0);
  row.addMix(106, q, 0, 0);
  row.addMix(107, lm1, 0, 0);
  row.addMix(108, lp1, 0, 0);
  row.addMix(109, pm1, 0, 0);
  row.addMix(110, pp1, 0, 0);
  row.addMix(111, pm2, 0, 0);
  row.addMix(112, pp2, 0, 0);
  row.addMix(113, pm1, p, pp1);
  row.addMix(114, bl, 0, 0);
  row.addMix(115, br, 0, 0);
  row.addMix(116, bl, br, 0);
  row.addMix(117, bl, p, 0);
  row.addMix(118, br, p, 0);
  row.addMix(119, bl, q, 0);
  row.addMix(120, br, q, 0);
  row.addMix(121, kl, 0, 0);
  row.addMix(122, kr, 0, 0);
  row.addMix(123, kl, bl, 0);
  row.addMix(124, kr, br, 0);
  row.addMix(125, kr, p, 0);
  row.addMix(126, kl, p, 0);
  row.addMix(127, pl, bl === 0 ? 0 : 1, 0);
  row.addMix(128, pr, br === 0 ? 0 : 1, 0);
  row.addMix(129, pl, pr, q);
  row.addMix(130, sc, 0, 0);
  row.addMix(131, sc, q, p);
  row.addMix(132, (geo.prevParagraphCue[para] ?? 0) * 2 + (geo.prevParagraphColon[para] ?? 0), sc, q);
  row.addMix(133, marks[i - 1] ?? 0, mark, marks[i + 1] ?? 0);
  if (i === first) row.addMix(134, sc, q, 0);
  if (i === end - 1) {
    row.addMix(135, p, q, 0);
    row.addMix(136, ctx.lower[i] ?? 0, 0, 0);
  }
  if (i === end - 2) row.addMix(137, lp1, q, 0);
  // Wider context: words two away, the word right after / before the cue ("said [that]",
  // "[officials] said"), quote edges and the distance to the sentence edges.
  row.addMix(138, i - 2 >= first ? (lem[i - 2] ?? 0) : BEFORE, 0, 0);
  row.addMix(139, i + 2 < end ? (lem[i + 2] ?? 0) : AFTER, 0, 0);
  if (dl > 0 && dl <= 2) row.addMix(140, dl, l, 0);
  if (dr > 0 && dr <= 3) row.addMix(141, dr, l, 0);
  row.addMix(142, q, i > first ? (ctx.inQuote[i - 1] ?? 0) : 2, i + 1 < end ? (ctx.inQuote[i + 1] ?? 0) : 2);
  row.addMix(143, bin(end - 1 - i), q, bl === 0 ? 0 : 1);
  row.addMix(144, bin(i - first), q, br === 0 ? 0 : 1);
  // What the nearest cue on the left governs and what stands right before the nearest cue on the
  // right: a content starts after "said that" but at "“" in "said: “...”", and "said" after "he"
  // closes a content ("..., he said") where after "who" it does not. Chosen on a held-out eighth
  // of PolNeAR train: +0.7 source and content F1.
  if (dl > 0) row.add(mix(145, ctx.lower[i - dl + 1] ?? 0, bl));
  if (dr > 0) row.add(mix(146, ctx.lower[i + dr - 1] ?? 0, br));
  // A closing quote later in the sentence: inside “We will win,” the content runs on to it.
  row.add(mix(147, q, geo.closeAhead[i] ?? 0, (bl === 0 ? 0 : 1) * 2 + (br === 0 ? 0 : 1)));
}
