import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { AnalyzeTask, AnalyzeTaskResult, PrepareResult, PrepareTask, WholeResult, WholeTask } from './task.js';

/** Young generation of each worker's V8 heap, in MB (see {@link createPool}). */
export const YOUNG_GENERATION_MB = 96;

export { defaultWorkers } from './workers.js';

/**
 * The compiled worker file. Workers always run `dist/`: from `dist/pipeline/pool.js` it sits
 * beside this file; when this module itself runs from `src/` (tests, tsx), the worker is taken
 * from the `dist/` that `npm run build` (or the tests' global setup) produced.
 */
export function workerFile(): string {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../dist/pipeline/worker.js', here) : new URL('./worker.js', here);
  const path = fileURLToPath(url);
  if (!existsSync(path)) throw new TypeError(`narrascope: worker file ${path} not found; run "npm run build" first`);
  return path;
}

/** A fixed-size pool of analysis workers. */
export interface AnalyzePool {
  /** Analyse one article on the next free worker; rejects when the analysis throws. */
  run(task: AnalyzeTask): Promise<AnalyzeTaskResult>;
  /** Clean and fingerprint one article on the next free worker. */
  prepare(task: PrepareTask): Promise<PrepareResult>;
  /** Clean, fingerprint and analyse one article on the next free worker (one round trip). */
  whole(task: WholeTask): Promise<WholeResult>;
  /** Stop the workers (after their current task). */
  destroy(): Promise<void>;
}

/**
 * Start `workers` worker threads (piscina), each ready to analyse articles; `shared.embeddings`
 * (the main thread's word-vector buffer) is handed to every worker for claim tracking.
 *
 * @example
 * const pool = createPool(2);
 * try { const { json } = await pool.run({ article, options: {} }); } finally { await pool.destroy(); }
 */
export function createPool(workers: number, shared: { readonly embeddings?: SharedArrayBuffer } = {}): AnalyzePool {
  if (!Number.isInteger(workers) || workers < 1) throw new TypeError(`narrascope: workers must be a positive integer, got ${workers}`);
  const piscina = new Piscina<AnalyzeTask | PrepareTask | WholeTask, AnalyzeTaskResult | PrepareResult | WholeResult>({
    filename: workerFile(),
    minThreads: workers,
    maxThreads: workers,
    // Workers live for the whole run; never let an idle gap (a slow reader) shut them down and
    // pay the model load again.
    idleTimeout: Infinity,
    // Atomics make idle workers spin-wait for the next task: on 2 cores shared with the main
    // thread that stole CPU from the busy worker (300 articles: 21 s with, 7.7 s without).
    atomics: 'disabled',
    // A young generation of 96 MB (32 MB semi-spaces, V8's default is 16): analysis allocates
    // many short-lived objects per article, and a larger nursery lets them die there instead of
    // being copied and promoted. 12,000 articles, 2 workers: 202.8 -> 224.7 articles/s.
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    // The word vectors (6 MB) live in one SharedArrayBuffer that every worker reads, not copies.
    ...(shared.embeddings ? { workerData: { embeddings: shared.embeddings } } : {}),
  });
  return {
    run: (task) => piscina.run(task) as Promise<AnalyzeTaskResult>,
    prepare: (task) => piscina.run(task) as Promise<PrepareResult>,
    whole: (task) => piscina.run(task) as Promise<WholeResult>,
    destroy: () => piscina.destroy(),
  };
}
