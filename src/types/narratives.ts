/**
 * The data model of the narratives stage (7): claims, cross-article actors, narratives and the
 * conflicts between them. Read-only and JSON-serialisable like the rest of `src/types`; no logic.
 * Every claim is a span of its article's ORIGINAL text.
 */
import type { ActorKind, Span, StanceClass } from './index.js';

/**
 * How the backer of a claim stands toward it.
 * - `asserts`: states it as true ("said", "insisted", "confirmed", or the reporter's own voice)
 * - `hedges`: puts it forward as possible ("suggested", "may have been")
 * - `denies`: says it is false ("denied", "rejected", "was not aware of")
 * - `doubts`: questions it ("skeptical about", "questioned", "yet to be established")
 */
export type ClaimStance = 'asserts' | 'hedges' | 'denies' | 'doubts';

/** One actor merged across the articles of a comparison. */
export interface CrossActor {
  /** Comparison-wide id, e.g. `A3`. */
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  /** Every surface form used for it, in any article. */
  readonly aliases: readonly string[];
  /** The per-article actors merged into it. */
  readonly members: readonly { readonly articleId: string; readonly actorId: string }[];
}

/** A proposition a narrative is made of: an attributed content or the reporter's own assertion. */
export interface NarrativeClaim extends Span {
  /** Comparison-wide id, e.g. `c12`. */
  readonly id: string;
  readonly articleId: string;
  readonly outlet: string | null;
  /** Index of the sentence in the article's `sentences`. */
  readonly sentence: number;
  /** The cross-article actor who backs it; absent for the reporter's own voice or an unresolved source. */
  readonly actorId?: string;
  /** Further backers of a coordinated source ("The US and the EU have insisted"). */
  readonly coActorIds?: readonly string[];
  /** The source as written when no actor was resolved ("one of the sources"). */
  readonly sourceText?: string;
  readonly stance: ClaimStance;
  /** `attributed` when a cue introduces it, `own` when the outlet asserts it in its own voice. */
  readonly voice: 'attributed' | 'own';
  /** Class and lemma of the cue, when attributed. */
  readonly cueClass?: StanceClass;
  readonly cueLemma?: string;
  /** How far the backer is committed to it, in [-1, 1]. */
  readonly commitment: number;
  /** Id of the attribution it comes from. */
  readonly attributionId?: string;
  /**
   * The whole attribution as one readable stretch, when its cue carries content and the content
   * alone does not read as a sentence: "Iran warned Russia about a major terrorist operation"
   * (content: "Russia about a major terrorist operation"). Used for labels.
   */
  readonly statement?: string;
}

/** A group of claims telling the same story. */
export interface Narrative {
  /** Comparison-wide id, e.g. `n2` (prefixed by the event when grouped: `e1.n2`). */
  readonly id: string;
  /** Event (group) the narrative belongs to. */
  readonly event: string;
  /** A short readable label made from its own claims' words. */
  readonly label: string;
  /** Ids of its claims (see `NarrativeClaim.id`). */
  readonly claimIds: readonly string[];
  /** Cross-actor ids of those who assert (or hedge) it. */
  readonly backers: readonly string[];
  /** Cross-actor ids of those who deny or doubt it. */
  readonly disputers: readonly string[];
  /** Outlets carrying at least one of its claims. */
  readonly outlets: readonly string[];
}

/** Why two claims cannot both be true. */
export type ContradictionSignal =
  | 'denial' // one denies or doubts what the other asserts ("Peskov was not aware of any warnings")
  | 'rival-agent' // a different answer to "who did it" ("ISIS-K" vs "Ukraine may be linked")
  | 'exclusivity' // "sole culprit", "alone" against any other agent
  | 'open-question'; // "the true mastermind is yet to be established" against a settled answer

/** One piece of evidence for a conflict: a pair of claims and the signal that opposes them. */
export interface ConflictEvidence {
  readonly signal: ContradictionSignal;
  readonly claimA: string;
  readonly claimB: string;
  /** Strength of the negative link, in (0, 1]. */
  readonly weight: number;
}

/** Two narratives that compete: they cannot both be true. */
export interface NarrativeConflict {
  /** Narrative ids. */
  readonly a: string;
  readonly b: string;
  /** A readable summary of the signals, e.g. "denial; rival-agent". */
  readonly reason: string;
  readonly evidence: readonly ConflictEvidence[];
}

/** What the narratives stage produces for one event (one group of articles). */
export interface NarrativeAnalysis {
  readonly event: string;
  readonly claims: readonly NarrativeClaim[];
  readonly narratives: readonly Narrative[];
  readonly conflicts: readonly NarrativeConflict[];
  /** Claims left out because the event had more than `maxClaims` (0 normally). */
  readonly skippedClaims: number;
}
