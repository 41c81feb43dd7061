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

/**
 * The kind of question a claim answers. Claims conflict only when they answer the same question
 * differently (or one denies the other).
 * - `responsibility`: who is behind it? ("ISIS-K claimed responsibility", "Kyiv helped the gunmen")
 * - `knowledge`: did X know, was X warned? ("Iran had tipped Russia off", "he was not aware")
 * - `count`: how many? ("the attack killed at least 133 people")
 * - `origin`: where from, where to? ("the attackers had tried to escape toward Ukraine")
 * - `prescription`: should X happen? ("the US must send more aid")
 * - `truth`: is X true? (any other proposition)
 */
export type QuestionKind = 'responsibility' | 'knowledge' | 'count' | 'origin' | 'prescription' | 'truth';

/**
 * What a claim asserts, as a proposition: the question it answers and its answer, with the
 * polarity of the clause that carries it. Computed by the narratives stage from the claim's text.
 */
export interface ClaimProposition {
  readonly question: QuestionKind;
  /** +1 when the speaker holds the proposition true; -1 when it is negated, denied or doubted. */
  readonly polarity: 1 | -1;
  /** The negation that made the polarity negative ("not", "no evidence", "cannot"), if any. */
  readonly negation?: Span;
  /**
   * Cross-actor ids the claim gives as its answer: the culprits of a "who is responsible?", the
   * actors it names otherwise ("Iran warned Russia": Iran, Russia).
   */
  readonly actors: readonly string[];
  /** Numbers it gives ("at least 133 people" -> 133). */
  readonly numbers: readonly number[];
  /** True when the answer is exclusive ("ISIS-K alone", "the sole culprit"). */
  readonly exclusive: boolean;
  /** True when it leaves the question open ("its true mastermind is yet to be established"). */
  readonly open: boolean;
}

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
  /**
   * How far the writer vouches for it, in [-1, 1]: the commitment model's writer score of the
   * predicate that introduces it ("revealed that" high, "claimed that" near 0), or the own-voice
   * reading (src/07-narratives/claim-stance.ts).
   */
  readonly writerCommitment?: number;
  /** Id of the attribution it comes from. */
  readonly attributionId?: string;
  /**
   * The whole attribution as one readable stretch, when its cue carries content and the content
   * alone does not read as a sentence: "Iran warned Russia about a major terrorist operation"
   * (content: "Russia about a major terrorist operation"). Used for labels.
   */
  readonly statement?: string;
  /** The proposition the claim asserts (set once the narratives stage has read the claim). */
  readonly proposition?: ClaimProposition;
}

/**
 * One side of a question: claims that give the same answer to the same question (or tell the
 * same story), with the claims that deny or doubt it attached as its disputing claims.
 */
export interface Narrative {
  /** Comparison-wide id, e.g. `n2` (prefixed by the event when grouped: `e1.n2`). */
  readonly id: string;
  /** Event (group) the narrative belongs to. */
  readonly event: string;
  /** Id of the question it answers (see `NarrativeQuestion.id`). */
  readonly question: string;
  /** Its answer, built from its propositions: "ISIS-K alone", "Iran warned Russia before the attack". */
  readonly answer: string;
  /** The question and the answer: "Who was behind the attack? ISIS-K alone". */
  readonly label: string;
  /** Ids of the claims that tell it (asserted or hedged; see `NarrativeClaim.id`). */
  readonly claimIds: readonly string[];
  /** Ids of the claims that deny or doubt it without asserting an alternative ("Kyiv denied any involvement"). */
  readonly disputingClaimIds: readonly string[];
  /** Cross-actor ids of those who assert, endorse or hedge it (never an outlet for reporting it). */
  readonly backers: readonly string[];
  /** Cross-actor ids of those who deny or doubt it, or assert a rival answer to its question. */
  readonly disputers: readonly string[];
  /** Outlets carrying at least one of its claims (telling or disputing it). */
  readonly outlets: readonly string[];
  /** Speakers who both back and dispute it: a real self-contradiction, flagged, not a conflict. */
  readonly selfContradicted?: readonly string[];
}

/** A question of an event and its competing answers (narratives). */
export interface NarrativeQuestion {
  /** Comparison-wide id, e.g. `e1.q1`. */
  readonly id: string;
  readonly event: string;
  readonly kind: QuestionKind;
  /** The question in words: "Who was behind the attack?", "Did Iran warn Russia?". */
  readonly text: string;
  /** The question with its answers and their backers: "Who was behind the attack? ISIS-K alone (US, EU) vs ...". */
  readonly label: string;
  /** True when it has rival answers, or an answer someone denies or doubts. */
  readonly contested: boolean;
  /** Narrative ids, most backed first. */
  readonly narratives: readonly string[];
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
  /** The questions of the event, contested ones first, each with its competing narratives. */
  readonly questions: readonly NarrativeQuestion[];
  readonly narratives: readonly Narrative[];
  readonly conflicts: readonly NarrativeConflict[];
  /**
   * Ids of the claims that are the event's background: asserted in an outlet's own voice (or by a
   * lone source) and contested by no one, so they belong to no narrative.
   */
  readonly background: readonly string[];
  /** Claims left out because the event had more than `maxClaims` (0 normally). */
  readonly skippedClaims: number;
}
