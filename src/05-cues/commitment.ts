/**
 * Commitment in context: the lexicon gives each cue a base source and reporter (writer)
 * commitment; the cue's grammatical environment shifts them. Rules apply in a fixed order
 * (negation, question, modal, conditional, then first person), each documented with an example.
 */
import type { CueEnvironment } from '../types/index.js';

/** Base scores of a cue, from its lexicon entry. */
export interface BaseCommitment {
  readonly sourceCommitment: number;
  readonly reporterCommitment: number;
  /** Factive cues presuppose their content, which survives negation and questions. */
  readonly factive: boolean;
}

/** Scores after the environment has been taken into account, each in [-1, 1]. */
export interface Commitment {
  readonly sourceCommitment: number;
  readonly reporterCommitment: number;
}

/** Negation flips the source's stance and halves it: "did not say P" is weak evidence against P. */
const NEGATION_FLIP = -0.5;
/** A questioned cue ("Did she admit that P?") asserts little. */
const QUESTION_SHRINK = 0.3;
/** "may have suggested", "could confirm": possibility, not fact. */
const MODAL_SHRINK = 0.5;
/** "if she admitted P": hypothetical. */
const CONDITIONAL_SHRINK = 0.5;

/**
 * Adjust a cue's base commitment for its environment.
 *
 * - negated: source flips and halves ("never denied P" -> mildly for P; "did not say P" -> mildly
 *   against). The writer's commitment survives for factives ("did not reveal that P" still
 *   presupposes P); otherwise any positive part is dropped and a negative one halved ("did not
 *   claim that P" does not make the writer vouch for P).
 * - question: source x0.3; reporter kept for factives ("Did he realise that P?" presupposes P),
 *   else x0.3.
 * - modal, conditional: both scores x0.5 each ("may have admitted", "if she admitted"),
 *   factive or not: the whole event is hypothetical.
 * - first person ("I think", "we believe"): the writer is the source, so reporter = source.
 *
 * @example
 * adjustCommitment({ sourceCommitment: 0.9, reporterCommitment: 0.7, factive: true },
 *   { negated: true, modal: false, question: false, conditional: false, firstPerson: false });
 * // { sourceCommitment: -0.45, reporterCommitment: 0.7 }
 */
export function adjustCommitment(base: BaseCommitment, environment: CueEnvironment): Commitment {
  let source = base.sourceCommitment;
  let reporter = base.reporterCommitment;
  if (environment.negated) {
    source *= NEGATION_FLIP;
    if (!base.factive) reporter = Math.min(reporter, 0) * 0.5;
  }
  if (environment.question) {
    source *= QUESTION_SHRINK;
    if (!base.factive) reporter *= QUESTION_SHRINK;
  }
  if (environment.modal) {
    source *= MODAL_SHRINK;
    reporter *= MODAL_SHRINK;
  }
  if (environment.conditional) {
    source *= CONDITIONAL_SHRINK;
    reporter *= CONDITIONAL_SHRINK;
  }
  if (environment.firstPerson) reporter = source;
  return { sourceCommitment: tidy(source), reporterCommitment: tidy(reporter) };
}

/** Clamp to [-1, 1], round to 2 decimals, and turn -0 into 0 so JSON output stays clean. */
function tidy(x: number): number {
  return Math.round(Math.min(1, Math.max(-1, x)) * 100) / 100 + 0;
}
