/**
 * Step 7.5a: whether a denial is aimed at what another claim says. Opposite polarity on one topic
 * is not enough: "The job market doesn't appear to have the bounce it once did" and "some
 * weakness in the job market" agree. A negation negates a predicate ("will not [pay]"), a falsity
 * judgement the thing it judges ("[the accusations] are absurd"); a denial that goes on to assert
 * something else answers the question itself ("not X. It has been Y"); and two spans of one
 * statement never deny each other. On the 16 dev gold events, 13 of the 66 contradiction edges
 * between gold claims joined the two sides of a gold conflict (or a narrative and its dispute)
 * before these rules, 10 of 25 after.
 */
import { contentStems, type ClaimFeatures } from './features.js';
import { polarityOf } from './polarity.js';

// Nouns that name speech, not what is said: two claims that both judge "Steele's comments" (one
// "inaccurate", one "irresponsible") share the comments, not a proposition.
const SPEECH_NOUNS: ReadonlySet<string> = new Set(contentStems(
  'comment comments remark remarks claim claims statement statements accusation accusations allegation allegations charge charges word words rhetoric assertion assertions suggestion suggestions',
));
// Judgements of falsity: what they negate is the thing judged, before them ("the accusations are absurd").
const FALSITY = /^(?:false|untrue|baseless|absurd|groundless|unfounded|inaccurate|bogus|nonsense|lies|fabricated|fabrication|misleading|debunked)$/i;
// How many content words after a negator make its predicate: one, the negated word itself
// ("will not [pay] for a wall along the border" does not deny "his plan to build a wall along the border").
const SCOPE_WORDS = 1;
// Words that frame the negated predicate rather than being it: "no [evidence] that X", "not
// [aware] of any warnings", "doesn't [appear] to have the bounce".
const FRAME_STEMS: ReadonlySet<string> = new Set(contentStems(
  'evidence indication indications sign signs proof reason reasons clear true likely certain sure possible fact believe think know aware appear appears seem seems see find found indicate suggest show want going able',
));
// Where a negation's reach ends: the end of its sentence, a semicolon or dash, or ", but".
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
 * The stems a claim's negation reaches: its predicate, the first content word after the negator
 * that is neither a name nor a frame of a complement ("Mexico will not [pay] for a border wall",
 * "not aware of any [warnings]"), and the thing a falsity judgement judges ("[Steele's comments]
 * are inaccurate"). A claim without a negator (a denial by its cue: "Kyiv denied any involvement")
 * reaches all its words, and so do words a claim took from another by anaphora.
 * @example denialScope(features of "The job market doesn't appear to have the bounce it once did") // Set {'bounc'}
 */
export function denialScope(f: ClaimFeatures): ReadonlySet<string> {
  const known = scopes.get(f);
  if (known) return known;
  const scope = scopeOf(f);
  scopes.set(f, scope);
  return scope;
}

// Scopes and own words are read once per claim, not once per pair of claims.
const scopes = new WeakMap<ClaimFeatures, ReadonlySet<string>>();
const targets = new WeakMap<ClaimFeatures, ReadonlySet<string>>();

function scopeOf(f: ClaimFeatures): ReadonlySet<string> {
  const cue = f.negation;
  const text = f.claim.text;
  const at = cue ? cue.start - f.claim.start : -1;
  if (!cue || at < 0 || cue.end - f.claim.start > text.length) return new Set(f.words);
  const end = cue.end - f.claim.start;
  const after = text.slice(end);
  const stop = after.search(SCOPE_END);
  // What a negator negates is its predicate ("does not appear to have the [bounce] it once did"),
  // not every word to the end of the sentence.
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
  if (refusesToSay(neg)) return false;
  // The other claim's own words: its speaker's verb is not what it claims ("Weiner, [known] for
  // his combative style" does not claim anything about knowing).
  const target = ownWords(pos);
  if (sameNegation(neg, pos, target)) return false;
  // Within one specific question about the same actors the question is the aim ("did Iran warn
  // Russia?": "Iran had tipped Russia off" / "not aware of any warnings coming from Iran"); the
  // speakers themselves do not count ("he did not know the woman", Weiner, and "Weiner, known
  // for his combative style" are not about one warning).
  const speakers = new Set([neg.claim.actorId, pos.claim.actorId]);
  if (neg.question === pos.question && neg.question !== 'truth' && [...neg.entities].some((e) => pos.entities.has(e) && !speakers.has(e))) return true;
  return [...denialScope(neg)].some((w) => target.has(w) && !SPEECH_NOUNS.has(w) && !neg.nameWords.has(w) && !pos.nameWords.has(w));
}

// A refusal to speak or an offer turned down: "declined to provide details", "refused to discuss
// it", "rejected the overture". The speaker withholds information or an act; no proposition is denied.
const REFUSAL_CUES: ReadonlySet<string> = new Set(['refuse', 'decline', 'reject', 'rebuff', 'turn down', 'spurn']);
const SAY_NOTHING = /^(?:to\s+(?:comment|discuss|answer|provide|give|say|disclose|elaborate|confirm|name|identify|specify|talk|speak|release|reveal|detail|explain)\b|(?:the|an?|his|her|their|its|that)\s+(?:\w+\s+)?(?:overture|offer|invitation|approach)s?\b)/i;

/**
 * A denial cue that refuses to speak, or turns an offer down, rather than denying what someone
 * said: "Sestak declined to provide details" and "he rejected the overture" deny nothing that
 * "the White House offered Sestak a post" asserts.
 * @example refusesToSay(features of "refused [to discuss it]") // true
 */
export function refusesToSay(f: ClaimFeatures): boolean {
  const cue = f.claim.cueLemma?.toLowerCase();
  return !!cue && REFUSAL_CUES.has(cue) && SAY_NOTHING.test(f.claim.text.trim());
}

const NEGATOR_WORDS = /^(?:not|no|never|n't|none|nothing|neither|nor|without)$/i;
const negatedCache = new WeakMap<ClaimFeatures, ReadonlySet<string>>();

/**
 * The stems a claim itself negates anywhere: the first content word after each negator ("there
 * is absolutely [no] delay" -> delay; "our position has [not] changed" -> chang).
 */
export function negatedStems(f: ClaimFeatures): ReadonlySet<string> {
  const known = negatedCache.get(f);
  if (known) return known;
  const words = f.claim.text.replace(/n[’']t\b/gi, " n't").match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|n't/gu) ?? [];
  const out = new Set<string>();
  words.forEach((word, i) => {
    if (!NEGATOR_WORDS.test(word)) return;
    const [first] = predicateStems(words.slice(i + 1, i + 6).join(' ')).filter((w) => !f.nameWords.has(w));
    if (first) out.add(first);
  });
  negatedCache.set(f, out);
  return out;
}

/**
 * Two claims that negate the same predicate agree: "there will be no delay" does not deny "checks
 * go out on time as planned, there is absolutely no delay", though the clause its polarity is read
 * on is positive; nor "the group's position had not changed" "Stay tuned -- our position has not
 * changed". True when every word the denial's negation reaches and the other claim holds is
 * negated in the other claim too.
 */
function sameNegation(neg: ClaimFeatures, pos: ClaimFeatures, target: ReadonlySet<string>): boolean {
  if (!neg.negation) return false;
  const aimed = [...denialScope(neg)].filter((w) => target.has(w) && !SPEECH_NOUNS.has(w) && !neg.nameWords.has(w) && !pos.nameWords.has(w));
  if (aimed.length === 0) return false;
  const negated = negatedStems(pos);
  return aimed.every((w) => negated.has(w));
}

/** A claim's words less its speaker's verb when the verb is not in its text (see `pointedDenial`). */
function ownWords(f: ClaimFeatures): ReadonlySet<string> {
  const known = targets.get(f);
  if (known) return known;
  const cue = f.claim.cueLemma ? contentStems(f.claim.cueLemma)[0] : undefined;
  const inText = new Set(contentStems(f.claim.text));
  const words = new Set(f.words.filter((w) => w !== cue || inText.has(w)));
  targets.set(f, words);
  return words;
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
  const known = alternatives.get(f);
  if (known !== undefined) return known;
  const answer = alternativeOf(f);
  alternatives.set(f, answer);
  return answer;
}
const alternatives = new WeakMap<ClaimFeatures, boolean>();

function alternativeOf(f: ClaimFeatures): boolean {
  const cue = f.negation;
  if (!cue || f.polarity > 0) return false;
  const after = f.claim.text.slice(Math.max(0, cue.end - f.claim.start));
  const stop = after.search(SCOPE_END);
  if (stop < 0) return false;
  const rest = after.slice(stop).replace(/^(?:[.;!?]|—|–|--|,\s*but\b)[\s”"’']*/, '');
  return contentStems(rest).length >= 3 && polarityOf(rest).value > 0;
}

const folds = new WeakMap<ClaimFeatures, string>();
/** A claim's text with case, quotes and spacing folded, read once per claim. */
function folded(f: ClaimFeatures): string {
  const known = folds.get(f);
  if (known !== undefined) return known;
  const text = f.claim.text.toLowerCase().replace(/[“”"‘’']/g, '').replace(/\s+/g, ' ').trim();
  folds.set(f, text);
  return text;
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
  const [inner, outer] = x.text.length <= y.text.length ? [a, b] : [b, a];
  const short = folded(inner);
  // The longer one quoting the words to negate them is a denial: "the war was not 'a war of
  // Obama's choosing'" against "a war of Obama's choosing". Quoting a negated statement whole in
  // a sentence whose main clause is positive is the same statement: "I don't question the
  // president's faith" and "... was a signal he had challenged it. 'I don't question the
  // president's faith,' he said".
  return short.length >= 20 && inner.polarity <= outer.polarity && folded(outer).includes(short);
}
