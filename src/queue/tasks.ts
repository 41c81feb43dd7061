/**
 * What a queue job carries, the task kinds a worker can run, and the worker process's pool of
 * threads. The queue is a generic transport: a batch of tasks in, one result line per task out.
 * `analyze` is the per-article chain, `narratives` one event of `compare` (narrative-task.ts);
 * another command adds its kind to {@link TASK_KINDS} and to the thread's runners (thread.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { YOUNG_GENERATION_MB } from '../pipeline/pool.js';
import type { ThreadChunk } from './thread.js';

/** The data of one job of the analysis queue. */
export interface BatchJob {
  /** The producer's run id (random per process): where the results go. */
  readonly run: string;
  /** The batch number within the run, from 0. */
  readonly batch: number;
  /** Which {@link TASK_KINDS} entry runs the tasks. */
  readonly kind: string;
  /** The tasks, plain data (structured-cloneable, JSON-serialisable). */
  readonly tasks: readonly unknown[];
}

/**
 * The task kinds workers know, each with the most tasks one thread task (a chunk) holds by
 * default. One article a chunk, as the local pool hands them over: chunks of 8 articles (fewer
 * hand-overs by the main thread) cut the threads' idle time from ~16% to ~8% on the shared
 * 2-core machine, yet ran slower there (27.6 and 29.1 vs 30.5 and 41.9 articles/s, 1,500
 * articles, load 11-13): a thread that rarely sleeps waited longer for a core among the other
 * processes' threads. `worker --chunk N` sets it for a dedicated machine. An event's narratives
 * can take seconds: always one a chunk.
 */
export const TASK_KINDS: Readonly<Record<string, { readonly chunk: number }>> = {
  analyze: { chunk: 1 },
  narratives: { chunk: 1 },
};

/**
 * Tasks per chunk for a job of `count` tasks on `threads` threads: at least two chunks a thread
 * (so a job's tail is shared), at most `most` (default: the kind's chunk size).
 *
 * @example chunkSize('analyze', 64, 2, 8) // 8
 * @example chunkSize('analyze', 10, 2, 8) // 3
 */
export function chunkSize(kind: string, count: number, threads: number, most = TASK_KINDS[kind]?.chunk ?? 1): number {
  return Math.max(1, Math.min(kind === 'analyze' ? most : 1, Math.ceil(count / (threads * 2))));
}

/** The worker process's threads: each runs chunks of tasks (thread.ts). */
export interface ThreadPool {
  /** Run a chunk; resolves with its outcomes in the wire format, as UTF-8 bytes. */
  run(chunk: ThreadChunk): Promise<Buffer>;
  destroy(): Promise<void>;
}

/** The compiled thread file (threads always run `dist/`, as the local pool's do). */
function threadFile(): string {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../dist/queue/thread.js', here) : new URL('./thread.js', here);
  const path = fileURLToPath(url);
  if (!existsSync(path)) throw new TypeError(`narrascope: worker file ${path} not found; run "npm run build" first`);
  return path;
}

/**
 * Start `threads` threads, set up as the local pool's (src/pipeline/pool.ts): they live for the
 * whole run, no atomics spin-waiting, a 96 MB young generation.
 */
export function createThreadPool(threads: number): ThreadPool {
  const piscina = new Piscina<ThreadChunk, Uint8Array>({
    filename: threadFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Infinity,
    atomics: 'disabled',
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return {
    run: async (chunk) => {
      const bytes = await piscina.run(chunk);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    destroy: () => piscina.destroy(),
  };
}

/** The article id of a task, when it has one (for crash accounting and messages). */
export function taskArticleId(task: unknown): string | null {
  if (!task || typeof task !== 'object' || !('article' in task)) return null;
  const article = task.article;
  return article && typeof article === 'object' && 'id' in article && typeof article.id === 'string' ? article.id : null;
}
