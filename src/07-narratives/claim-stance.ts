/**
 * Step 7.2b: the stance of a claim, refined by the commitments of the clause-embedding predicates
 * that govern it (src/05-cues/commitments). The cue class gives the first reading; a predicate
 * whose clause is the claim says more:
 *
 * - "Peskov said he was not aware that Iran had warned Russia": the speaker's content is governed
 *   by "not aware", whose subject does not hold the clause: the speaker doubts it.
 * - "Officials revealed that the mine was unsafe": the speaker asserts it and the writer vouches
 *   for it too (writer commitment of "reveal" is high); "claimed that" leaves the writer neutral.
 * - "It seems that the talks failed." (own voice): the writer hedges; "It is unlikely that ..."
 *   doubts; "It is clear that ..." asserts.
 */
import type { AnalyzedArticle, Attribution, PredicateCommitment, Span } from '../types/index.js';
import type { ClaimStance } from '../types/narratives.js';
import { loadCommitmentModel } from '../05-cues/commitments/index.js';

/** Stance and commitments of one claim. */
export interface ClaimStanceReading {
  readonly stance: ClaimStance;
  /** How far the backer (the speaker, or the writer in own voice) is committed to the claim, in [-1, 1]. */
  readonly commitment: number;
  /** How far the writer vouches for the claim, in [-1, 1]. */
  readonly writerCommitment: number;
}

/** Share of the claim's characters a predicate's clause must cover to govern it. */
const GOVERNS = 0.5;
/** Commitment of an own-voice claim no predicate governs: the writer asserts it. */
const OWN_ASSERTION = 1;
/** Own voice with a hedging word ("reportedly", "might") and no predicate reading. */
const OWN_HEDGE = 0.4;

/**
 * The stance a commitment score gives: >= 0.5 asserts, >= 0.1 hedges, below that the holder
 * withholds belief (doubts). Denial is left to the cue class ("denied that" is a denial cue).
 *
 * @example
 * stanceOfScore(0.75) // 'asserts'  ("it is clear that")
 * stanceOfScore(0.3)  // 'hedges'   ("it seems that")
 * stanceOfScore(-0.3) // 'doubts'   ("he was not aware that", "I don't think")
 */
export function stanceOfScore(score: number): ClaimStance {
  if (score >= 0.5) return 'asserts';
  if (score >= 0.1) return 'hedges';
  return 'doubts';
}

/**
 * The predicate whose clause covers most of `span` (at least half of it), among the "that"-clause
 * predicates of `sentence`; the outermost one when several nest ("I don't think she knew that P"
 * -> think). "To" infinitives are left out: "he would not allow the incident to distract him"
 * says what happens, not what anyone believes.
 */
export function governingPredicate(text: string, commitments: readonly PredicateCommitment[], sentence: number, span: Span): PredicateCommitment | undefined {
  let best: PredicateCommitment | undefined;
  let bestCover = 0;
  for (const c of commitments) {
    if (c.sentence !== sentence || c.complementType !== 'that' || c.predicate.end > span.end || !clauseIsSure(text, c)) continue;
    const cover = Math.max(0, Math.min(c.clause.end, span.end) - Math.max(c.clause.start, span.start));
    if (cover < GOVERNS * (span.end - span.start)) continue;
    // Outermost first: the earlier predicate, whose clause holds the later one.
    if (!best || cover > bestCover || (cover === bestCover && c.predicate.start < best.predicate.start)) { best = c; bestCover = cover; }
  }
  return best;
}

/**
 * Stance of an attributed claim: the cue's reading (`cueStance`, from its class and negation), unless a predicate inside
 * the content governs the claim and its subject is the speaker speaking of themself ("he was not
 * aware that P", "she is sure that P"): then the predicate's subject commitment decides. The
 * writer's commitment comes from the predicate on the cue when the model scored it (the same
 * model as `commitments`), else from the cue.
 *
 * @example
 * // "Peskov said he was not aware that Iran had warned Russia."
 * attributedStance(article, attribution, span, 'asserts') // { stance: 'doubts', commitment: -0.3, writerCommitment: 0.2 }
 */
export function attributedStance(article: AnalyzedArticle, attribution: Attribution, span: Span, cueStance: ClaimStance): ClaimStanceReading {
  const { cue } = attribution;
  const commitments = article.commitments ?? [];
  const onCue = commitments.find((c) => c.cueId === cue.id);
  const writerCommitment = onCue?.writerCommitment ?? cue.reporterCommitment;
  const base = { stance: cueStance, commitment: cue.sourceCommitment, writerCommitment };
  const inner = governingPredicate(article.text, commitments.filter((c) => c !== onCue && c.predicate.start >= span.start), cue.sentence, span);
  if (!inner || !selfReport(article, inner)) return base;
  // A denial or doubt cue over the inner predicate stays what it was: "denied he knew that P".
  if (base.stance === 'denies' || base.stance === 'doubts') return base;
  return { stance: capHedge(inner.lemma, stanceOfScore(inner.subjectCommitment)), commitment: inner.subjectCommitment, writerCommitment };
}

/**
 * A hedge (Hyland's list: "possible", "likely", "probable", "suggest") never asserts, however
 * high its score: "It is possible that the talks will resume" hedges. Its negation keeps its
 * own reading ("unlikely" -> doubts).
 */
function capHedge(lemma: string, stance: ClaimStance): ClaimStance {
  return stance === 'asserts' && (loadCommitmentModel().inventory[lemma]?.classes.includes('hedge') ?? false) ? 'hedges' : stance;
}

/**
 * Stance of an own-voice sentence: a predicate governing it whose subject is the writer ("it
 * seems that P", "it is clear that P", "I doubt that P") gives the writer's commitment; other
 * sentences keep the hedge-word reading (`hedged`).
 *
 * @example
 * ownVoiceStance(article, 3, span, false) // "It seems that the talks failed." -> { stance: 'hedges', ... }
 */
export function ownVoiceStance(article: AnalyzedArticle, sentence: number, span: Span, hedged: boolean): ClaimStanceReading {
  const governing = governingPredicate(article.text, article.commitments ?? [], sentence, span);
  if (governing && governing.environment.person !== 'third') {
    const score = governing.writerCommitment;
    return { stance: capHedge(governing.lemma, stanceOfScore(score)), commitment: score, writerCommitment: score };
  }
  const commitment = hedged ? OWN_HEDGE : OWN_ASSERTION;
  return { stance: hedged ? 'hedges' : 'asserts', commitment, writerCommitment: commitment };
}

/**
 * True when the clause is surely one: introduced by "that", or bare after a first-person subject
 * or a weak assertive ("I think it will", "he believes Obama is"). Other bare readings are often
 * an object ("he did not know the woman who received it") or a copula ("It is a lesson
 * politicians never learn").
 */
function clauseIsSure(text: string, c: PredicateCommitment): boolean {
  if (/\bthat\s*$/i.test(text.slice(c.predicate.end, c.clause.start))) return true;
  if (c.environment.person === 'first') return true;
  return loadCommitmentModel().inventory[c.lemma]?.classes.includes('assertive:weak') ?? false;
}

/** A pronoun subject right before the predicate's verb group: the speaker speaking of themself ("he was not aware"). */
const SELF = /\b(he|she|they|we|i|it)\s+(?:\w+\s+){0,3}$/i;

/** True when the predicate's subject is a pronoun (the speaker reporting their own state of mind), or the predicate is impersonal. */
function selfReport(article: AnalyzedArticle, c: PredicateCommitment): boolean {
  if (c.environment.person === 'impersonal' || c.environment.person === 'first') return true;
  const before = article.text.slice(Math.max(0, c.predicate.start - 40), c.predicate.start);
  return SELF.test(before);
}
