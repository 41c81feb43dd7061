/**
 * The on-disk form of an analysed article: one JSON object per line of `narrascope analyze`,
 * one stored analysis of a job. In memory the pipeline keeps the rich {@link AnalyzedArticle}
 * (every span with its text, every attribution holding its cue); on disk nothing is written twice:
 *
 * - the article text once; a sentence is `{start, end, paragraph}` (its text is the article's
 *   text between its offsets), a mention `{start, end[, form][, role]}` (its actor is the one it is
 *   listed under, `form` absent means "name"), a token `{start, end, pos, lemma}`;
 * - spans a reader quotes as evidence keep `{start, end, text}`: cue, source and content
 *   fragments, predicates and their clauses, claims that are not a whole sentence, dropped regions;
 * - what another part already holds is referred to, not copied: an attribution names its cue by id
 *   (`cueId`), a claim that is a whole sentence names that sentence (`{id, sentence}`), a
 *   predicate that is its cue's word names the cue (`cueId`, no `predicate`), an actor's aliases and
 *   roles are those of its mentions;
 * - environments list only the flags that are true (predicates also their tense and person).
 *
 * `formatVersion` is 3 (since 2026-11-28). Version 2 (the same with every part written out) and
 * records without `formatVersion` (version 1, the in-memory shape written before issue 14) are
 * still read by {@link fromRecord}.
 */
import type { CueEnvironment, DroppedRegion, Diagnostic, DuplicateOf, MentionForm, PartOfSpeech, Span, StanceClass, ActorKind, PredicateCommitment, PredicateEnvironment } from '../types/index.js';

/** The version written by {@link toRecord}. */
export const FORMAT_VERSION = 3;

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
export interface AnalysisRecord {
  readonly formatVersion: typeof FORMAT_VERSION;
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

/** The fields `--fields` may name (`id` and `formatVersion` are always written). */
export const RECORD_FIELDS = ['outlet', 'date', 'title', 'url', 'text', 'dropped', 'sentences', 'tokens', 'actors', 'cues', 'attributions', 'claims', 'commitments', 'diagnostics'] as const;

/** One of {@link RECORD_FIELDS}. */
export type RecordField = (typeof RECORD_FIELDS)[number];

/** What `analyze` writes by default: everything but the tokens (`--tokens` adds them). */
export const DEFAULT_FIELDS: readonly RecordField[] = RECORD_FIELDS.filter((f) => f !== 'tokens');

/**
 * Parse a `--fields` value: a comma-separated list of {@link RECORD_FIELDS}. Throws a TypeError
 * naming the unknown field.
 *
 * @example
 * parseFields('text,attributions,cues'); // ['text', 'attributions', 'cues']
 */
export function parseFields(list: string): RecordField[] {
  const fields = list.split(',').map((f) => f.trim()).filter((f) => f !== '' && f !== 'id' && f !== 'formatVersion');
  for (const f of fields) {
    if (!(RECORD_FIELDS as readonly string[]).includes(f)) throw new TypeError(`unknown field "${f}" in --fields: expected some of id, ${RECORD_FIELDS.join(', ')}`);
  }
  return fields as RecordField[];
}
