import PQueue from 'p-queue';
import { DuplicateDetector } from '../02-clean/index.js';
import type { Article, Diagnostic, DuplicateOf } from '../types/index.js';
import type { AnalyzeOptions } from './analyze.js';
import { duplicateRecord } from './duplicate-record.js';
import { loadEmbeddings } from '../adapters/embeddings.js';
import { createPool, defaultWorkers, type AnalyzePool } from './pool.js';
import { toRecord, type RecordField } from '../record/index.js';
import { fieldsFor, runAnalyzeTask, runPrepareTask, runWholeTask, type AnalyzeTask, type AnalyzeTaskResult, type PrepareResult, type PrepareTask, type WholeResult, type WholeTask } from './task.js';

/**
 * Where the runner's tasks are analysed instead of its own pool: e.g. the queue mode's producer
 * (`src/queue/`), which batches tasks into jobs for worker processes on other machines. The
 * runner keeps everything else (clean, duplicate check, order, skip, failures) and does not
 * destroy an executor it was given: the caller owns it.
 */
export interface TaskExecutor {
  /** Tasks the runner hands over at once (it holds the rest of its window back). */
  readonly concurrency: number;
  /** Analyse one task; rejects when its analysis fails (a per-article failure). */
  run(task: AnalyzeTask): Promise<AnalyzeTaskResult>;
  /** The runner will hand over nothing more until a task finishes: send what is held back. */
  flush?(): void;
}

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
   * With `workers: 1`, analyse in one worker thread instead of the calling thread. The worker's
   * larger young generation (the pool's `resourceLimits`) lets the analysis's short-lived objects
   * die young (V8 cannot resize a running thread's), and the calling thread reads and writes
   * while the worker analyses. Worth it for a large input, not for a few articles (a worker costs
   * ~0.7 s of CPU to start): `analyze` sets it from 256 KB of input (README, "Speed").
   * @default false
   */
  readonly ownThread?: boolean;
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
   * Parts of each record to write (`analyze --fields`); read the lines back with `fromRecord`.
   * @default all but tokens (and tokens with `includeTokens`)
   */
  readonly fields?: readonly RecordField[];
  /**
   * Claims to track (`narrascope track`): each analysed article is also scored against them where
   * it is analysed (in the workers), and its result item carries `track` (JSON lines).
   * @example { claims: ['ISIS-K was the sole culprit'] }
   */
  readonly claims?: readonly string[];
  /**
   * Analyse elsewhere (e.g. through a queue) instead of in a local pool; `workers` is then unused.
   * @default a local pool of `workers` threads
   */
  readonly executor?: TaskExecutor;
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
 * The per-article chain over a stream, in parallel: clean, the duplicate fingerprint (MinHash)
 * and the rest (segment -> attributions, and the JSON record) run in the pool of worker threads,
 * one task per article; the duplicate decision is taken in input order in the calling thread (the
 * detector's state depends on order) and a duplicate's analysis is thrown away. With `skip` or an
 * `executor`, an article is first cleaned and fingerprinted, and analysed only once it is known
 * not to be skipped or a duplicate. The calling thread only reads, orders and writes. Items
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
  const executor = options.executor ?? null;
  const maxInFlight = options.maxInFlight ?? (executor ? executor.concurrency * 2 : workers * 8);
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new TypeError(`narrascope: maxInFlight must be a positive integer, got ${maxInFlight}`);
  const taskOptions = {
    ...(options.segment ? { segment: options.segment } : {}),
    ...(options.cues ? { cues: options.cues } : {}),
    ...(options.includeTokens ? { includeTokens: true } : {}),
  };
  const fields = options.fields ?? fieldsFor(taskOptions);
  const claims = options.claims?.length ? { claims: options.claims } : {};
  // Tracking claims: the workers share the main thread's word vectors instead of each reading them.
  const pool: AnalyzePool | null = !executor && (workers > 1 || options.ownThread === true) ? createPool(workers, options.claims?.length ? { embeddings: sharedEmbeddings() } : {}) : null;
  const analyseOne = async (article: Article): Promise<AnalyzeTaskResult> =>
    executor ? executor.run({ article, options: taskOptions, fields, ...claims })
      : pool ? pool.run({ article, options: taskOptions, fields, ...claims }) : runAnalyzeTask({ article, options: taskOptions, fields, ...claims });
  // Two tasks per worker keep each one busy while the main thread hands over the next; the rest
  // of the window waits in this queue, as plain articles, not in the pool.
  const queue = new PQueue({ concurrency: executor ? executor.concurrency : workers * 2 });
  // About to wait for the oldest article: an executor that batches must send what it holds.
  const full = (): boolean => {
    if (window.length < maxInFlight) return false;
    executor?.flush?.();
    return true;
  };
  const duplicates = options.deduplicate === false ? null : new DuplicateDetector();
  const prepareTask = (article: Article): PrepareTask => ({ kind: 'prepare', article, clean: options.clean ?? {}, fingerprint: duplicates !== null });
  // Clean rules given as functions cannot cross into a worker: those runs clean in this thread.
  const prepareInPool = pool !== null && !(options.clean && options.clean.rules);
  const prepareOne = async (article: Article): Promise<PrepareResult> =>
    prepareInPool && pool ? pool.prepare(prepareTask(article)) : runPrepareTask(prepareTask(article));
  // Without skipping (`--resume`) or an executor, each article makes one trip to a worker (see
  // WholeTask): half the messages and thread wake-ups of prepare-then-analyse, and no wait for the
  // in-order decision before the analysis starts.
  const oneTrip = executor === null && options.skip === undefined && (pool === null || prepareInPool);
  // The chain of in-order decisions: each article's waits for the previous article's.
  let ordered: Promise<void> = Promise.resolve();
  // The ordered window: one promise per article read and not yet yielded, oldest first.
  const window: Promise<RunItem>[] = [];
  let index = 0;
  let inputError: { readonly error: unknown } | null = null;
  try {
    try {
      for await (const original of articles) {
        if (options.signal?.aborted) break;
        const at = index++;
        // Clean and fingerprint in a worker (they scale with the workers); the duplicate and skip
        // decisions in order, here, each after the one before it (`ordered`): the detector's
        // state depends on input order, and so the result does not depend on which worker
        // finished first.
        if (oneTrip) {
          // One round trip: the worker cleans, fingerprints and analyses; the duplicate decision
          // is still taken here, in input order, and a duplicate's analysis is thrown away.
          const task: WholeTask = { kind: 'whole', prepare: { article: original, clean: options.clean ?? {}, fingerprint: duplicates !== null }, analyze: { options: taskOptions, fields, ...claims } };
          const whole = queue.add(async (): Promise<WholeResult> => (pool ? pool.whole(task) : runWholeTask(task)));
          const decided = ordered.then(async (): Promise<RunItem> => {
            let result: WholeResult;
            try {
              result = await whole;
            } catch (error) {
              return { kind: 'failure', index: at, article: refOf(original), reason: error instanceof Error ? error.message : String(error) };
            }
            const article: Article = options.clean === false ? original : { ...original, dropped: result.dropped };
            const duplicateOf: DuplicateOf | null = duplicates && result.fingerprint ? duplicates.decide(article.id, result.fingerprint) : null;
            const ref = refOf(article);
            if (duplicateOf) {
              const record = duplicateRecord(article, duplicateOf);
              return { kind: 'result', index: at, article: ref, json: JSON.stringify(toRecord(record, fields)), diagnostics: record.diagnostics };
            }
            if ('error' in result.analysis) return { kind: 'failure', index: at, article: ref, reason: result.analysis.error };
            const { json, diagnostics, track } = result.analysis;
            return { kind: 'result', index: at, article: ref, json, diagnostics, ...(track !== undefined ? { track } : {}) };
          });
          ordered = decided.then(() => undefined);
          window.push(decided);
          while (full()) yield await (window.shift() as Promise<RunItem>);
          continue;
        }
        const prepared = prepareOne(original);
        const decided = ordered.then(async (): Promise<RunItem | { readonly analyse: Article; readonly ref: ArticleRef }> => {
          let result: PrepareResult;
          try {
            result = await prepared;
          } catch (error) {
            // A text that breaks the cleaner is that article's failure, never the batch's.
            return { kind: 'failure', index: at, article: refOf(original), reason: error instanceof Error ? error.message : String(error) };
          }
          const article: Article = options.clean === false ? original : { ...original, dropped: result.dropped };
          const duplicateOf: DuplicateOf | null = duplicates && result.fingerprint ? duplicates.decide(article.id, result.fingerprint) : null;
          const ref = refOf(article);
          if (options.skip?.(article, at, duplicateOf)) return { kind: 'skipped', index: at, article: ref };
          if (duplicateOf) {
            const record = duplicateRecord(article, duplicateOf);
            return { kind: 'result', index: at, article: ref, json: JSON.stringify(toRecord(record, fields)), diagnostics: record.diagnostics };
          }
          return { analyse: article, ref };
        });
        ordered = decided.then(() => undefined);
        window.push(decided.then((next) => ('analyse' in next ? queue.add(async (): Promise<RunItem> => {
          try {
            const { json, diagnostics, track } = await analyseOne(next.analyse);
            return { kind: 'result', index: at, article: next.ref, json, diagnostics, ...(track !== undefined ? { track } : {}) };
          } catch (error) {
            return { kind: 'failure', index: at, article: next.ref, reason: error instanceof Error ? error.message : String(error) };
          }
        }) : next)));
        // Full window: wait for the oldest article before reading another (backpressure).
        while (full()) yield await (window.shift() as Promise<RunItem>);
      }
    } catch (error) {
      // The input stopped with an error (e.g. `--strict` at a bad line): the articles read
      // before it are still finished and yielded, then the error goes on to the caller.
      inputError = { error };
    }
    // Input done or aborted: what is already in flight is finished and written, in order.
    executor?.flush?.();
    while (window.length > 0) yield await (window.shift() as Promise<RunItem>);
    if (inputError) throw inputError.error;
  } finally {
    // The consumer stopped early (break, throw): let running tasks settle before closing the pool.
    await Promise.allSettled(window);
    await queue.onIdle();
    await pool?.destroy();
  }
}
