import PQueue from 'p-queue';
import { clean, DuplicateDetector } from '../02-clean/index.js';
import type { Article, Diagnostic, DuplicateOf } from '../types/index.js';
import type { AnalyzeOptions } from './analyze.js';
import { duplicateRecord } from './duplicate-record.js';
import { loadEmbeddings } from '../adapters/embeddings.js';
import { createPool, defaultWorkers, type AnalyzePool } from './pool.js';
import { runAnalyzeTask, type AnalyzeTaskResult } from './task.js';

/** Options of {@link runAnalysis}. */
export interface RunOptions extends AnalyzeOptions {
  /**
   * Worker threads analysing articles. `1` analyses in the calling thread (no pool, no `dist/`
   * needed), which is also the fastest choice on one core.
   * @default os.availableParallelism()
   * @example { workers: 4 }
   */
  readonly workers?: number;
  /**
   * Most articles held at once between reading and writing (queued, being analysed, or done and
   * waiting for an earlier one so output stays in input order). This bound is what keeps memory
   * flat: a slow consumer stops the reading, it does not pile results up.
   * @default workers * 8
   * @example { maxInFlight: 2 }
   */
  readonly maxInFlight?: number;
  /**
   * Articles already done in an earlier run (`--resume`): they still pass clean and the duplicate
   * check, so later duplicates of them are flagged exactly as in an uninterrupted run, but are not
   * analysed and come out as `skipped`. `duplicateOf` names the earlier article this one copies,
   * if any (a job's store skips only articles that are not duplicates in this run).
   * @default () => false
   * @example { skip: (article, index) => index < 1000 }
   */
  readonly skip?: (article: Article, index: number, duplicateOf: DuplicateOf | null) => boolean;
  /**
   * Claims to track (`narrascope track`): each analysed article is also scored against them where
   * it is analysed (in the workers), and its result item carries `track` (JSON lines).
   * @example { claims: ['ISIS-K was the sole culprit'] }
   */
  readonly claims?: readonly string[];
}

/** The process's word vectors as a SharedArrayBuffer (they are always loaded into one). */
function sharedEmbeddings(): SharedArrayBuffer {
  const buffer = loadEmbeddings().buffer;
  if (!(buffer instanceof SharedArrayBuffer)) throw new TypeError('narrascope: the word vectors are not in shared memory');
  return buffer;
}

/** One article's outcome, in input order; `index` counts the articles read (from 0). */
export type RunItem =
  | { readonly kind: 'result'; readonly index: number; readonly article: ArticleRef; readonly json: string; readonly diagnostics: readonly Diagnostic[]; readonly track?: string }
  | { readonly kind: 'failure'; readonly index: number; readonly article: ArticleRef; readonly reason: string }
  | { readonly kind: 'skipped'; readonly index: number; readonly article: ArticleRef };

/** Enough of an article to name it in messages, without holding its text. */
export interface ArticleRef {
  readonly id: string;
  readonly file?: string;
  readonly line?: number;
}

const refOf = (article: Article): ArticleRef => ({
  id: article.id,
  ...(article.origin ? { file: article.origin.file } : {}),
  ...(article.origin?.line !== undefined ? { line: article.origin.line } : {}),
});

/**
 * The per-article chain over a stream, in parallel: clean and the duplicate check run in order in
 * the calling thread (the detector's state depends on order, and both are ~5% of the cost); the
 * rest (segment -> attributions, and JSON serialisation) runs in a pool of worker threads. Items
 * come out in input order, each result as one JSON line identical to what `analyze` yields
 * serialised. An article whose analysis throws becomes a `failure` item and the run goes on.
 *
 * @example
 * for await (const item of runAnalysis(ingestArticles(['big.jsonl']), { workers: 2 })) {
 *   if (item.kind === 'result') process.stdout.write(`${item.json}\n`);
 * }
 */
export async function* runAnalysis(
  articles: Iterable<Article> | AsyncIterable<Article>,
  options: RunOptions = {},
): AsyncGenerator<RunItem> {
  const workers = options.workers ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1) throw new TypeError(`narrascope: workers must be a positive integer, got ${workers}`);
  const maxInFlight = options.maxInFlight ?? workers * 8;
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new TypeError(`narrascope: maxInFlight must be a positive integer, got ${maxInFlight}`);
  const taskOptions = {
    ...(options.segment ? { segment: options.segment } : {}),
    ...(options.cues ? { cues: options.cues } : {}),
    ...(options.includeTokens ? { includeTokens: true } : {}),
  };
  const claims = options.claims?.length ? { claims: options.claims } : {};
  // Tracking claims: the workers share the main thread's word vectors instead of each reading them.
  const pool: AnalyzePool | null = workers > 1 ? createPool(workers, options.claims?.length ? { embeddings: sharedEmbeddings() } : {}) : null;
  const analyseOne = async (article: Article): Promise<AnalyzeTaskResult> =>
    pool ? pool.run({ article, options: taskOptions, ...claims }) : runAnalyzeTask({ article, options: taskOptions, ...claims });
  // Two tasks per worker keep each one busy while the main thread hands over the next; the rest
  // of the window waits in this queue, as plain articles, not in the pool.
  const queue = new PQueue({ concurrency: workers * 2 });
  const duplicates = options.deduplicate === false ? null : new DuplicateDetector();
  // The ordered window: one promise per article read and not yet yielded, oldest first.
  const window: Promise<RunItem>[] = [];
  let index = 0;
  let inputError: { readonly error: unknown } | null = null;
  try {
    try {
      for await (const original of articles) {
        if (options.signal?.aborted) break;
        const at = index++;
        let article: Article;
        let duplicateOf: DuplicateOf | null;
        try {
          article = options.clean === false ? original : clean(original, options.clean ?? {});
          duplicateOf = duplicates?.check(article) ?? null;
        } catch (error) {
          // A text that breaks the cleaner is that article's failure, never the batch's.
          window.push(Promise.resolve({ kind: 'failure', index: at, article: refOf(original), reason: error instanceof Error ? error.message : String(error) }));
          while (window.length >= maxInFlight) yield await (window.shift() as Promise<RunItem>);
          continue;
        }
        const ref = refOf(article);
        if (options.skip?.(article, at, duplicateOf)) {
          window.push(Promise.resolve({ kind: 'skipped', index: at, article: ref }));
        } else if (duplicateOf) {
          const record = duplicateRecord(article, duplicateOf);
          window.push(Promise.resolve({ kind: 'result', index: at, article: ref, json: JSON.stringify(record), diagnostics: record.diagnostics }));
        } else {
          window.push(queue.add(async (): Promise<RunItem> => {
            try {
              const { json, diagnostics, track } = await analyseOne(article);
              return { kind: 'result', index: at, article: ref, json, diagnostics, ...(track !== undefined ? { track } : {}) };
            } catch (error) {
              return { kind: 'failure', index: at, article: ref, reason: error instanceof Error ? error.message : String(error) };
            }
          }));
        }
        // Full window: wait for the oldest article before reading another (backpressure).
        while (window.length >= maxInFlight) yield await (window.shift() as Promise<RunItem>);
      }
    } catch (error) {
      // The input stopped with an error (e.g. `--strict` at a bad line): the articles read
      // before it are still finished and yielded, then the error goes on to the caller.
      inputError = { error };
    }
    // Input done or aborted: what is already in flight is finished and written, in order.
    while (window.length > 0) yield await (window.shift() as Promise<RunItem>);
    if (inputError) throw inputError.error;
  } finally {
    // The consumer stopped early (break, throw): let running tasks settle before closing the pool.
    await Promise.allSettled(window);
    await queue.onIdle();
    await pool?.destroy();
  }
}
