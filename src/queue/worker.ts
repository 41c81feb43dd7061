/**
 * `narrascope worker --queue URL`: takes batch jobs from the analysis queue and runs their tasks
 * (articles to analyse, or compare's events) on a local pool of threads (thread.ts, set up as the
 * local runner's pool), then leaves the results for the producer (see producer.ts). Any number of
 * these run on any number of machines.
 *
 * Crashes: BullMQ's stalled-job check gives the job of a worker that died (kill -9, out of
 * memory) to another worker. A job that has stalled before is run carefully: one article at a
 * time and alone in its process, each article counted in Redis before it starts, so the article
 * that kills workers is known; on its third crash it becomes a per-article failure and the rest
 * of the batch is analysed.
 */
import { Worker, type Job } from 'bullmq';
import { encodeOutcomes } from './codec.js';
import { checkReachable, openRedis, type QueueUrl } from './connection.js';
import { analysisQueueName, QueueKeys } from './keys.js';
import { ShareLock } from './share-lock.js';
import { chunkSize, createThreadPool, TASK_KINDS, taskArticleId, type BatchJob, type ThreadPool } from './tasks.js';

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  /** Worker threads of the local pool. */
  readonly threads: number;
  /** Jobs run at once (their tasks share the pool; 2 keeps it busy between jobs). @default 2 */
  readonly concurrency?: number;
  /** Articles handed to a thread at once (see `TASK_KINDS` in tasks.ts). @default 1 */
  readonly chunk?: number;
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
  const crashTest = process.env[TEST_CRASH_ENV];
  const crashLimit = options.crashLimit ?? 3;
  const ttl = options.resultTtlSeconds ?? 600;
  const say = options.onEvent ?? (() => undefined);
  let finished = 0;
  const lock = new ShareLock();
  // Started on the first job: a worker waiting for work holds no models.
  let pool: ThreadPool | null = null;
  const threads = (): ThreadPool => (pool ??= createThreadPool(options.threads));
  const crashOn = (task: unknown): void => {
    if (crashTest !== undefined && taskArticleId(task) === crashTest) process.kill(process.pid, 'SIGKILL');
  };

  /** A job's tasks in chunks over the threads; the outcomes joined in task order. */
  const runInChunks = async (kind: string, tasks: readonly unknown[]): Promise<Buffer> => {
    tasks.forEach(crashOn);
    const size = chunkSize(kind, tasks.length, options.threads, options.chunk);
    const chunks: Promise<Buffer>[] = [];
    for (let i = 0; i < tasks.length; i += size) chunks.push(runChunk(kind, tasks.slice(i, i + size)));
    return joinLines(await Promise.all(chunks));
  };

  /**
   * A chunk on a thread. A thread that dies (its heap limit, a native crash) loses the whole
   * chunk: its tasks are then run one a chunk, so only the task that kills a thread fails.
   */
  const runChunk = async (kind: string, tasks: readonly unknown[]): Promise<Buffer> => {
    try {
      return await threads().run({ kind, tasks });
    } catch (error) {
      if (tasks.length > 1) return joinLines(await Promise.all(tasks.map((task) => runChunk(kind, [task]))));
      return Buffer.from(encodeOutcomes([{ ok: false, reason: error instanceof Error ? error.message : String(error) }]));
    }
  };

  /** One task at a time, each counted first; a task at the crash limit is not run again. */
  const runCarefully = async (job: Job<BatchJob>): Promise<Buffer> => {
    const crashes = keys.crashes(job.id ?? '');
    const parts: Buffer[] = [];
    for (const [i, task] of job.data.tasks.entries()) {
      // The first, batch-wide attempt that crashed is one crash of whichever task it was on.
      const started = await redis.hincrby(crashes, String(i), 1);
      await redis.expire(crashes, ttl);
      if (started >= crashLimit) {
        parts.push(Buffer.from(encodeOutcomes([{ ok: false, reason: `the worker process died ${crashLimit} times while analysing this article (crash, or out of memory)` }])));
        continue;
      }
      crashOn(task);
      parts.push(await runChunk(job.data.kind, [task]));
      await redis.hset(crashes, String(i), 0);
    }
    return joinLines(parts);
  };

  const worker = new Worker<BatchJob>(name, async (job) => {
    const { run, batch, kind, tasks } = job.data;
    // The producer is gone (killed, or finished long ago): nobody would read these results.
    if ((await redis.exists(keys.producer(run))) === 0) {
      say(`dropped job ${job.id ?? ''}: its producer is gone`);
      return;
    }
    let results: Buffer;
    if (!TASK_KINDS[kind]) {
      results = Buffer.from(encodeOutcomes(tasks.map(() => ({ ok: false, reason: `this worker does not know task kind "${kind}" (is narrascope on this machine up to date?)` }))));
    } else if (job.stalledCounter > 0) {
      say(`job ${job.id ?? ''} stalled ${job.stalledCounter} time(s) before: running its tasks one at a time, alone`);
      results = await lock.exclusive(() => runCarefully(job));
    } else {
      results = await lock.shared(() => runInChunks(kind, tasks));
    }
    // Result and announcement in one transaction, so a producer never sees one without the other.
    await redis.multi()
      .set(keys.result(run, batch), results, 'EX', ttl)
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
      await pool?.destroy();
      redis.disconnect();
    },
  };
}

const NEWLINE = Buffer.from('\n');

/** Outcome parts (each whole lines) joined into one payload, in order. */
function joinLines(parts: readonly Buffer[]): Buffer {
  return Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [NEWLINE, part])));
}
