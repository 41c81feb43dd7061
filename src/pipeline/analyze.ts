import { clean, DuplicateDetector } from '../02-clean/index.js';
import type { AnalyzedArticle, Article } from '../types/index.js';
import { analyzeArticle, type AnalyzeArticleOptions } from './analyze-article.js';
import { duplicateRecord } from './duplicate-record.js';

/** Options of {@link analyze}. */
export interface AnalyzeOptions extends AnalyzeArticleOptions {
  /**
   * Detect exact and near-duplicate articles and list them without analysing them.
   * @default true
   */
  readonly deduplicate?: boolean;
  /** Stops between articles when aborted. */
  readonly signal?: AbortSignal;
}

/**
 * The per-article chain over a stream of articles: clean -> duplicate check -> segment -> actors
 * -> cues -> attributions. Results come out in input order, one at a time, so a caller can write
 * each as soon as it is done and nothing is lost if the run is interrupted.
 *
 * @example
 * import { analyze, ingestArticles } from 'narrascope';
 * for await (const result of analyze(ingestArticles(['corpora/seed']))) {
 *   console.log(result.id, result.attributions.length);
 * }
 */
export async function* analyze(
  articles: Iterable<Article> | AsyncIterable<Article>,
  options: AnalyzeOptions = {},
): AsyncGenerator<AnalyzedArticle> {
  const duplicates = options.deduplicate === false ? null : new DuplicateDetector();
  for await (const original of articles) {
    if (options.signal?.aborted) return;
    const article = options.clean === false ? original : clean(original, options.clean ?? {});
    const duplicateOf = duplicates?.check(article) ?? null;
    if (duplicateOf) {
      yield duplicateRecord(article, duplicateOf);
      continue;
    }
    // Cleaned above, before the duplicate check: not again.
    yield analyzeArticle(article, { ...options, clean: false });
  }
}
