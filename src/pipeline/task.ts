import type { Article, Diagnostic } from '../types/index.js';
import { loadRelationModel } from '../relations/model.js';
import { prepareClaims, trackArticle } from '../relations/track.js';
import { analyzeArticle, type AnalyzeArticleOptions } from './analyze-article.js';

/**
 * One unit of work for a worker: a cleaned, non-duplicate article and the per-article options.
 * Everything here crosses a thread boundary, so it must be structured-cloneable (plain data).
 */
export interface AnalyzeTask {
  readonly article: Article;
  readonly options: AnalyzeArticleOptions;
  /** Claims to track (`narrascope track`): the worker also scores the article against each. */
  readonly claims?: readonly string[];
}

/**
 * What a worker sends back: the result already serialised as one JSON line, plus its diagnostics.
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
  // The runner cleaned the article before its duplicate check.
  const result = analyzeArticle(task.article, { ...task.options, clean: false });
  if (!task.claims?.length) return { json: JSON.stringify(result), diagnostics: result.diagnostics };
  // Claims are checked by the caller; preparing a few short claims per article costs microseconds.
  const model = loadRelationModel();
  const rows = trackArticle(model, prepareClaims(model, task.claims, (i) => `claim ${i + 1}`), result);
  return { json: JSON.stringify(result), diagnostics: result.diagnostics, track: rows.map((row) => JSON.stringify(row)).join('\n') };
}
