import { clean, fingerprintOf, type CleanOptions, type Fingerprint } from '../02-clean/index.js';
import type { Article, Diagnostic, DroppedRegion } from '../types/index.js';
import { loadRelationModel } from '../relations/model.js';
import { prepareClaims, trackArticle } from '../relations/track.js';
import { DEFAULT_FIELDS, toRecord, type RecordField } from '../record/index.js';
import { analyzeArticle, type AnalyzeArticleOptions } from './analyze-article.js';

/**
 * One unit of work for a worker: a cleaned, non-duplicate article and the per-article options.
 * Everything here crosses a thread boundary, so it must be structured-cloneable (plain data).
 */
export interface AnalyzeTask {
  readonly article: Article;
  readonly options: AnalyzeArticleOptions;
  /** Parts of the record to write (see `toRecord`). @default all but tokens, plus tokens when `options.includeTokens` */
  readonly fields?: readonly RecordField[];
  /** Claims to track (`narrascope track`): the worker also scores the article against each. */
  readonly claims?: readonly string[];
}

/**
 * What a worker sends back: the result already serialised as one JSON line (the compact record
 * of `src/record`), plus its diagnostics.
 * Serialising in the worker matters: a result with tokens is ~10x the text, and cloning that
 * object graph back to the main thread costs more than sending one string.
 */
export interface AnalyzeTaskResult {
  readonly json: string;
  readonly diagnostics: readonly Diagnostic[];
  /** With `claims`: one JSON line (a TrackRow) per claim, joined by newlines. */
  readonly track?: string;
}

/**
 * Run the per-article stages on one task: the body of every worker, and of the in-thread runner
 * with one worker, so both write byte-identical lines.
 *
 * @example
 * const { json } = runAnalyzeTask({ article: clean(article), options: { includeTokens: false } });
 */
export function runAnalyzeTask(task: AnalyzeTask): AnalyzeTaskResult {
  // The runner cleaned the article (in a prepare task) before its duplicate check.
  const result = analyzeArticle(task.article, { ...task.options, clean: false });
  const json = JSON.stringify(toRecord(result, task.fields ?? fieldsFor(task.options)));
  if (!task.claims?.length) return { json, diagnostics: result.diagnostics };
  // Claims are checked by the caller; preparing a few short claims per article costs microseconds.
  const model = loadRelationModel();
  const rows = trackArticle(model, prepareClaims(model, task.claims, (i) => `claim ${i + 1}`), result);
  return { json, diagnostics: result.diagnostics, track: rows.map((row) => JSON.stringify(row)).join('\n') };
}

/** The record fields written when none are asked for: all but tokens, and tokens when kept. */
export function fieldsFor(options: AnalyzeArticleOptions): readonly RecordField[] {
  return options.includeTokens ? [...DEFAULT_FIELDS, 'tokens'] : DEFAULT_FIELDS;
}

/**
 * The first unit of work per article: clean it and fingerprint it for the duplicate check (the
 * order-free part; the decision is taken in input order by the caller). Plain data, as it crosses
 * a thread boundary: clean options given as functions (`rules`) are run in the calling thread.
 */
export interface PrepareTask {
  readonly kind: 'prepare';
  readonly article: Article;
  readonly clean: CleanOptions | false;
  /** Compute the duplicate fingerprint (false when the run does not deduplicate). */
  readonly fingerprint: boolean;
}

/** What {@link runPrepareTask} returns: the cleaned article's dropped regions and its fingerprint. */
export interface PrepareResult {
  readonly dropped: readonly DroppedRegion[];
  readonly fingerprint: Fingerprint | null;
}

/**
 * Clean and fingerprint one article (in a worker, or in the calling thread with one worker).
 *
 * @example
 * const { dropped, fingerprint } = runPrepareTask({ kind: 'prepare', article, clean: {}, fingerprint: true });
 */
export function runPrepareTask(task: PrepareTask): PrepareResult {
  const cleaned = task.clean === false ? task.article : clean(task.article, task.clean);
  return { dropped: cleaned.dropped, fingerprint: task.fingerprint ? fingerprintOf(cleaned) : null };
}

/**
 * Prepare and analyse in one task (one round trip to a worker instead of two): clean, fingerprint,
 * then analyse the cleaned article as if it were not a duplicate. The caller still takes the
 * duplicate decision in input order and throws the analysis of a duplicate away (duplicates are
 * rare, round trips are per article). Used when no article is skipped (`--resume` skips many).
 */
export interface WholeTask {
  readonly kind: 'whole';
  readonly prepare: Omit<PrepareTask, 'kind'>;
  readonly analyze: Omit<AnalyzeTask, 'article'>;
}

/** What {@link runWholeTask} returns: the prepare result, and the analysis or why it failed. */
export interface WholeResult extends PrepareResult {
  readonly analysis: AnalyzeTaskResult | { readonly error: string };
}

/**
 * Clean, fingerprint and analyse one article. A failure to clean throws (the article's failure);
 * a failure to analyse is returned, so the caller can still list a duplicate whose analysis
 * failed as the duplicate it is.
 *
 * @example
 * const { fingerprint, analysis } = runWholeTask({ kind: 'whole', prepare: { article, clean: {}, fingerprint: true }, analyze: { options: {} } });
 */
export function runWholeTask(task: WholeTask): WholeResult {
  const { article } = task.prepare;
  const cleaned = task.prepare.clean === false ? article : clean(article, task.prepare.clean);
  const fingerprint = task.prepare.fingerprint ? fingerprintOf(cleaned) : null;
  let analysis: WholeResult['analysis'];
  try {
    analysis = runAnalyzeTask({ ...task.analyze, article: cleaned });
  } catch (error) {
    analysis = { error: error instanceof Error ? error.message : String(error) };
  }
  return { dropped: cleaned.dropped, fingerprint, analysis };
}
