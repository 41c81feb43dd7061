/**
 * The divergence report written by `narrascope compare` (the JSON contract of issue 5). Plain,
 * JSON-serialisable data; every span is `{start, end, text}` in its article's original text.
 */
import type { ActorKind, ClaimStance, ContradictionSignal, DropReason, NarrativeQuestion, QuestionKind, StanceClass } from '../types/index.js';
import type { ConflictingFigure } from './figures.js';
import type { Prominence } from './prominence.js';

export type { ConflictingFigure, FigureMention } from './figures.js';

export type { Prominence } from './prominence.js';

/** An article of the comparison. */
export interface ReportArticle {
  readonly id: string;
  readonly outlet: string;
  readonly title: string | null;
  readonly date: string | null;
  /** Event (group) id, see `DivergenceReport.events`. */
  readonly event: string;
  /** Regions the clean stage dropped (teasers, bylines, captions...), with its reason and explanation. */
  readonly dropped: readonly { readonly start: number; readonly end: number; readonly text: string; readonly reason: DropReason; readonly detail: string }[];
  readonly duplicateOf?: string;
  /** The original text, so every span can be checked (and highlighted by the HTML page). */
  readonly text: string;
}

/** An actor merged across articles, with the names each outlet uses for it. */
export interface ReportActor {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly aliases: readonly string[];
  /** The labels each outlet chooses for the actor ("ISIS-K" vs "Islamic State's Afghan affiliate"). */
  readonly labels: readonly { readonly outlet: string; readonly labels: readonly string[] }[];
}

/** One attribution: who said what, with which cue. */
export interface ReportAttribution {
  readonly articleId: string;
  readonly source: { readonly start: number; readonly end: number; readonly text: string; readonly actorId: string | null } | null;
  readonly cue: {
    readonly start: number; readonly end: number; readonly text: string; readonly lemma: string;
    readonly class: StanceClass; readonly sourceCommitment: number; readonly reporterCommitment: number;
  };
  readonly content: { readonly start: number; readonly end: number; readonly text: string };
}

/** A claim of a narrative (or of an event's background). */
export interface ReportClaim {
  readonly id: string;
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly actorId?: string;
  readonly stance: ClaimStance;
  readonly voice: 'attributed' | 'own';
  readonly cueClass?: StanceClass;
  /** `tells`: it states the narrative (asserted or hedged); `disputes`: it denies or doubts it. */
  readonly role: 'tells' | 'disputes';
  /** +1 when its clause holds the proposition true, -1 when it negates it. */
  readonly polarity: 1 | -1;
  /** The negation that made the clause negative ("not", "no evidence"), in the article's offsets. */
  readonly negation?: { readonly start: number; readonly end: number; readonly text: string };
}

/** A narrative: one answer to a question, the claims that tell and dispute it, its backers and disputers. */
export interface ReportNarrative {
  readonly id: string;
  readonly event: string;
  /** Id of the question it answers (see `DivergenceReport.questions`). */
  readonly question: string;
  /** Its answer in a few words: "ISIS-K alone". */
  readonly answer: string;
  /** Question and answer: "Who was behind the attack? ISIS-K alone". */
  readonly label: string;
  /** Claims telling it, then claims disputing it (see `ReportClaim.role`). */
  readonly claims: readonly ReportClaim[];
  /** Actor ids of those who assert, endorse or hedge it (an outlet reporting it is no backer). */
  readonly backers: readonly string[];
  /** Actor ids of those who deny or doubt it, or give a rival answer. */
  readonly disputers: readonly string[];
  readonly outlets: readonly string[];
  /** Actor ids of speakers who both back and dispute it (a self-contradiction, flagged). */
  readonly selfContradicted?: readonly string[];
}

/** A question of an event and its competing answers: as the narratives stage gives it. */
export type ReportQuestion = NarrativeQuestion;

/** An event's background: statements outlets make in their own voice that no one contests. */
export interface ReportBackground {
  readonly event: string;
  readonly claims: readonly Omit<ReportClaim, 'role'>[];
}

/**
 * How an outlet covers a narrative: it `tells` it (its claims state it, or the claim-relation
 * model finds one of its articles supporting it), `disputes` it (only its disputing claims, or an
 * article the model finds disputing it), `discusses` it (one of its claims says much the same in
 * other words, or the model reads it as discussing it), or `omits` it.
 */
export type Coverage = 'tells' | 'disputes' | 'discusses' | 'omits';

/** Two narratives that cannot both be true. */
export interface ReportConflict {
  readonly a: string;
  readonly b: string;
  readonly reason: string;
  readonly evidence: readonly { readonly signal: ContradictionSignal; readonly claimA: string; readonly claimB: string; readonly weight: number }[];
}

/** One outlet's coverage of one event. */
export interface ReportOutlet {
  readonly outlet: string;
  readonly event: string;
  readonly articles: number;
  /** Share of the outlet's narrative claims in each narrative of the event (sums to 1, or all 0). */
  readonly shares: Readonly<Record<string, number>>;
  /**
   * Narratives of the event other outlets carry and this one does not address at all, stated only
   * when the evidence is strong (`omissions.ts`): its coverage is `omits` (none of its claims
   * tells, disputes or, by the claim-relation model, discusses them) and this outlet names none
   * of its named backers (or, when it has none, of its named answer actors); and it is a whole
   * side, not a possible fragment of one the outlet tells through other voices: three telling
   * claims or more, or contested, and no narrative the outlet tells paraphrases it (`whole-sides.ts`).
   * A `coverage` of `omits` that is not listed here is a weaker judgement: not found in the
   * outlet, without evidence enough to say it is left out (Markdown and HTML show it as "—").
   */
  readonly omitted: readonly string[];
  /**
   * Per narrative in `omitted`, the actor ids it rests on: the narrative's named backers and named
   * answer actors this outlet never names, neither as an actor nor in its text (may be empty when
   * the omission rests on the answer alone and the answer has no named actor).
   */
  readonly unnamed?: Readonly<Record<string, readonly string[]>>;
  /** How the outlet covers each narrative of its event (see {@link Coverage}). */
  readonly coverage: Readonly<Record<string, Coverage>>;
  /** Per actor, the cue classes the outlet uses for what the actor says. */
  readonly framing: readonly { readonly actorId: string; readonly class: StanceClass; readonly count: number }[];
  /**
   * Per narrative, claims in the outlet's own voice vs attributed, hedged ones, and distanced ones
   * (a distancing cue such as "claimed", scare quotes, or a label such as "so-called").
   */
  readonly voice: Readonly<Record<string, { readonly own: number; readonly attributed: number; readonly hedged: number; readonly distanced: number }>>;
  /** Every distancing mark in the outlet's sentences: scare quotes and labels ("so-called", "state media"). */
  readonly distancing: readonly string[];
  /** Per quoted actor: direct quotes vs paraphrase, first position, share of attributed words. */
  readonly prominence: readonly Prominence[];
}

/** Divergence of two outlets on one event, in [0, 1]. */
export interface ReportPair {
  readonly event: string;
  readonly a: string;
  readonly b: string;
  /** Jensen-Shannon divergence (base 2) of their narrative shares. */
  readonly narratives: number;
  /**
   * Mean Jensen-Shannon divergence of the cue classes they use for the actors both quote; `null`
   * when they quote no common actor (0 means they frame their common actors identically).
   */
  readonly framing: number | null;
  /** Mean of the two components (the narrative component alone when `framing` is null). */
  readonly score: number;
}

/** The whole report. */
export interface DivergenceReport {
  readonly generatedAt: string;
  readonly events: readonly {
    readonly id: string; readonly name: string; readonly articleIds: readonly string[];
    /** Claims not clustered because the event was too large (see `NarrativeOptions.maxClaims`); absent when none. */
    readonly skippedClaims?: number;
  }[];
  readonly articles: readonly ReportArticle[];
  readonly actors: readonly ReportActor[];
  readonly attributions: readonly ReportAttribution[];
  /** The questions of each event, contested ones first, each with its competing narratives. */
  readonly questions: readonly ReportQuestion[];
  readonly narratives: readonly ReportNarrative[];
  /** Per event, the uncontested own-voice statements (context, not narratives). */
  readonly background: readonly ReportBackground[];
  readonly conflicts: readonly ReportConflict[];
  /** Quantities the outlets of an event report with different numbers (death tolls, amounts). */
  readonly figures: readonly ConflictingFigure[];
  readonly outlets: readonly ReportOutlet[];
  readonly divergence: {
    /** Mean pair score over all events' outlet pairs; 0 with fewer than two outlets. */
    readonly overall: number;
    readonly method: string;
    readonly pairs: readonly ReportPair[];
  };
}
