/**
 * Step 7.3a: the polarity of a claim, computed on the clause that carries it. A negator counts
 * only in the clause it stands in: "there was no indication that Ukraine had been involved" is
 * negative (the main clause is negated), "officials who did not attend said the vote was fair" is
 * positive (the negator sits in a relative clause). A main clause whose predicate only frames its
 * complement ("there is no evidence that ...", "it is clear that ...") passes polarity through to
 * that complement. Never an odd count over a window of words: the same sentence gets the same
 * polarity whatever the span around it.
 */
import type { Span } from '../types/index.js';

/** The polarity of a claim and the word that decided it. */
export interface Polarity {
  /** +1: the claim holds its proposition true; -1: it negates, denies or rejects it. */
  readonly value: 1 | -1;
  /** The negation that decided a negative polarity (offsets into the text given), if any. */
  readonly cue?: Span;
  /** True when the main clause is a question ("How come his family doesn't know ...?"). */
  readonly question: boolean;
}

// Negators (after the NegEx trigger list, Chapman et al. 2001, reduced to news forms):
// "he was not aware", "cannot be ruled out", "no evidence", "never", "nothing", "unaware".
const NEGATORS = new Set([
  'not', "n't", 'no', 'never', 'nothing', 'none', 'nobody', 'neither', 'nor', 'cannot', "can't", 'unaware',
  'nowhere', 'lacks', 'lacked', 'lack', 'failed', 'fails', 'fail', 'refused', 'refuses', 'denied', 'denies', 'deny', 'denying',
]);
// Words that reverse the proposition they take ("doubt the claim"): under a negator they cancel
// it ("we have no reason to doubt the claim" asserts the claim).
// "to question a witness" asks, it does not doubt: the bare form "question" is left out.
const REVERSERS = new Set(['doubt', 'doubts', 'doubted', 'dispute', 'disputes', 'disputed', 'reject', 'rejects', 'rejected', 'questioned', 'questions', 'dismissed', 'dismisses', 'refuted', 'refutes']);
// A reverser after a determiner is a noun naming the act, not doing it: "the dispute comes as
// tensions escalated", "a doubt"; except after a negator ("no doubt", "not a question").
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'any', 'some', 'legal', 'public', 'political']);
// Falsity judgements: "the accusations are absurd", "not accurate" (not + accurate), "baseless".
// They do not cancel a rejecting verb ("rejected the accusations as absurd" is still a denial).
const FALSITY = new Set(['false', 'untrue', 'baseless', 'absurd', 'groundless', 'unfounded', 'inaccurate', 'bogus', 'nonsense', 'lies', 'fabricated', 'fabrication', 'misleading', 'debunked']);
// Phrases with a negator that negate nothing: "not only X but Y", "no doubt", "nothing but".
// "There is no question that X" asserts X, as "no doubt" does; "no questions" (none asked) is left alone.
const NOT_NEGATING = /\b(not only|not just|not merely|no sooner|nothing but|not least|no matter|none other|no question(?=\s+(?:that|about)\b))\b/gi;
// A short quotation followed by the noun it describes quotes the speaker's adjectives, it negates
// nothing: "withdraw its "bigoted, false and inflammatory" resolution" asks for a withdrawal. A
// quoted judgement standing as the predicate ("called the comments "inaccurate."") still negates.
const QUOTED_MODIFIER = /[“"]([^”"]{1,60})[”"](?=\s+[\p{Ll}])/gu;
const FALSITY_WORD = /\b(?:false|untrue|baseless|absurd|groundless|unfounded|inaccurate|bogus|nonsense|lies|fabricated|fabrication|misleading|debunked)\b/gi;
// Words that open a subordinate clause: its negators do not negate the claim's main clause.
const SUBORDINATORS = new Set(['that', 'which', 'who', 'whom', 'whose', 'because', 'although', 'though', 'while', 'whereas', 'if', 'unless', 'when', 'whenever', 'where', 'since', 'after', 'before', 'until', 'whether']);
// Main-clause predicates that only frame the complement: "there is no evidence that X" is about X.
const FRAMES = new Set([
  'there', 'is', 'was', 'are', 'were', 'be', 'been', 'it', 'any', 'evidence', 'indication', 'indications', 'sign', 'signs',
  'proof', 'reason', 'reasons', 'clear', 'true', 'likely', 'certain', 'sure', 'possible', 'fact', 'we', 'they', 'i', 'he',
  'she', 'have', 'has', 'had', 'see', 'saw', 'seen', 'found', 'find', 'believe', 'think', 'know', 'knew', 'indicate',
  'suggest', 'show', 'shows', 'showed', 'that', 'doubt', 'question', 'the', 'a', 'an', 'so', 'far', 'yet', 'still',
  'credible', 'firm', 'hard', 'concrete', 'direct', 'real', 'to', 'do', 'does', 'did', 'at', 'all', 'this', 'point',
]);
const LEADING_SUBORDINATORS = new Set(['if', 'when', 'although', 'though', 'while', 'after', 'before', 'because', 'since', 'unless', 'as', 'once']);

interface Word { readonly lower: string; readonly start: number; readonly end: number }

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  const masked = text.replace(NOT_NEGATING, (m) => m.replace(/\S/g, '_'))
    .replace(QUOTED_MODIFIER, (m) => m.replace(FALSITY_WORD, (w) => w.replace(/\S/g, '_')));
  for (const m of masked.matchAll(/[\p{L}\p{N}_]+(?:[-'’][\p{L}\p{N}_]+)*|[,;:?—–]|--/gu)) {
    const start = m.index ?? 0;
    let lower = m[0].toLowerCase().replace(/’/g, "'");
    // "doesn't", "can't", "won't": the negation is its own word.
    if (/n't$/.test(lower) && lower !== "can't") lower = "n't";
    out.push({ lower, start, end: start + m[0].length });
  }
  return out;
}

/**
 * Whether a goal complement without "that" starts at word `i`: right after "make sure" / "making
 * sure" or the bare "ensure" ("to make sure they don't tolerate bigots", "to ensure it never
 * happens again", "make sure you have comfortable shoes"). What such a complement negates is a
 * goal, not something the claim holds false. Past and predicted outcomes are facts and keep their
 * negation: "it ensured he was not beholden", "ensuring no one could check", "would ensure he
 * would never raise his arms". Read on 312 sentences of the shared corpora with these verbs
 * (PolNeAR, BASIL, NeuS, article-bias, 2026-11-28): it changes 16, each a goal.
 */
function goalComplementAt(words: readonly Word[], i: number): boolean {
  const verb = words[i - 1]?.lower ?? '';
  const before = words[i - 2]?.lower ?? '';
  if (SUBORDINATORS.has(words[i]?.lower ?? '') || i < 1) return false;
  if (verb === 'sure') return before === 'make' || before === 'making';
  return verb === 'ensure' && before !== 'would' && before !== 'will';
}

/** Clauses of a text as word ranges: cut at subordinators, semicolons, dashes and ", but". */
function clauses(words: readonly Word[]): Word[][] {
  const out: Word[][] = [[]];
  words.forEach((w, i) => {
    // "X, but Y", "X but Y", "X; Y", "X – Y", "X that Y": a new clause starts.
    // "X, and not Y" / "X, not Y": a contrast that rejects an alternative after the claim is made
    // ("it should be for voters to decide, and not a matter for judges" asserts the first part).
    const contrast = (w.lower === 'not' && words[i - 1]?.lower === ',') || (w.lower === 'and' && words[i - 1]?.lower === ',' && words[i + 1]?.lower === 'not');
    // "to make sure they don't tolerate bigots", "to ensure it never happens again": a goal
    // complement with no "that"; its negation is what is to be brought about, not asserted.
    const bringAbout = goalComplementAt(words, i);
    const cut = SUBORDINATORS.has(w.lower) || bringAbout || /^[;:—–]$|^--$/.test(w.lower) || (w.lower === 'but' && i > 0) || (contrast && (out[out.length - 1]?.length ?? 0) >= 2);
    if (cut && (out[out.length - 1]?.length ?? 0) > 0) out.push([]);
    if (w.lower !== ',' && !/^[;:—–]$|^--$/.test(w.lower)) out[out.length - 1]?.push(w);
  });
  return out.filter((c) => c.length > 0);
}

/** Polarity of one clause by itself, and the word that made it negative. */
function clausePolarity(clause: readonly Word[]): { value: 1 | -1; cue?: Word } {
  let negators = 0;
  let falsity = false;
  let cue: Word | undefined;
  clause.forEach((w, i) => {
    if (REVERSERS.has(w.lower) && DETERMINERS.has(clause[i - 1]?.lower ?? '')) return;
    if (NEGATORS.has(w.lower) || REVERSERS.has(w.lower)) {
      negators++;
      cue ??= w;
    } else if (FALSITY.has(w.lower)) {
      falsity = true;
      cue ??= w;
    }
  });
  // "not false" asserts; "rejected ... as absurd" denies: a falsity word does not cancel a reverser.
  const negative = falsity ? negators % 2 === 0 || clause.some((w) => REVERSERS.has(w.lower) || w.lower === 'denied') : negators % 2 === 1;
  return negative ? { value: -1, ...(cue ? { cue } : {}) } : { value: 1 };
}

const isFrame = (clause: readonly Word[]): boolean => clause.every((w) => FRAMES.has(w.lower) || NEGATORS.has(w.lower) || REVERSERS.has(w.lower));

/**
 * The polarity of a claim's text, from its main clause: a leading complementiser is skipped
 * ("that Kyiv helped"), so is a leading adverbial clause ("If the talks fail, there will be no
 * deal" is decided by "there will be no deal"); a framing main clause passes through to its
 * complement ("there was no indication that Ukraine had been involved": no x involved = -1).
 * @example polarityOf('he was not aware of any warnings coming from Iran').value // -1
 * @example polarityOf('officials who did not attend said the vote was fair').value // 1
 */
export function polarityOf(text: string): Polarity {
  const words = wordsOf(text);
  const question = /\?\s*["”’']?\s*$/.test(text);
  let parts = clauses(words);
  // "that Kyiv helped the gunmen": the complementiser opens the claim's own clause.
  if (/^(that|whether)$/.test(words[0]?.lower ?? '') && parts.length > 0) parts = [parts[0]?.slice(1) ?? [], ...parts.slice(1)].filter((c) => c.length > 0);
  // "If the talks fail, there will be no deal": skip a leading adverbial clause up to its comma.
  if (LEADING_SUBORDINATORS.has(words[0]?.lower ?? '')) {
    const comma = words.findIndex((w) => w.lower === ',');
    if (comma > 0 && comma < words.length - 2) parts = clauses(words.slice(comma + 1));
  }
  let value: 1 | -1 = 1;
  let cue: Word | undefined;
  for (const clause of parts) {
    const p = clausePolarity(clause);
    if (p.value < 0) {
      value = value === 1 ? -1 : 1;
      cue ??= p.cue;
    }
    // Only a framing clause lets the next clause decide too; otherwise the main clause is the claim.
    if (!isFrame(clause)) break;
  }
  const span = value < 0 && cue ? { start: cue.start, end: cue.end, text: text.slice(cue.start, cue.end) } : undefined;
  return { value, question, ...(span ? { cue: span } : {}) };
}
