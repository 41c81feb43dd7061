/**
 * Scheduled jobs across machines (`narrascope schedule pipelines/ --queue URL`). Each job's cron
 * schedule becomes a BullMQ job scheduler (upserted by every scheduler process: the same id, so
 * one scheduler however many processes declare it), which adds one "tick" job per tick to the
 * schedule queue. Whichever scheduler process takes a tick runs the job once, with its articles
 * analysed by the queue's workers, and records it in the job's SQLite store as a local run does.
 * Several processes on several machines therefore fire each job once per tick.
 */
import { Queue, Worker } from 'bullmq';
import type { JobDefinition } from '../jobs/definition.js';
import { JobLockedError, RunInterruptedError, runJob, type RunJobOptions } from '../jobs/run-job.js';
import type { SchedulerEvent } from '../jobs/scheduler.js';
import type { AnalyzeTask } from '../pipeline/task.js';
import { openRedis, type QueueUrl } from './connection.js';
import { SCHEDULE_QUEUE } from './keys.js';
import { QueueProducer } from './producer.js';

/** Options of {@link startQueueScheduler}. */
export interface QueueSchedulerOptions extends Pick<RunJobOptions, 'onDiagnostic'> {
  readonly onEvent?: (event: SchedulerEvent) => void;
  /** One line per tick taken, e.g. `job default: tick repeat:default:1764316800000`. */
  readonly onTick?: (job: string, tick: string) => void;
  /** A tick job's lock (a run longer than this keeps renewing it). @default 120000 */
  readonly lockDurationMs?: number;
}

/** A running scheduler process. */
export interface RunningQueueScheduler {
  /** Runs in progress in this process (0 or 1). */
  readonly busy: () => number;
  /** Interrupt the run in progress (it checkpoints), take no more ticks, close. */
  stop(): Promise<void>;
}

/**
 * Declare the jobs' schedulers and start taking their ticks. Throws `QueueUnreachableError` when
 * Redis does not answer.
 *
 * @example
 * const scheduler = await startQueueScheduler(jobs, parseQueueUrl('redis://10.0.0.5:6379'), { onEvent: console.log });
 */
export async function startQueueScheduler(jobs: readonly JobDefinition[], url: QueueUrl, options: QueueSchedulerOptions = {}): Promise<RunningQueueScheduler> {
  // Opening the producer checks that Redis answers before anything is declared.
  const producer = await QueueProducer.open<AnalyzeTask>(url);
  const emit = options.onEvent ?? (() => undefined);
  const redis = openRedis(url);
  const queue = new Queue(SCHEDULE_QUEUE, { connection: redis, streams: { events: { maxLen: 100 } } });
  queue.on('error', () => undefined);
  const byName = new Map(jobs.map((job) => [job.name, job]));
  for (const job of jobs) {
    const scheduler = await queue.upsertJobScheduler(job.name, { pattern: job.schedule as string, ...(job.timezone ? { tz: job.timezone } : {}) }, {
      name: job.name,
      data: { job: job.name },
      // Finished ticks are kept (the last 1,000, a day at most), not removed at once: a tick's job
      // id is what makes a second process's copy of the same tick a no-op, and a removed id can
      // be added again when two processes declare the scheduler around the same tick (seen as
      // one tick taken twice under load).
      opts: { removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: 100 },
    });
    emit({ kind: 'scheduled', job: job.name, next: scheduler?.delay !== undefined ? new Date(scheduler.timestamp + scheduler.delay) : null });
  }
  const nextTick = async (name: string): Promise<Date | null> => {
    try {
      const next = (await queue.getJobScheduler(name))?.next;
      return next === undefined ? null : new Date(next);
    } catch {
      return null;
    }
  };
  const abort = new AbortController();
  let busy = 0;
  const tickConnection = openRedis(url);
  const worker = new Worker<{ job: string }>(SCHEDULE_QUEUE, async (tick) => {
    const job = byName.get(tick.data.job);
    if (!job) throw new Error(`job "${tick.data.job}" is not among this process's job files`);
    if (abort.signal.aborted) return;
    options.onTick?.(job.name, tick.id ?? '');
    emit({ kind: 'started', job: job.name });
    busy++;
    try {
      const outcome = await runJob(job, { executor: producer, signal: abort.signal, ...(options.onDiagnostic ? { onDiagnostic: options.onDiagnostic } : {}) });
      emit({ kind: 'succeeded', job: job.name, outcome, next: await nextTick(job.name) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof JobLockedError) emit({ kind: 'skipped', job: job.name, reason: message });
      else if (error instanceof RunInterruptedError) emit({ kind: 'interrupted', job: job.name, error: message });
      else emit({ kind: 'failed', job: job.name, error: message, next: await nextTick(job.name) });
    } finally {
      busy--;
    }
  }, { connection: tickConnection, concurrency: 1, lockDuration: options.lockDurationMs ?? 120_000 });
  worker.on('error', () => undefined);
  return {
    busy: () => busy,
    async stop(): Promise<void> {
      abort.abort();
      await worker.close();
      await producer.close();
      await queue.close();
      redis.disconnect();
      tickConnection.disconnect();
    },
  };
}
