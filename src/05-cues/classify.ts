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
 * - otherwise the key is looked up as is; a key the lexicon lacks falls back to the last known
 *   word inside the cue ("was not aware about" -> aware); unknown keys are neutral with moderate
 *   commitment;
 * - the environment (negation, modal, question, conditional, first person) then shifts the scores
 *   (see `commitment.ts`), and a distancing adverb beside the cue caps the writer's commitment
 *   ("reportedly attributed").
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

  const { entry, head, hedge, end: reach } = resolveEntry(tokens, ranges, normaliseKey(candidate.key), lexicon);
  if (reach > lastRange[1]) lastRange[1] = reach; // the span grows to cover "appears to be skeptical", never shrinks

  const environment = cueEnvironment(segmented, { head, last: lastRange[1] - 1, key: entry.key });
  const adjusted = adjustCommitment(
    { sourceCommitment: entry.sourceCommitment * hedge, reporterCommitment: entry.reporterCommitment * hedge, factive: entry.factive },
    environment,
  );
  // A distancing adverb next to the cue caps the writer's commitment:
  // "The Iranian side reportedly attributed the attack to ISIS-K" -> at most reportedly's -0.2.
  const distancer = distancingAdverb(tokens, ranges, head, lexicon);
  const sourceCommitment = adjusted.sourceCommitment;
  const reporterCommitment = distancer ? Math.min(adjusted.reporterCommitment, distancer.reporterCommitment) : adjusted.reporterCommitment;
  return {
    id,
    spans: ranges.map(([first, end]) => spanOf(segmented, first, end)),
    lemma: entry.key,
    stanceClass: entry.class,
    sourceCommitment,
    reporterCommitment,
    environment,
    sentence: tokens[ranges[0]?.[0] ?? head]?.sentence ?? 0,
  };
}

/** What a cue resolves to: its lexicon entry, head token, hedge factor and the token index its span must reach. */
interface Resolved {
  readonly entry: StanceEntry;
  readonly head: number;
  readonly hedge: number;
  readonly end: number;
}

/** Apply the context rules of {@link classifyCue} in order and return the entry they settle on. */
function resolveEntry(tokens: readonly Token[], ranges: readonly (readonly [number, number])[], candidateKey: string, lexicon: StanceLexicon): Resolved {
  const lastRange = ranges[ranges.length - 1] ?? [0, 0];
  let key = candidateKey;
  let head = headToken(tokens, lastRange, key);
  // A key the lexicon lacks may still have a known word inside its range: "was not aware about"
  // keyed "about" is read as "aware".
  if (!lookupCue(key, lexicon)) {
    const known = knownTokenInRanges(tokens, ranges, lexicon);
    const t = known === undefined ? undefined : tokens[known];
    if (known !== undefined && t) {
      head = known;
      key = lexicon.byKey.has(t.lemma) ? t.lemma : t.lower;
    }
  }
  const sentence = tokens[head]?.sentence ?? 0;
  // Both rules read on from the head, so they work whether or not the detector's range already
  // holds the continuation ("pointed" or "pointed out").
  const raised = RAISING.has(key) ? raisedAdjective(tokens, head + 1, sentence, lexicon) : undefined;
  if (raised) return { entry: raised.entry, head, hedge: RAISING_HEDGE, end: raised.end };
  const phrase = phraseContinuation(tokens, head + 1, sentence, key, lexicon);
  if (phrase) return { entry: phrase.entry, head, hedge: 1, end: phrase.end };
  return { entry: lookupCue(key, lexicon) ?? { key, ...UNKNOWN }, head, hedge: 1, end: lastRange[1] };
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
  if (!entry || entry.pos !== 'adj') return undefined;
  // The adjective's preposition belongs to the cue, as PolNeAR draws adjective cues ("was not
  // [aware about]", "[appears to be skeptical about] the plan"): its object is the content.
  const next = tokens[i + 1];
  const end = next && next.sentence === sentence && next.pos === 'ADP' && ADJECTIVE_PREPOSITIONS.has(next.lower) ? i + 2 : i + 1;
  return { entry, end };
}

/** Prepositions an attitude adjective governs: "skeptical about", "aware of", "confident in". */
const ADJECTIVE_PREPOSITIONS = new Set(['about', 'of', 'over', 'on', 'in', 'with', 'toward', 'towards']);

/**
 * The longest lexicon phrase made of the key plus the next tokens of the sentence, matching
 * each token by surface form or lemma: "cast" + "doubt", "raised" + "questions", "made" + "it clear".
 */
function phraseContinuation(tokens: readonly Token[], from: number, sentence: number, key: string, lexicon: StanceLexicon): { entry: StanceEntry; end: number } | undefined {
  let found: { entry: StanceEntry; end: number } | undefined;
  // Only grow strings that start some phrase: most cues ("said") stop at the first check.
  let variants = lexicon.phrasePrefixes.has(key) ? [key] : [];
  for (let n = 0; n < PHRASE_MAX_EXTRA && variants.length > 0; n++) {
    const t = tokens[from + n];
    if (!t || t.sentence !== sentence || t.pos === 'PUNCT') break;
    const next: string[] = [];
    for (const v of variants) {
      for (const word of t.lemma === t.lower ? [t.lower] : [t.lower, t.lemma]) {
        const grown = `${v} ${word}`;
        const entry = lexicon.byKey.get(grown);
        if (entry) found = { entry, end: from + n + 1 };
        if (lexicon.phrasePrefixes.has(grown)) next.push(grown);
      }
    }
    variants = next;
  }
  return found;
}

/** The last token of the cue ranges whose lemma or surface form is a lexicon key, if any. */
function knownTokenInRanges(tokens: readonly Token[], ranges: readonly (readonly [number, number])[], lexicon: StanceLexicon): number | undefined {
  for (let r = ranges.length - 1; r >= 0; r--) {
    const [first, end] = ranges[r] ?? [0, 0];
    for (let i = end - 1; i >= first; i--) {
      const t = tokens[i];
      if (t && t.pos !== 'PUNCT' && (lexicon.byKey.has(t.lemma) || lexicon.byKey.has(t.lower))) return i;
    }
  }
  return undefined;
}

/** A distancing adverb ("reportedly", "allegedly") in the cue ranges or just before the head. */
function distancingAdverb(tokens: readonly Token[], ranges: readonly (readonly [number, number])[], head: number, lexicon: StanceLexicon): StanceEntry | undefined {
  const sentence = tokens[head]?.sentence;
  const candidates = [head - 1, head - 2];
  for (const [first, end] of ranges) for (let i = first; i < end; i++) candidates.push(i);
  for (const i of candidates) {
    const t = tokens[i];
    if (!t || t.pos !== 'ADV' || t.sentence !== sentence || i === head) continue;
    const entry = lexicon.byKey.get(t.lower);
    if (entry?.class === 'distancing') return entry;
  }
  return undefined;
}

/** The original text covered by tokens [first, end). */
function spanOf(segmented: Segmented, first: number, end: number): Span {
  const a = segmented.tokens[first];
  const b = segmented.tokens[end - 1];
  if (!a || !b) throw new RangeError(`narrascope: cue token range [${first}, ${end}) is outside the article`);
  return { start: a.start, end: b.end, text: segmented.article.text.slice(a.start, b.end) };
}
