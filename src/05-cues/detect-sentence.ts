/**
 * Sentence-wide facts for the cue tagger: its other features look at most a clause around the
 * word, but whether a sentence holds a cue at all, and which word it is, depends on the whole
 * sentence. In "A growing number of senators [support] reforming the system." nothing near
 * "support" says it is a cue; that the sentence has no "said" and that "support" is its most
 * cue-like predicate does (PolNeAR marks only the outermost relation, so "support" under a
 * "said" is mostly no cue).
 */
import type { FeatureContext } from './detect-features.js';
import { hashString } from '../learn/index.js';
import { DASH_ID } from './typed-marks.js';

/** What {@link sentenceSummary} tells about a token's sentence (one object, reused). */
export interface SentenceSummary {
  /** Near-certain cue words (cue rate >= 60%) in the sentence other than the token: 0, 1 or 2 (2 or more). */
  strong: number;
  /** 2: the token's cue-rate bin is above every other token's, 1: level with the highest, 0: below. */
  top: number;
  /**
   * Token index of the first verb (UD VERB, not AUX) of the token's clause (the words between two
   * commas or dashes), or -1: "reported" is the first verb of its clause in "Iran had warned
   * Russia ..., the agency reported", "wants" is not in "Aides said he wants to run".
   */
  firstVerb: number;
}

/** Rate id of lemmas that are (part of) a cue in >= 60% of their training occurrences (bin r5). */
const STRONG = 6;
/** Rate id of a lemma unseen in training. */
const UNSEEN = 7;
const ID_VERB = hashString('VERB');
const COMMA = hashString(',');

// The sentence last summarised: the token loop asks once per token, the scan runs once per
// sentence. Keyed on the rate array (one per article and model) and the sentence bounds.
let lastRate: Int32Array | undefined;
let lastContext: FeatureContext | undefined;
let lastFirst = -1;
let lastEnd = -1;
let strongCount = 0;
let best = 0;
let second = 0;
/** Per token of the sentence (index - first): the first verb of its clause, or -1. */
let clauseVerb = new Int32Array(64);
const summary: SentenceSummary = { strong: 0, top: 0, firstVerb: -1 };

/** Rate id for ranking: an unseen lemma ranks as a rare cue (bin r2, id 3). */
const rankOf = (r: number): number => (r === UNSEEN ? 3 : r);

function scan(ctx: FeatureContext, rate: Int32Array, first: number, end: number): void {
  strongCount = 0;
  best = 0;
  second = 0;
  if (clauseVerb.length < end - first) clauseVerb = new Int32Array(2 * (end - first));
  let clauseStart = first;
  let verb = -1;
  for (let j = first; j < end; j++) {
    const r = rate[j] ?? 0;
    if (r === STRONG) strongCount++;
    const k = rankOf(r);
    if (k > best) { second = best; best = k; } else if (k > second) second = k;
    const w = ctx.lower[j] ?? 0;
    if (w === COMMA || w === DASH_ID) {
      clauseVerb.fill(verb, clauseStart - first, j - first + 1);
      clauseStart = j + 1;
      verb = -1;
    } else if (verb < 0 && ctx.pos[j] === ID_VERB) verb = j;
  }
  clauseVerb.fill(verb, clauseStart - first, end - first);
}

/**
 * The {@link SentenceSummary} of token i in sentence [first, end), given the per-token cue-rate
 * ids of the article (see rateIds). The returned object is reused by the next call.
 *
 * @example
 * const s = sentenceSummary(ctx, rate, 5, 0, 12); // { strong: 0, top: 2, firstVerb: 5 }
 */
export function sentenceSummary(ctx: FeatureContext, rate: Int32Array, i: number, first: number, end: number): SentenceSummary {
  if (rate !== lastRate || ctx !== lastContext || first !== lastFirst || end !== lastEnd) {
    lastRate = rate;
    lastContext = ctx;
    lastFirst = first;
    lastEnd = end;
    scan(ctx, rate, first, end);
  }
  const own = rate[i] ?? 0;
  const k = rankOf(own);
  const others = k === best ? second : best;
  summary.strong = Math.min(2, strongCount - (own === STRONG ? 1 : 0));
  summary.top = k > others ? 2 : k === others ? 1 : 0;
  summary.firstVerb = clauseVerb[i - first] ?? -1;
  return summary;
}
