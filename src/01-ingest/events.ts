import type { Article, Diagnostic } from '../types/index.js';

/**
 * What ingest yields: either an article, or a diagnostic about input that could not become one.
 * A bad record never stops the stream; the caller decides (e.g. `--strict`) whether to stop.
 */
export type IngestEvent =
  | { readonly kind: 'article'; readonly article: Article }
  | { readonly kind: 'diagnostic'; readonly diagnostic: Diagnostic };

/** Which record field holds each article property (JSONL and JSON front matter). */
export interface FieldMap {
  /** @default 'id' */
  readonly id: string;
  /** @default 'text' */
  readonly text: string;
  /** @default 'title' */
  readonly title: string;
  /** @default 'outlet' */
  readonly outlet: string;
  /** @default 'date' */
  readonly date: string;
  /** @default 'url' */
  readonly url: string;
}

/** The default field names. */
export const DEFAULT_FIELDS: FieldMap = {
  id: 'id',
  text: 'text',
  title: 'title',
  outlet: 'outlet',
  date: 'date',
  url: 'url',
};

/** Options shared by all readers. */
export interface IngestOptions {
  /** Field names for JSONL records; unspecified ones take {@link DEFAULT_FIELDS}. */
  readonly fields?: Partial<FieldMap>;
  /**
   * Texts longer than this (in characters) are rejected as a diagnostic, not read.
   * @default 2_000_000
   */
  readonly maxTextLength?: number;
  /**
   * Record field (JSONL) or front-matter key (text files) whose value becomes `Article.group`,
   * e.g. the event id for `narrascope compare --group-by event`. Unset: no group is read.
   * @example 'event'
   */
  readonly groupField?: string;
  /** Stops reading between records when aborted. */
  readonly signal?: AbortSignal;
}

/** Build a diagnostic event. */
export function problem(
  code: string,
  message: string,
  where: { file: string; line?: number; field?: string; id?: string },
  severity: Diagnostic['severity'] = 'error',
): IngestEvent {
  return { kind: 'diagnostic', diagnostic: { severity, code, message, ...where } };
}

/**
 * Whether `--strict` stops at this diagnostic: every error, and the warnings about input that is
 * wrong even though it could still be read (a repeated id).
 */
export function fatalWhenStrict(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error' || diagnostic.code === 'record/duplicate-id';
}
