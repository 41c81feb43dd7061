/**
 * What a queue job carries and the task kinds a worker can run. The queue is a generic transport:
 * a batch of tasks (each about one article) in, one result line per task out. `analyze` is the
 * per-article chain; another command adds its kind here (a factory of a thread pool whose tasks
 * return a result line) and passes `kind` to its producer.
 */
import { createPool } from '../pipeline/pool.js';
import type { AnalyzeTask, AnalyzeTaskResult } from '../pipeline/task.js';

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

/** Runs the tasks of one kind in a worker process (a pool of threads). */
export interface TaskRunner {
  run(task: unknown): Promise<AnalyzeTaskResult>;
  destroy(): Promise<void>;
}

/** The task kinds workers know, by name: each a factory taking the number of threads. */
export const TASK_KINDS: Readonly<Record<string, (threads: number) => TaskRunner>> = {
  analyze: (threads) => {
    const pool = createPool(threads);
    return { run: (task) => pool.run(task as AnalyzeTask), destroy: () => pool.destroy() };
  },
};

/** The article id of a task, when it has one (for crash accounting and messages). */
export function taskArticleId(task: unknown): string | null {
  if (!task || typeof task !== 'object' || !('article' in task)) return null;
  const article = task.article;
  return article && typeof article === 'object' && 'id' in article && typeof article.id === 'string' ? article.id : null;
}
