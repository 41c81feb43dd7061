/**
 * The version-2 and version-3 record shapes (2026-11-27 and 2026-11-28, until version 4): one
 * object per sentence, mention, cue, attribution, claim and predicate, every quoted span
 * `{start, end, text}`. Kept so {@link fromRecord} can read stored analyses and queue results
 * written by older narrascope versions; nothing writes them any more.
 */
import type { CueEnvironment, DroppedRegion, Diagnostic, DuplicateOf, MentionForm, PartOfSpeech, Span, StanceClass, ActorKind, PredicateCommitment, PredicateEnvironment } from '../types/index.js';

/** A sentence: its text is `text.slice(start, end)`; token range only when tokens are written. */
export interface SentenceRecord {
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  readonly firstToken?: number;
  readonly endToken?: number;
}

/** A token: its text is `text.slice(start, end)`; `lineStart` only when true. */
export interface TokenRecord {
  readonly start: number;
  readonly end: number;
  readonly pos: PartOfSpeech;
  readonly lemma: string;
  readonly lineStart?: true;
}

/** A mention, listed under its actor; `form` absent means `name` (version 2 always wrote it). */
export interface MentionRecord {
  readonly start: number;
  readonly end: number;
  readonly form?: MentionForm;
  readonly role?: string;
}

/**
 * An actor with its mentions. `aliases` (the distinct texts of its non-pronoun mentions) and
 * `roles` (the distinct roles of its mentions) are written only when they differ from that.
 */
export interface ActorRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly aliases?: readonly string[];
  readonly roles?: readonly string[];
  readonly mentions: readonly MentionRecord[];
}

/** A cue; `environment` lists only the flags that are true (absent: all false). */
export interface CueRecord {
  readonly id: string;
  readonly spans: readonly Span[];
  readonly lemma: string;
  readonly stanceClass: StanceClass;
  readonly sourceCommitment: number;
  readonly reporterCommitment: number;
  readonly environment?: Partial<CueEnvironment>;
  readonly sentence: number;
}

/** An attribution; its cue is the one of `cues` with id `cueId`. */
export interface AttributionRecord {
  readonly id: string;
  readonly source: { readonly spans: readonly Span[]; readonly actorId: string | null } | null;
  readonly cueId: string;
  readonly content: readonly Span[];
  readonly parentId?: string;
}

/** A claim: `{id, sentence}` when it is its whole sentence (its text is the sentence's), else with its span. */
export interface ClaimRecord {
  readonly id: string;
  readonly span?: Span;
  readonly sentence: number;
}

/**
 * A clause-embedding predicate. `predicate` is absent when it is the single span of the cue
 * `cueId` (written in the same record); `environment` lists the true flags, tense and person.
 */
export interface CommitmentRecord extends Omit<PredicateCommitment, 'predicate' | 'environment'> {
  readonly predicate?: Span;
  readonly environment: Partial<PredicateEnvironment> & Pick<PredicateEnvironment, 'tense' | 'person'>;
}

/** One analysed article on disk. Fields left out with `--fields` are absent. */
export interface AnalysisRecordV3 {
  readonly formatVersion: 2 | 3;
  readonly id: string;
  readonly outlet?: string | null;
  readonly date?: string | null;
  readonly title?: string | null;
  readonly url?: string | null;
  readonly text?: string;
  readonly dropped?: readonly DroppedRegion[];
  readonly sentences?: readonly SentenceRecord[];
  readonly tokens?: readonly TokenRecord[];
  readonly actors?: readonly ActorRecord[];
  readonly cues?: readonly CueRecord[];
  readonly attributions?: readonly AttributionRecord[];
  readonly claims?: readonly ClaimRecord[];
  /** Clause-embedding predicates with their commitments (their spans are quoted evidence). */
  readonly commitments?: readonly CommitmentRecord[];
  readonly diagnostics?: readonly Diagnostic[];
  readonly duplicateOf?: DuplicateOf;
}
