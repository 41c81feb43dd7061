/**
 * Token features shared by the cue tagger (this stage) and the source/content tagger (stage 06).
 *
 * Everything is computed from wink's tokens only (lower form, lemma, UD POS, offsets), so the
 * taggers see exactly what the pipeline sees at run time, with no extra parse. Per-token values
 * are hashed once per article; features are then mixed from integers (see src/learn/hash.ts).
 */
import type { Segmented, Token } from '../types/index.js';
import { hashString, type RowBuilder } from '../learn/index.js';
import { sentenceSummary } from './detect-sentence.js';
import { CLOSE_QUOTES, DASH_ID, isDash, isPairTail, OPEN_QUOTES, quoteMarks } from './typed-marks.js';

/** Per-article facts the feature functions need, computed once per article. */
export interface FeatureContext {
  readonly segmented: Segmented;
  /** Hash of the lemma / lower-case form of each token. */
  readonly lemma: Int32Array;
  readonly lower: Int32Array;
  /** Small integer id of the POS tag. */
  readonly pos: Int32Array;
  /** Word shape id: 1 "Xx", 2 "x", 3 "X", 4 digit, 5 punctuation, 6 quote mark, 7 other. */
  readonly shape: Int32Array;
  /**
   * 1 when the token is inside a quotation (between “ and ” or a pair of straight quotes) in its
   * paragraph, else 0. Quote marks themselves count as inside. Reset at each paragraph, because
   * a quote that runs over paragraphs reopens with “ at the start of each one.
   */
  readonly inQuote: Uint8Array;
  /**
   * Quote mark kind per token: 0 none, 1 opening (“ « and typewriter ``), 2 closing (” »),
   * 3 either (straight " and typewriter '', which open and close alike).
   */
  readonly quoteMark: Uint8Array;
  /** Paragraph of each token. */
  readonly paragraphOf: Int32Array;
}

const POS_IDS = new Map<string, number>();

/** Coarse word shape: "Clinton" -> 1, "said" -> 2, "NATO" -> 3, "2016" -> 4 (char tests, no regex: hot path). */
function shapeOf(text: string): number {
  if (OPEN_QUOTES.has(text) || CLOSE_QUOTES.has(text) || text === '"' || text === '‘' || text === '’') return 6;
  const c = text.charAt(0);
  const upper = c !== c.toLowerCase();
  if (upper) {
    const d = text.charAt(1);
    return d && d !== d.toLowerCase() ? 3 : 1;
  }
  if (c !== c.toUpperCase()) return 2;
  const code = text.charCodeAt(0);
  if (code >= 48 && code <= 57) return 4;
  if (text.length <= 3) return 5;
  return 7;
}

/** Feature value of a position before the sentence start. */
export const BEFORE = 11;
/** Feature value of a position after the sentence end. */
export const AFTER = 13;

const contexts = new WeakMap<Segmented, FeatureContext>();

/**
 * The {@link FeatureContext} of an article, computed once per segmented article and shared by
 * cue detection and the attribution stage (cached on the object, weakly).
 */
export function featureContext(segmented: Segmented): FeatureContext {
  let ctx = contexts.get(segmented);
  if (!ctx) {
    ctx = computeContext(segmented);
    contexts.set(segmented, ctx);
  }
  return ctx;
}

function computeContext(segmented: Segmented): FeatureContext {
  const { tokens, sentences } = segmented;
  const n = tokens.length;
  const lemma = new Int32Array(n);
  const lower = new Int32Array(n);
  const pos = new Int32Array(n);
  const shape = new Int32Array(n);
  tokens.forEach((t, i) => {
    if (isDash(tokens, i)) {
      lemma[i] = lower[i] = DASH_ID;
    } else {
      lemma[i] = hashString(t.lemma);
      lower[i] = t.lower === t.lemma ? (lemma[i] ?? 0) : hashString(t.lower);
    }
    let id = POS_IDS.get(t.pos);
    if (id === undefined) { id = hashString(t.pos); POS_IDS.set(t.pos, id); }
    pos[i] = id;
    shape[i] = shapeOf(t.text);
  });
  const quoteMark = quoteMarks(tokens);
  for (let i = 0; i < n; i++) if (quoteMark[i]) shape[i] = 6;
  const inQuote = new Uint8Array(n);
  const paragraphOf = new Int32Array(n);
  let paragraph = -1;
  let open = false;
  for (const sentence of sentences) {
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph;
      open = false;
    }
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      paragraphOf[i] = paragraph;
      const mark = quoteMark[i] ?? 0;
      if (mark === 0) { inQuote[i] = open ? 1 : 0; continue; }
      inQuote[i] = 1;
      // The second token of a typewriter pair ('' or ``) continues the mark of the first.
      if ((quoteMark[i - 1] ?? 0) > 0 && isPairTail(tokens, i)) continue;
      open = mark === 1 ? true : mark === 2 ? false : !open;
    }
  }
  return { segmented, lemma, lower, pos, shape, inQuote, quoteMark, paragraphOf };
}

/** How often a lemma is (part of) a cue in training, as a bin name ("say" -> "r5"). */
export type CueRates = ReadonlyMap<string, string>;

/** Turn a cue share in [0, 1] into a coarse bin name used as a feature value. */
export function rateBin(share: number): string {
  if (share >= 0.6) return 'r5';
  if (share >= 0.3) return 'r4';
  if (share >= 0.1) return 'r3';
  if (share >= 0.03) return 'r2';
  if (share > 0) return 'r1';
  return 'r0';
}

/** Per-token cue-rate bin as a small integer (1..6, 7 = lemma unseen in training). */
export function rateIds(segmented: Segmented, rates: CueRates): Int32Array {
  const ids = rateIdTable(rates);
  const { tokens } = segmented;
  const out = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = ids.get((tokens[i] as Token).lemma) ?? 7;
  return out;
}

// Lemma -> rate id, built once per rates table (the model's is read-only, so this depends on
// nothing but the model): one map lookup per token instead of a lookup, a slice and a parse.
const rateIdTables = new WeakMap<CueRates, ReadonlyMap<string, number>>();
function rateIdTable(rates: CueRates): ReadonlyMap<string, number> {
  let table = rateIdTables.get(rates);
  if (!table) {
    table = new Map([...rates].map(([lemma, bin]) => [lemma, Number(bin.slice(1)) + 1]));
    rateIdTables.set(rates, table);
  }
  return table;
}

/**
 * Add the cue-tagger features of token `i` (sentence [first, end)) to `row`: the token, its
 * neighbours within two tokens, and the cue-rate bins of itself and its neighbours.
 *
 * @example
 * cueFeatures(ctx, rate, 12, 10, 20, row); row.next();
 */
export function cueFeatures(ctx: FeatureContext, rate: Int32Array, i: number, first: number, end: number, row: RowBuilder): void {
  const lem = ctx.lemma;
  const pos = ctx.pos;
  const l = lem[i] ?? 0;
  const p = pos[i] ?? 0;
  const r = rate[i] ?? 0;
  const q = ctx.inQuote[i] ?? 0;
  const lm1 = i - 1 >= first ? (lem[i - 1] ?? 0) : BEFORE;
  const lm2 = i - 2 >= first ? (lem[i - 2] ?? 0) : BEFORE;
  const lp1 = i + 1 < end ? (lem[i + 1] ?? 0) : AFTER;
  const lp2 = i + 2 < end ? (lem[i + 2] ?? 0) : AFTER;
  const pm1 = i - 1 >= first ? (pos[i - 1] ?? 0) : BEFORE;
  const pm2 = i - 2 >= first ? (pos[i - 2] ?? 0) : BEFORE;
  const pp1 = i + 1 < end ? (pos[i + 1] ?? 0) : AFTER;
  const pp2 = i + 2 < end ? (pos[i + 2] ?? 0) : AFTER;
  const rm1 = i - 1 >= first ? (rate[i - 1] ?? 0) : BEFORE;
  const rp1 = i + 1 < end ? (rate[i + 1] ?? 0) : AFTER;
  const rp2 = i + 2 < end ? (rate[i + 2] ?? 0) : AFTER;
  row.addMix(1, 0, 0, 0);
  row.addMix(2, ctx.lower[i] ?? 0, 0, 0);
  row.addMix(3, l, 0, 0);
  row.addMix(4, p, 0, 0);
  row.addMix(5, l, p, 0);
  row.addMix(6, ctx.shape[i] ?? 0, 0, 0);
  row.addMix(7, r, 0, 0);
  row.addMix(8, r, p, 0);
  row.addMix(9, q, 0, 0);
  row.addMix(10, r, q, 0);
  row.addMix(11, lm1, 0, 0);
  row.addMix(12, lp1, 0, 0);
  row.addMix(13, lm2, 0, 0);
  row.addMix(14, lp2, 0, 0);
  row.addMix(15, pm1, 0, 0);
  row.addMix(16, pp1, 0, 0);
  row.addMix(17, pm2, 0, 0);
  row.addMix(18, pp2, 0, 0);
  row.addMix(19, lm1, l, 0);
  row.addMix(20, l, lp1, 0);
  row.addMix(21, pm1, p, pp1);
  row.addMix(22, l, pp1, 0);
  row.addMix(23, pm1, l, 0);
  row.addMix(24, rp1, 0, 0);
  row.addMix(25, rm1, 0, 0);
  row.addMix(26, rp2, 0, 0);
  row.addMix(27, rm1, r, rp1);
  if (i === first) row.addMix(28, 0, 0, 0);
  if (i === end - 1) row.addMix(29, 0, 0, 0);
  // What a reporting verb governs and what stands before it, conjoined with the lemma and its
  // cue-rate bin: "plan" is a cue in "officials plan to hold talks" but not in "the plan was
  // dropped"; "said" after a comma closes a quote ("..., he said").
  const ahead = clauseAhead(ctx, i + 1, end);
  const behind = subjectBehind(ctx, i - 1, first);
  row.addMix(31, l, ahead, 0);
  row.addMix(34, r, behind, ahead);
  // Is there a near-certain cue ("said", "according to") elsewhere in the same clause (no comma
  // or dash between)? PolNeAR marks only the outermost relation, so "wants" is no gold cue in
  // "Aides said [he wants to run]" (1,244 of 1,572 non-cue "want", "plan", "support" in train sit
  // inside another content), but is one in "The senator wants to run". Across a comma it is
  // another clause: "reported" stays a cue in "Iran warned Russia before the attack, which
  // claimed 140 lives, the agency reported" (counting strong cues across commas too lost it).
  const sl = strongCueNear(ctx, rate, i, first, -1);
  const sr = strongCueNear(ctx, rate, i, end - 1, 1);
  row.addMix(35, r, sl, sr);
  row.addMix(36, l, sl > 0 ? 1 : 0, sr > 0 ? 1 : 0);
  // The sentence as a whole (detect-sentence.ts): a near-certain cue anywhere in it, across
  // commas too; whether this word is the most cue-like of the sentence; and where it stands to
  // the first verb of its clause. 484 of the 687 cues the tagger missed on the held-out eighth
  // of train sit in sentences where it found no cue; there the cue is mostly the most cue-like
  // predicate, the first verb of its clause ("A growing number of senators [support] reforming
  // the system"; "..., the agency [reported]").
  const sum = sentenceSummary(ctx, rate, i, first, end);
  const whole = sum.strong * 3 + sum.top;
  row.addMix(37, r, p, whole);
  row.addMix(38, l, whole, 0);
  row.addMix(39, r, i < sum.firstVerb ? 0 : i === sum.firstVerb ? 1 : 2, sum.strong);
}


/** Rate id of lemmas that are (part of) a cue in >= 60% of their training occurrences (bin r5). */
const STRONG = 6;

/**
 * Distance bin (1: 1-3 tokens, 2: 4-8, 3: 9-20, 0: none) of the nearest near-certain cue word
 * from token i towards `limit` (step -1 to the left, 1 to the right), within the sentence and
 * before any comma or dash.
 */
function strongCueNear(ctx: FeatureContext, rate: Int32Array, i: number, limit: number, step: -1 | 1): number {
  for (let d = 1; d <= 20; d++) {
    const j = i + d * step;
    if (step < 0 ? j < limit : j > limit) return 0;
    if (rate[j] === STRONG) return d <= 3 ? 1 : d <= 8 ? 2 : 3;
    const w = ctx.lower[j] ?? 0;
    if (w === COMMA || w === DASH) return 0;
  }
  return 0;
}

const THAT = hashString('that');
const TO = hashString('to');
const COLON = hashString(':');
const COMMA = hashString(',');
const DASH = DASH_ID;
const ID_NOUN = hashString('NOUN');
const ID_PROPN = hashString('PROPN');
const ID_PRON = hashString('PRON');
const ID_VERB = hashString('VERB');
const ID_AUX = hashString('AUX');
const ID_ADV = hashString('ADV');

/**
 * What follows the word within three tokens, past adverbs and auxiliaries: 1 "that", 2 "to",
 * 3 a colon or quote mark, 4 a comma, 5 a pronoun or name ("said he would"), 6 a verb, 0 else.
 */
function clauseAhead(ctx: FeatureContext, from: number, end: number): number {
  for (let j = from; j < end && j < from + 3; j++) {
    const w = ctx.lower[j] ?? 0;
    const p = ctx.pos[j] ?? 0;
    if (w === THAT) return 1;
    if (w === TO) return 2;
    if (w === COLON || (ctx.shape[j] ?? 0) === 6) return 3;
    if (w === COMMA) return 4;
    if (p === ID_PRON || p === ID_PROPN) return 5;
    if (p === ID_VERB) return 6;
    if (p !== ID_ADV && p !== ID_AUX) return 0;
  }
  return 0;
}

/**
 * What precedes the word, past auxiliaries and adverbs: 1 a name, 2 a pronoun, 3 a noun, 4 a
 * comma (after a quote: "“...,” he said" reads comma, pronoun), 5 a quote mark, 0 else.
 */
function subjectBehind(ctx: FeatureContext, from: number, first: number): number {
  for (let j = from; j >= first && j > from - 4; j--) {
    const p = ctx.pos[j] ?? 0;
    if (p === ID_AUX || p === ID_ADV) continue;
    if (p === ID_PROPN) return 1;
    if (p === ID_PRON) return 2;
    if (p === ID_NOUN) return 3;
    if ((ctx.lower[j] ?? 0) === COMMA) return 4;
    if ((ctx.shape[j] ?? 0) === 6) return 5;
    return 0;
  }
  return 0;
}
