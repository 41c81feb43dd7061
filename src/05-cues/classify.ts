/**
 * Classification of detected cues: which stance class a cue expresses and how committed its
 * source and the writer are to the content, from the stance lexicon plus the cue's context.
 */
import type { Cue, Segmented, Span, Token } from '../types/index.js';
import type { CueCandidate } from './candidate.js';
import { adjustCommitment } from './commitment.js';
import { cueEnvironment } from './environment.js';
import { defaultStanceLexicon, lookupCue, normaliseKey, type StanceEntry, type StanceLexicon } from './lexicon.js';

/** Options of {@link classifyCue}. */
export interface ClassifyOptions {
  /**
   * The stance lexicon to classify with.
   * @default the bundled `data/lexicons/stance-lexicon.json`
   * @example classifyCue(doc, candidate, 'c1', { lexicon: loadStanceLexicon('my-lexicon.json') })
   */
  readonly lexicon?: StanceLexicon;
}

/** Keys unknown to the lexicon: a plain report with moderate source commitment. */
const UNKNOWN: Omit<StanceEntry, 'key'> = {
  class: 'neutral', sourceCommitment: 0.5, reporterCommitment: 0, factive: false, provenance: [],
};
/** Raising verbs that pass their stance on to a following adjective: "appears to be skeptical". */
const RAISING = new Set(['appear', 'seem', 'look', 'sound', 'remain']);
/** "appears to be skeptical" is a little less firm than "is skeptical". */
const RAISING_HEDGE = 0.8;
/** Longest phrase continuation tried after a cue ("make" + "it clear"). */
const PHRASE_MAX_EXTRA = 3;

/**
 * Give a detected cue its stance class, environment and commitment scores.
 *
 * Context rules, in order:
 * - raising verb + adjective in the lexicon takes the adjective's class, and the span grows to
 *   cover it: "Moscow appears to be skeptical" -> doubt, span "appears to be skeptical";
 * - a cue followed by the rest of a lexicon phrase takes the phrase: "cast doubt" (doubt),
 *   "pointed out" (endorsing), "made it clear" (insistence);
 * - otherwise the key is looked up as is; unknown keys are neutral with moderate commitment.
 *
 * Throws a RangeError when a token range lies outside the article (a detector bug).
 *
 * @example
 * classifyCue(segmented, { tokenRanges: [[7, 8]], key: 'insist' }, 'c1').stanceClass; // 'insistence'
 */
export function classifyCue(segmented: Segmented, candidate: CueCandidate, id: string, options: ClassifyOptions = {}): Cue {
  const lexicon = options.lexicon ?? defaultStanceLexicon();
  const { tokens } = segmented;
  const ranges = candidate.tokenRanges.map(([first, end]): [number, number] => {
    if (!tokens[first] || !tokens[end - 1] || end <= first) {
      throw new RangeError(`narrascope: cue token range [${first}, ${end}) is outside the article`);
    }
    return [first, end];
  });
  const lastRange = ranges[ranges.length - 1];
  if (!lastRange) throw new RangeError('narrascope: cue candidate has no token ranges');

  const key = normaliseKey(candidate.key);
  const head = headToken(tokens, lastRange, key);
  const headSentence = tokens[head]?.sentence ?? 0;
  let entry: StanceEntry | undefined;
  let hedge = 1;

  const raised = RAISING.has(key) ? raisedAdjective(tokens, lastRange[1], headSentence, lexicon) : undefined;
  if (raised) {
    entry = raised.entry;
    hedge = RAISING_HEDGE;
    lastRange[1] = raised.end;
  } else {
    const phrase = phraseContinuation(tokens, lastRange[1], headSentence, key, lexicon);
    if (phrase) {
      entry = phrase.entry;
      lastRange[1] = phrase.end;
    }
  }
  entry ??= lookupCue(key, lexicon) ?? { key, ...UNKNOWN };

  const environment = cueEnvironment(segmented, { head, last: lastRange[1] - 1, key: entry.key });
  const { sourceCommitment, reporterCommitment } = adjustCommitment(
    { sourceCommitment: entry.sourceCommitment * hedge, reporterCommitment: entry.reporterCommitment * hedge, factive: entry.factive },
    environment,
  );
  return {
    id,
    spans: ranges.map(([first, end]) => spanOf(segmented, first, end)),
    lemma: entry.key,
    stanceClass: entry.class,
    sourceCommitment,
    reporterCommitment,
    environment,
    sentence: tokens[ranges[0]?.[0] ?? head]?.sentence ?? headSentence,
  };
}

/** The head of the cue: the token of the last fragment matching the key's first word, else its last verb, else its first token. */
function headToken(tokens: readonly Token[], [first, end]: readonly [number, number], key: string): number {
  const word = key.split(' ')[0] ?? key;
  let verb = -1;
  for (let i = first; i < end; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.lemma === word || t.lower === word) return i;
    if (t.pos === 'VERB') verb = i;
  }
  return verb >= 0 ? verb : first;
}

/**
 * After a raising verb, an optional "to be" and adverbs, an adjective with a lexicon entry:
 * "appears to be skeptical", "seemed deeply unconvinced", "looks confident".
 */
function raisedAdjective(tokens: readonly Token[], from: number, sentence: number, lexicon: StanceLexicon): { entry: StanceEntry; end: number } | undefined {
  let i = from;
  if (tokens[i]?.lower === 'to' && tokens[i + 1]?.lemma === 'be') i += 2;
  for (let adverbs = 0; tokens[i]?.pos === 'ADV' && adverbs < 2; adverbs++) i++;
  const t = tokens[i];
  if (!t || t.sentence !== sentence || (t.pos !== 'ADJ' && t.pos !== 'VERB')) return undefined;
  const entry = lexicon.byKey.get(t.lower) ?? lexicon.byKey.get(t.lemma);
  return entry && entry.pos === 'adj' ? { entry, end: i + 1 } : undefined;
}

/**
 * The longest lexicon phrase made of the key plus the next tokens of the sentence, matching
 * each token by surface form or lemma: "cast" + "doubt", "raised" + "questions", "made" + "it clear".
 */
function phraseContinuation(tokens: readonly Token[], from: number, sentence: number, key: string, lexicon: StanceLexicon): { entry: StanceEntry; end: number } | undefined {
  let found: { entry: StanceEntry; end: number } | undefined;
  let variants = [key];
  for (let n = 0; n < PHRASE_MAX_EXTRA; n++) {
    const t = tokens[from + n];
    if (!t || t.sentence !== sentence || t.pos === 'PUNCT') break;
    variants = [...new Set(variants.flatMap((v) => [`${v} ${t.lower}`, `${v} ${t.lemma}`]))];
    for (const v of variants) {
      const entry = lexicon.byKey.get(v);
      if (entry) found = { entry, end: from + n + 1 };
    }
  }
  return found;
}

/** The original text covered by tokens [first, end). */
function spanOf(segmented: Segmented, first: number, end: number): Span {
  const a = segmented.tokens[first];
  const b = segmented.tokens[end - 1];
  if (!a || !b) throw new RangeError(`narrascope: cue token range [${first}, ${end}) is outside the article`);
  return { start: a.start, end: b.end, text: segmented.article.text.slice(a.start, b.end) };
}
