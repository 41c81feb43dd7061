/**
 * `narrascope worker --queue URL`: takes batch jobs from the analysis queue and runs their tasks
 * on a local pool of worker threads (the pipeline's piscina pool), then leaves the results for
 * the producer (see producer.ts). Any number of these run on any number of machines.
 *
 * Crashes: BullMQ's stalled-job check gives the job of a worker that died (kill -9, out of
 * memory) to another worker. A job that has stalled before is run carefully: one article at a
 * time and alone in its process, each article counted in Redis before it starts, so the article
 * that kills workers is known; on its third crash it becomes a per-article failure and the rest
 * of the batch is analysed.
 */
import { Worker, type Job } from 'bullmq';
import { encodeOutcomes, type TaskOutcome } from './codec.js';
import { checkReachable, openRedis, type QueueUrl } from './connection.js';
import { analysisQueueName, QueueKeys } from './keys.js';
import { ShareLock } from './share-lock.js';
import { TASK_KINDS, taskArticleId, type BatchJob, type TaskRunner } from './tasks.js';

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  /** Worker threads of the local pool. */
  readonly threads: number;
  /** Jobs run at once (their tasks share the pool; 2 keeps it busy between jobs). @default 2 */
  readonly concurrency?: number;
  /** A job's lock; a worker silent for this long is presumed dead and its job is given to another. @default 30000 */
  readonly lockDurationMs?: number;
  /** Seconds a result waits for its producer before it expires. @default 600 */
  readonly resultTtlSeconds?: number;
  /** Crashes of a worker on one article before that article is reported as failed. @default 3 */
  readonly crashLimit?: number;
  /** One line per notable event (a dropped job, a careful rerun). */
  readonly onEvent?: (message: string) => void;
}

/** A running worker; {@link RunningWorker.stop} finishes the jobs in hand and closes. */
export interface RunningWorker {
  /** Jobs finished so far. */
  readonly jobs: () => number;
  stop(): Promise<void>;
}

/**
 * Environment variable for the fault tests only: a worker process that is about to analyse the
 * article with this id kills itself with SIGKILL, as a native crash or the out-of-memory killer
 * would. Never set it in production.
 */
export const TEST_CRASH_ENV = 'NARRASCOPE_TEST_CRASH_ARTICLE';

/**
 * Check the queue is reachable, then start taking jobs.
 *
 * @example
 * const worker = await startQueueWorker(parseQueueUrl('redis://127.0.0.1:6379'), { threads: 2 });
 * process.once('SIGTERM', () => void worker.stop());
 */
export async function startQueueWorker(url: QueueUrl, options: QueueWorkerOptions): Promise<RunningWorker> {
  await checkReachable(url);
  const name = analysisQueueName();
  const keys = new QueueKeys(name);
  const redis = openRedis(url);
  const runners = new Map<string, TaskRunner>();
  const crashTest = process.env[TEST_CRASH_ENV];
  const crashLimit = options.crashLimit ?? 3;
  const ttl = options.resultTtlSeconds ?? 600;
  const say = options.onEvent ?? (() => undefined);
  let finished = 0;
  const lock = new ShareLock();

  const runnerOf = (kind: string): TaskRunner | null => {
    const make = TASK_KINDS[kind];
    if (!make) return null;
    let runner = runners.get(kind);
    if (!runner) runners.set(kind, (runner = make(options.threads)));
    return runner;
  };

  const runTask = async (runner: TaskRunner, task: unknown): Promise<TaskOutcome> => {
    if (crashTest !== undefined && taskArticleId(task) === crashTest) process.kill(process.pid, 'SIGKILL');
    try {
      const { json, diagnostics, track } = await runner.run(task);
      return { ok: true, json, diagnostics, ...(track !== undefined ? { track } : {}) };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  };

  /** One article at a time, each counted first; an article at the crash limit is not run again. */
  const runCarefully = async (runner: TaskRunner, job: Job<BatchJob>): Promise<TaskOutcome[]> => {
    const crashes = keys.crashes(job.id ?? '');
    const outcomes: TaskOutcome[] = [];
    for (const [i, task] of job.data.tasks.entries()) {
      // The first, batch-wide attempt that crashed is one crash of whichever article it was on.
      const started = await redis.hincrby(crashes, String(i), 1);
      await redis.expire(crashes, ttl);
      if (started >= crashLimit) {
        outcomes.push({ ok: false, reason: `the worker process died ${crashLimit} times while analysing this article (crash, or out of memory)` });
        continue;
      }
      outcomes.push(await runTask(runner, task));
      await redis.hset(crashes, String(i), 0);
    }
    return outcomes;
  };

  const worker = new Worker<BatchJob>(name, async (job) => {
    const { run, batch, kind, tasks } = job.data;
    // The producer is gone (killed, or finished long ago): nobody would read these results.
    if ((await redis.exists(keys.producer(run))) === 0) {
      say(`dropped job ${job.id ?? ''}: its producer is gone`);
      return;
    }
    const runner = runnerOf(kind);
    let outcomes: TaskOutcome[];
    if (!runner) {
      outcomes = tasks.map(() => ({ ok: false, reason: `this worker does not know task kind "${kind}" (is narrascope on this machine up to date?)` }));
    } else if (job.stalledCounter > 0) {
      say(`job ${job.id ?? ''} stalled ${job.stalledCounter} time(s) before: analysing its articles one at a time, alone`);
      outcomes = await lock.exclusive(() => runCarefully(runner, job));
    } else {
      outcomes = await lock.shared(() => Promise.all(tasks.map((task) => runTask(runner, task))));
    }
    // Result and announcement in one transaction, so a producer never sees one without the other.
    await redis.multi()
      .set(keys.result(run, batch), encodeOutcomes(outcomes), 'EX', ttl)
      .rpush(keys.done(run), String(batch))
      .expire(keys.done(run), ttl)
      .del(keys.crashes(job.id ?? ''))
      .exec();
    finished++;
  }, {
    connection: redis,
    concurrency: options.concurrency ?? 2,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.lockDurationMs ?? 30_000,
    // Crashes are counted per article (above); the job itself may stall many times.
    maxStalledCount: 100,
  });
  worker.on('error', () => undefined);

  return {
    jobs: () => finished,
    async stop(): Promise<void> {
      // close() waits for the jobs in hand to finish (their results are written), takes no more.
      await worker.close();
      await Promise.all([...runners.values()].map((r) => r.destroy()));
      redis.disconnect();
    },
  };
}

