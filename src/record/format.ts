/**
 * The on-disk form of an analysed article: one JSON object per line of `narrascope analyze`,
 * one stored analysis of a job, one queue result. In memory the pipeline keeps the rich
 * {@link AnalyzedArticle} (every span with its text, every attribution holding its cue); on disk
 * (`formatVersion` 4, since 2026-11-28) nothing is written twice:
 *
 * - every list of things is a **table**: an object of equal-length columns, one per property
 *   (`cues.lemma[i]` is the lemma of cue i), so a line loads straight into a data frame
 *   (`pandas.DataFrame(record["cues"])`) and the key names are written once per article, not once
 *   per item (they were 2.2x the text in version 3);
 * - a span is `[start, end]`: UTF-16 offsets into `text`, its text being `text.slice(start, end)`.
 *   It is `[start, end, text]` when the record has no `text` field, or with `--quotes` (field
 *   `quotes`) for readers that want every quote spelled out (`jq` alone);
 * - what another part already holds is referred to, not copied: an attribution names its cue
 *   (`cueId`), a whole-sentence claim its sentence, a predicate that is its cue's word its cue
 *   (`predicate` null), a mention its actor (`mentions.actorId`), and an actor's aliases and roles
 *   are those of its mentions;
 * - environments are packed into one string of words: a cue's true flags (`"negated modal"`, `""`
 *   for none), a predicate's tense and person first (`"past third negated"`).
 *
 * Versions 1-3 are still read by {@link fromRecord} (see format-v3.ts).
 */
import type { ActorKind, Diagnostic, DropReason, DuplicateOf, MentionForm, PartOfSpeech, PredicateCommitment, StanceClass } from '../types/index.js';

/** The version written by {@link toRecord}. */
export const FORMAT_VERSION = 4;

/** A span on disk: `[start, end]`, or `[start, end, text]` when quoted (no `text` field, or `quotes`). */
export type SpanRecord = readonly [start: number, end: number] | readonly [start: number, end: number, text: string];

/** Sentences: the text of sentence i is `text.slice(start[i], end[i])`; token ranges only with tokens. */
export interface SentenceTable {
  readonly start: readonly number[];
  readonly end: readonly number[];
  readonly paragraph: readonly number[];
  readonly firstToken?: readonly number[];
  readonly endToken?: readonly number[];
}

/** Tokens (`--tokens`): columns, plus the indices of the tokens that start a line. */
export interface TokenTable {
  readonly start: readonly number[];
  readonly end: readonly number[];
  readonly pos: readonly PartOfSpeech[];
  readonly lemma: readonly string[];
  readonly lineStarts: readonly number[];
}

/** Actors; `aliases`/`roles` columns only when some actor's differ from what its mentions give (never, today). */
export interface ActorTable {
  readonly id: readonly string[];
  readonly name: readonly string[];
  readonly kind: readonly ActorKind[];
  readonly aliases?: readonly (readonly string[] | null)[];
  readonly roles?: readonly (readonly string[] | null)[];
}

/** Every actor's mentions, actor by actor; `form` only when some is not a name, `role` only when some has one. */
export interface MentionTable {
  readonly actorId: readonly string[];
  readonly start: readonly number[];
  readonly end: readonly number[];
  readonly form?: readonly MentionForm[];
  readonly role?: readonly (string | null)[];
}

/** Regions the clean stage dropped, with why. */
export interface DroppedTable {
  readonly span: readonly SpanRecord[];
  readonly reason: readonly DropReason[];
  readonly detail: readonly string[];
}

/** Cues; `environment` holds the true flags separated by spaces (`""`: none). */
export interface CueTable {
  readonly id: readonly string[];
  readonly spans: readonly (readonly SpanRecord[])[];
  readonly lemma: readonly string[];
  readonly stanceClass: readonly StanceClass[];
  readonly sourceCommitment: readonly number[];
  readonly reporterCommitment: readonly number[];
  readonly environment: readonly string[];
  readonly sentence: readonly number[];
}

/** Attributions: `source` null when none is named; `cueId` names a cue of `cues`; `parentId` only when some is nested. */
export interface AttributionTable {
  readonly id: readonly string[];
  readonly source: readonly (readonly SpanRecord[] | null)[];
  readonly actorId: readonly (string | null)[];
  readonly cueId: readonly string[];
  readonly content: readonly (readonly SpanRecord[])[];
  readonly parentId?: readonly (string | null)[];
}

/** Claims: `span` null (or the column absent) when the claim is its whole sentence. */
export interface ClaimTable {
  readonly id: readonly string[];
  readonly sentence: readonly number[];
  readonly span?: readonly (SpanRecord | null)[];
}

/** Clause-embedding predicates; `predicate` null when it is the single span of its cue `cueId`. */
export interface CommitmentTable {
  readonly id: readonly string[];
  readonly predicate: readonly (SpanRecord | null)[];
  readonly lemma: readonly string[];
  readonly kind: readonly PredicateCommitment['kind'][];
  readonly complementType: readonly PredicateCommitment['complementType'][];
  readonly clause: readonly SpanRecord[];
  /** Tense, person, then the true flags: `"past third"`, `"present first firstPerson"`. */
  readonly environment: readonly string[];
  readonly writerCommitment: readonly number[];
  readonly subjectCommitment: readonly number[];
  readonly sentence: readonly number[];
  readonly cueId: readonly (string | null)[];
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
  readonly dropped?: DroppedTable;
  readonly sentences?: SentenceTable;
  readonly tokens?: TokenTable;
  readonly actors?: ActorTable;
  /** Written with `actors`. */
  readonly mentions?: MentionTable;
  readonly cues?: CueTable;
  readonly attributions?: AttributionTable;
  readonly claims?: ClaimTable;
  /** Clause-embedding predicates with their commitments. */
  readonly commitments?: CommitmentTable;
  readonly diagnostics?: readonly Diagnostic[];
  readonly duplicateOf?: DuplicateOf;
}

/**
 * The fields `--fields` may name (`id` and `formatVersion` are always written). `quotes` is not a
 * part but a way of writing: every span with its text.
 */
export const RECORD_FIELDS = ['outlet', 'date', 'title', 'url', 'text', 'dropped', 'sentences', 'tokens', 'actors', 'cues', 'attributions', 'claims', 'commitments', 'diagnostics', 'quotes'] as const;

/** One of {@link RECORD_FIELDS}. */
export type RecordField = (typeof RECORD_FIELDS)[number];

/** What `analyze` writes by default: every part but the tokens, spans as offsets (`--tokens`, `--quotes` add those). */
export const DEFAULT_FIELDS: readonly RecordField[] = RECORD_FIELDS.filter((f) => f !== 'tokens' && f !== 'quotes');

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
