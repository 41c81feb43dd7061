/**
 * Step 7.5: contradiction signals between two claims: reasons they cannot both be true. Each
 * returns a strength in [0, 1] (0: no signal); `contradiction` keeps the strongest.
 */
import type { ContradictionSignal } from '../types/narratives.js';
import { contentStems, type ClaimFeatures } from './features.js';
import { polarityOf } from './polarity.js';

/** The strongest contradiction between two claims, or null. */
export interface Contradiction {
  readonly signal: ContradictionSignal;
  readonly weight: number;
  /** The claim that denies, doubts or excludes the other (its backers dispute the other's narrative). */
  readonly disputing: 'a' | 'b' | 'both';
}

const intersects = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].some((x) => b.has(x));

/**
 * Topic overlap of two claims, so a denial is aimed at the claim it denies and not at every claim
 * of the event: enough shared words, or a shared actor that is not everywhere in the event
 * (`rare`: in a story about Trump every claim mentions Trump).
 */
function onTopic(a: ClaimFeatures, b: ClaimFeatures, similarity: number, rare: (entity: string) => boolean): boolean {
  // A short denial that names an actor is about that actor's story, however common the actor:
  // "Moscow appears to be skeptical about the ISIS-K narrative".
  const pointed = a.words.length <= 4;
  return similarity >= 0.2 || [...a.entities].some((e) => b.entities.has(e) && (pointed || rare(e)));
}

// Nouns that name speech, not what is said: two claims that both judge "Steele's comments" (one
// "inaccurate", one "irresponsible") share the comments, not a proposition.
const SPEECH_NOUNS: ReadonlySet<string> = new Set(contentStems(
  'comment comments remark remarks claim claims statement statements accusation accusations allegation allegations charge charges word words rhetoric assertion assertions suggestion suggestions',
));
// Judgements of falsity: what they negate is the thing judged, before them ("the accusations are absurd").
const FALSITY = /^(?:false|untrue|baseless|absurd|groundless|unfounded|inaccurate|bogus|nonsense|lies|fabricated|fabrication|misleading|debunked)$/i;
// Where a negation's reach ends: the end of its sentence, a semicolon or dash, or ", but".
// How many content words after a negator make its predicate: one, the negated word itself
// ("will not [pay] for a wall along the border" does not deny "his plan to build a wall along the border").
const SCOPE_WORDS = 1;
// Words that frame the negated predicate rather than being it: "no [evidence] that X", "not
// [aware] of any warnings", "doesn't [appear] to have the bounce".
const FRAME_STEMS: ReadonlySet<string> = new Set(contentStems(
  'evidence indication indications sign signs proof reason reasons clear true likely certain sure possible fact believe think know aware appear appears seem seems see find found indicate suggest show want going able',
));
const SCOPE_END = /[.;!?]|—|–|--|,\s*but\b/;

// What follows a frame word when it frames a complement: "aware [of]", "evidence [that]", "appear [to]".
const COMPLEMENT = /^(?:that|whether|if|of|about|how|what|who|why|to|any|anything)$/i;

/**
 * The content stems of the words after a negator, frame words left out when they frame a
 * complement ("not aware of any warnings": warnings) and kept when they are the predicate ("did
 * not know the woman": know).
 */
function predicateStems(text: string): string[] {
  const words = text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
  return words.flatMap((word, i) => {
    const [stemmed] = contentStems(word);
    if (!stemmed) return [];
    return FRAME_STEMS.has(stemmed) && COMPLEMENT.test(words[i + 1] ?? '') ? [] : [stemmed];
  });
}

/**
 * The stems a claim's negation reaches: the words after its negator to the end of the clause
 * ("Mexico will not [pay for a border wall]"), or the thing a falsity judgement judges ("[Steele's
 * comments] are inaccurate"). A claim without a negator (a denial by its cue: "Kyiv denied any
 * involvement") and words the claim took from another by anaphora are all in reach.
 * @example denialScope(features of "The job market doesn't appear to have the bounce it once did") // appear, bounc, onc (not job, market)
 */
export function denialScope(f: ClaimFeatures): Set<string> {
  const cue = f.negation;
  const text = f.claim.text;
  const at = cue ? cue.start - f.claim.start : -1;
  if (!cue || at < 0 || cue.end - f.claim.start > text.length) return new Set(f.words);
  const end = cue.end - f.claim.start;
  const after = text.slice(end);
  const stop = after.search(SCOPE_END);
  // What a negator negates is its predicate: the first few content words after it ("does not
  // [appear to have the bounce] it once did"), not every word to the end of the sentence.
  const reach = new Set(predicateStems(stop >= 0 ? after.slice(0, stop) : after).filter((w) => !f.nameWords.has(w)).slice(0, SCOPE_WORDS));
  if (FALSITY.test(text.slice(at, end))) {
    const before = text.slice(0, at);
    const cut = Math.max(...[...before.matchAll(/[.;!?]|—|–|--/g)].map((m) => (m.index ?? 0) + m[0].length), 0);
    for (const w of contentStems(before.slice(cut))) reach.add(w);
  }
  const inText = new Set(contentStems(text));
  return new Set(f.words.filter((w) => reach.has(w) || !inText.has(w)));
}

/**
 * Whether a negation is aimed at what the other claim asserts: a word within its reach (see
 * {@link denialScope}), not a name nor a noun of speech, is in the other claim. "Mexico will not
 * pay for a wall" denies "Trump will compel Mexico to pay for the wall"; "The job market doesn't
 * appear to have the bounce it once did" shares only its subject with "some weakness in the job
 * market", and agrees with it. On the 16 dev gold events, most denial edges between two claims
 * of one gold narrative were of that second kind.
 */
export function pointedDenial(neg: ClaimFeatures, pos: ClaimFeatures): boolean {
  // The other claim's own words: its speaker's verb is not what it claims ("Weiner, [known] for
  // his combative style" does not claim anything about knowing).
  const cue = pos.claim.cueLemma ? contentStems(pos.claim.cueLemma)[0] : undefined;
  const inText = new Set(contentStems(pos.claim.text));
  const target = new Set(pos.words.filter((w) => w !== cue || inText.has(w)));
  // Within one specific question about the same actors the question is the aim ("did Iran warn
  // Russia?": "Iran had tipped Russia off" / "not aware of any warnings coming from Iran"); the
  // speakers themselves do not count ("he did not know the woman", Weiner, and "Weiner, known
  // for his combative style" are not about one warning).
  const speakers = new Set([neg.claim.actorId, pos.claim.actorId]);
  if (neg.question === pos.question && neg.question !== 'truth' && [...neg.entities].some((e) => pos.entities.has(e) && !speakers.has(e))) return true;
  return [...denialScope(neg)].some((w) => target.has(w) && !SPEECH_NOUNS.has(w) && !neg.nameWords.has(w) && !pos.nameWords.has(w));
}

/**
 * Whether a negative claim goes on to assert an alternative: after the clause its negation stands
 * in (a new sentence, a semicolon or dash, ", but"), a positive statement of a few content words.
 * "The war in Afghanistan was not 'a war of Obama's choosing.' It has been prosecuted by the
 * United States under Presidents Bush and Obama" answers "whose war?" (America's); "DeMint would
 * not go that far but said Steele must apologize" answers "should he resign?" (no, apologize).
 * "Kyiv denied any involvement" and "he was not aware of any warnings" assert nothing else: they
 * are pure denials, disputing claims of what they deny.
 */
export function assertsAlternative(f: ClaimFeatures): boolean {
  const cue = f.negation;
  if (!cue || f.polarity > 0) return false;
  const after = f.claim.text.slice(Math.max(0, cue.end - f.claim.start));
  const stop = after.search(SCOPE_END);
  if (stop < 0) return false;
  const rest = after.slice(stop).replace(/^(?:[.;!?]|—|–|--|,\s*but\b)[\s”"’']*/, '');
  return contentStems(rest).length >= 3 && polarityOf(rest).value > 0;
}

/** Two claims that are one statement: the same stretch of one article, or one quoting the other whole (neither denying it, by its cue or by a negator around the quoted words). */
export function oneStatement(a: ClaimFeatures, b: ClaimFeatures): boolean {
  const x = a.claim;
  const y = b.claim;
  if (x.articleId === y.articleId && x.start < y.end && y.start < x.end) return true;
  // The same words said by two speakers, one denying them ("Maya Lin denied that the protesters
  // started the fire"), are a denial; the same words with opposite polarity otherwise come from
  // how much of the sentence each span took.
  if (a.claim.stance === 'denies' || a.claim.stance === 'doubts' || b.claim.stance === 'denies' || b.claim.stance === 'doubts') return false;
  const fold = (t: string): string => t.toLowerCase().replace(/[“”"‘’']/g, '').replace(/\s+/g, ' ').trim();
  const [inner, outer] = x.text.length <= y.text.length ? [a, b] : [b, a];
  const short = fold(inner.claim.text);
  // The longer one quoting the words to negate them is a denial: "the war was not 'a war of
  // Obama's choosing'" against "a war of Obama's choosing". Quoting a negated statement whole in
  // a sentence whose main clause is positive is the same statement: "I don't question the
  // president's faith" and "... was a signal he had challenged it. 'I don't question the
  // president's faith,' he said".
  return short.length >= 20 && fold(outer.claim.text).includes(short) && inner.polarity <= outer.polarity;
}

// An indirect question asserts nothing that could be denied: "(asked) whether he still wished to be mayor".
const INDIRECT_QUESTION = /^[“"‘']?\s*whether\b/i;

/**
 * One denies or doubts what the other asserts, on the same topic: "Iran had tipped Russia off"
 * vs "Peskov said he was not aware of any warnings coming from Iran". When both answer "who did
 * it", the answers must match: "Kyiv denied any involvement" denies "Ukraine may be linked" but
 * not "ISIS-K claimed responsibility".
 */
export function denial(a: ClaimFeatures, b: ClaimFeatures, similarity: number, rare: (entity: string) => boolean = () => true): number {
  if (a.polarity === b.polarity) return 0;
  const [neg, pos] = a.polarity < 0 ? [a, b] : [b, a];
  if (neg.openQuestion || oneStatement(a, b) || INDIRECT_QUESTION.test(a.claim.text) || INDIRECT_QUESTION.test(b.claim.text)) return 0;
  if (neg.agency && pos.agency && neg.culprits.size > 0 && pos.culprits.size > 0) {
    return intersects(neg.culprits, pos.culprits) ? Math.min(1, 0.7 + similarity) : 0;
  }
  // A denial needs a proposition on the other side, not a bare name ("Sen. Bernie Sanders",
  // "the Affordable Care Act"): words beyond names on both sides.
  const topical = (f: ClaimFeatures): number => f.words.filter((w) => !f.nameWords.has(w)).length;
  if (pos.words.length < 4 || topical(pos) < 2 || topical(neg) < 1) return 0;
  if (!onTopic(neg, pos, similarity, rare) || !pointedDenial(neg, pos)) return 0;
  return Math.min(1, 0.45 + similarity);
}

/**
 * Different answers to "who is behind it", both held true: "ISIS-K claimed responsibility" vs
 * "the US, UK and Ukraine may all be linked to the massacre". An exclusive answer ("ISIS-K was
 * the sole culprit") contradicts any other answer outright.
 */
export function rivalAgent(a: ClaimFeatures, b: ClaimFeatures, sameQuestion = true, similarity = 1): { signal: ContradictionSignal; weight: number } | null {
  if (!sameQuestion || !a.agency || !b.agency || a.polarity < 0 || b.polarity < 0) return null;
  if (a.culprits.size === 0 || b.culprits.size === 0) return null;
  if (intersects(a.culprits, b.culprits)) return null;
  if (a.exclusive || b.exclusive) return { signal: 'exclusivity', weight: 1 };
  // Two non-exclusive answers conflict only about the same deed, told in shared words
  // ("linked to the massacre" / "responsibility for the massacre"): different agents of
  // different deeds ("helped the attackers travel" / "is a designated terrorist group") both stand.
  // On real events most pairs of agents that share a word or two are different deeds (dev gold:
  // 0 of 5 right at 0.1): the two answers must say much the same besides the agent.
  if (similarity < 0.3) return null;
  return { signal: 'rival-agent', weight: 0.7 };
}

/**
 * A question left open doubts a settled, asserted answer: "its true mastermind is yet to be
 * established" vs "ISIS-K was the sole culprit". Hedged answers ("may be linked") stay compatible.
 */
export function openQuestion(a: ClaimFeatures, b: ClaimFeatures): number {
  const [open, settled] = a.openQuestion ? [a, b] : [b, a];
  if (!open.openQuestion || settled.openQuestion || !open.agency) return 0;
  if (!settled.agency || settled.culprits.size === 0 || settled.polarity < 0 || settled.claim.stance === 'hedges') return 0;
  return settled.exclusive ? 0.9 : 0.6;
}

/**
 * The strongest contradiction signal between two claims of the same event, or null.
 * `rare` tells the actors that are not in most of the event's claims. `sameQuestion` is false when one of them answers "who did it" about something other than the
 * event ("blamed Israel for supporting extremist groups in the region").
 */
export function contradiction(a: ClaimFeatures, b: ClaimFeatures, similarity: number, sameQuestion = true, rare: (entity: string) => boolean = () => true): Contradiction | null {
  const candidates: Contradiction[] = [];
  const d = denial(a, b, similarity, rare);
  if (d > 0) candidates.push({ signal: 'denial', weight: d, disputing: a.polarity < 0 ? 'a' : 'b' });
  const r = rivalAgent(a, b, sameQuestion, similarity);
  // "ISIS-K alone" and "the US, UK and Ukraine may be linked" negate each other flatly: each
  // side's backers dispute the other.
  if (r) candidates.push({ ...r, disputing: 'both' });
  const o = openQuestion(a, b);
  if (o > 0) candidates.push({ signal: 'open-question', weight: o, disputing: a.openQuestion ? 'a' : 'b' });
  return candidates.sort((x, y) => y.weight - x.weight)[0] ?? null;
}

/**
 * Agreement beyond word overlap: the same answer to "who did it" with the same polarity
 * ("ISIS-K claimed responsibility" and "ISIS-K was the sole culprit"), or one ruling out a rival
 * the other does not name ("no indication that Ukraine had been involved" and "ISIS-K alone").
 */
export function agreement(a: ClaimFeatures, b: ClaimFeatures): number {
  if (!a.agency || !b.agency || a.culprits.size === 0 || b.culprits.size === 0) return 0;
  const shared = intersects(a.culprits, b.culprits);
  if (a.polarity === b.polarity) return shared ? 0.6 : 0;
  // "There was no indication that Ukraine had been involved" backs "ISIS-K alone"; a party denying
  // its own role ("Kyiv denied any involvement") rules itself out but endorses no one else.
  const [neg] = a.polarity < 0 ? [a, b] : [b, a];
  if (neg.claim.stance === 'denies' || (neg.claim.actorId !== undefined && neg.culprits.has(neg.claim.actorId))) return 0;
  return shared ? 0 : 0.25;
}
