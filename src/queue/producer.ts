/**
 * The producer side of queue mode: a `TaskExecutor` (src/pipeline/run.ts) for the pipeline's runner that sends
 * its tasks to worker processes through a BullMQ queue, `batchSize` tasks per job, with at most
 * `maxJobs` jobs outstanding (the runner's window stops reading beyond that: back-pressure).
 * The runner keeps clean, the duplicate check, input order, resume and failures, so the output
 * is the bytes of a local run.
 *
 * Results come back outside BullMQ, as one raw key per batch plus a "done" list the producer
 * blocks on (BLPOP); the key is deleted as it is read (GETDEL). A watchdog every `checkEveryMs`
 * renews the producer's heartbeat and looks after every job older than that: results present but
 * not announced are read; a job Redis no longer knows (Redis restarted without persistence) is
 * sent again; a job BullMQ failed (it crashed workers too often) fails its articles.
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

import type { AnalyzeTaskResult } from '../pipeline/task.js';
import { decodeOutcomes } from './codec.js';
import { checkReachable, openRedis, withTimeout, type QueueUrl } from './connection.js';
import { analysisQueueName, QueueKeys } from './keys.js';
import type { BatchJob } from './tasks.js';

/** Options of {@link QueueProducer.open}. */
export interface ProducerOptions {
  /** The task kind workers run (see `TASK_KINDS`). @default 'analyze' */
  readonly kind?: string;
  /** Tasks per job. @default 64 */
  readonly batchSize?: number;
  /** Jobs outstanding at once; size it to at least 2 x worker processes x their `--concurrency`. @default 16 */
  readonly maxJobs?: number;
  /** A partial batch waits at most this long for more tasks. @default 50 */
  readonly lingerMs?: number;
  /** Watchdog period; a job is checked once it is this old. @default 2000 */
  readonly checkEveryMs?: number;
  /** Give up when Redis has not answered for this long. @default 120000 */
  readonly maxDowntimeMs?: number;
  /** Seconds a result key lives if its producer never reads it (it died). @default 600 */
  readonly resultTtlSeconds?: number;
  /** Told when Redis stops or starts answering, or no worker takes the jobs (for a log line). */
  readonly onConnection?: (up: boolean, message: string) => void;
}

/** Counters of a producer's run (printed at the end, used by the tests and the benchmark). */
export interface ProducerStats {
  jobs: number;
  tasks: number;
  /** Jobs sent again because Redis lost them. */
  resent: number;
}

interface Pending<T> {
  readonly task: T;
  readonly resolve: (result: AnalyzeTaskResult) => void;
  readonly reject: (error: Error) => void;
}

interface Outstanding<T> {
  readonly jobId: string;
  readonly entries: readonly Pending<T>[];
  /** When the job was last (re)sent; null while the add is in flight. */
  sentAt: number | null;
  consuming: boolean;
}

/** Sends tasks to queue workers and hands their results back. Close it when done. */
export class QueueProducer<T = unknown> {
  readonly concurrency: number;
  readonly stats: ProducerStats = { jobs: 0, tasks: 0, resent: 0 };
  readonly runId = randomUUID().replace(/-/g, '').slice(0, 16);
  readonly #queue: Queue;
  readonly #redis: Redis;
  readonly #blocking: Redis;
  readonly #keys: QueueKeys;
  readonly #options: Required<Omit<ProducerOptions, 'onConnection'>> & Pick<ProducerOptions, 'onConnection'>;
  readonly #outstanding = new Map<number, Outstanding<T>>();
  #batch: Pending<T>[] = [];
  #linger: NodeJS.Timeout | undefined;
  #watchdog: NodeJS.Timeout;
  #gathering: Promise<void>;
  #nextBatch = 0;
  #closed = false;
  #lastContact = Date.now();
  #down = false;
  #checking = false;
  #fatal: Error | null = null;
  #lastResult = Date.now();
  #toldNoWorkers = false;

  /**
   * Check that Redis answers (a clear {@link QueueUnreachableError} within a few seconds if not),
   * then connect.
   *
   * @example
   * const producer = await QueueProducer.open(parseQueueUrl('redis://127.0.0.1:6379'));
   * for await (const item of runAnalysis(articles, { executor: producer })) ...
   * await producer.close();
   */
  static async open<T = unknown>(url: QueueUrl, options: ProducerOptions = {}): Promise<QueueProducer<T>> {
    await checkReachable(url);
    return new QueueProducer<T>(url, options);
  }

  private constructor(url: QueueUrl, options: ProducerOptions) {
    this.#options = {
      kind: options.kind ?? 'analyze',
      batchSize: positive(options.batchSize ?? 64, 'batchSize'),
      maxJobs: positive(options.maxJobs ?? 16, 'maxJobs'),
      lingerMs: options.lingerMs ?? 50,
      checkEveryMs: options.checkEveryMs ?? 2000,
      maxDowntimeMs: options.maxDowntimeMs ?? 120_000,
      resultTtlSeconds: options.resultTtlSeconds ?? 600,
      ...(options.onConnection ? { onConnection: options.onConnection } : {}),
    };
    this.concurrency = this.#options.batchSize * this.#options.maxJobs;
    const name = analysisQueueName();
    this.#keys = new QueueKeys(name);
    this.#redis = openRedis(url);
    this.#blocking = openRedis(url);
    // The events stream is trimmed short: nobody here listens to it, and it must not grow.
    this.#queue = new Queue(name, { connection: this.#redis, streams: { events: { maxLen: 100 } } });
    this.#queue.on('error', () => undefined);
    void this.#heartbeat();
    this.#watchdog = setInterval(() => void this.#check(), this.#options.checkEveryMs);
    this.#gathering = this.#gather();
  }

  /**
   * Set when Redis has not answered for `maxDowntimeMs`: the tasks waiting were rejected with it
   * and the caller should stop writing and end the run (it can be resumed).
   */
  get fatal(): Error | null {
    return this.#fatal;
  }

  /** Queue one task; resolves with its result line, rejects when its analysis failed. */
  run(task: T): Promise<AnalyzeTaskResult> {
    if (this.#fatal) return Promise.reject(this.#fatal);
    return new Promise((resolve, reject) => {
      this.#batch.push({ task, resolve, reject });
      if (this.#batch.length >= this.#options.batchSize) this.flush();
      else this.#linger ??= setTimeout(() => this.flush(), this.#options.lingerMs);
    });
  }

  /** Send the partial batch now. */
  flush(): void {
    clearTimeout(this.#linger);
    this.#linger = undefined;
    if (this.#batch.length === 0) return;
    const entries = this.#batch;
    this.#batch = [];
    const batch = this.#nextBatch++;
    const outstanding: Outstanding<T> = { jobId: `${this.runId}.${batch}`, entries, sentAt: null, consuming: false };
    this.#outstanding.set(batch, outstanding);
    this.stats.jobs++;
    this.stats.tasks += entries.length;
    void this.#send(batch, outstanding);
  }

  /** Stop the loops, delete this run's keys and close the connections. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#linger);
    clearInterval(this.#watchdog);
    this.#blocking.disconnect();
    await this.#gathering;
    try {
      // Results of batches sent twice may still arrive (and expire); the rest of this run is done.
      await withTimeout(this.#redis.del(this.#keys.done(this.runId), this.#keys.producer(this.runId)), 2000);
      await withTimeout(this.#queue.close(), 2000);
    } catch { /* Redis gone: the keys expire */ }
    this.#redis.disconnect();
  }

  async #send(batch: number, outstanding: Outstanding<T>): Promise<void> {
    const data: BatchJob = { run: this.runId, batch, kind: this.#options.kind, tasks: outstanding.entries.map((e) => e.task) };
    try {
      await this.#queue.add(this.#options.kind, data, {
        jobId: outstanding.jobId,
        removeOnComplete: true,
        // A failed job stays until the watchdog has read its reason (then it removes it).
        removeOnFail: false,
        attempts: 3,
        backoff: { type: 'fixed', delay: 500 },
      });
    } catch { /* not added: the watchdog finds the job unknown and sends it again */ }
    outstanding.sentAt = Date.now();
  }

  /** Wait for "batch done" announcements and read those results. */
  async #gather(): Promise<void> {
    const done = this.#keys.done(this.runId);
    while (!this.#closed) {
      let popped: [string, string] | null;
      try {
        popped = await this.#blocking.blpop(done, 1);
      } catch {
        if (this.#closed) return;
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      if (popped) await this.#consume(Number(popped[1]));
    }
  }

  /** Read and delete a batch's results, and settle its tasks. */
  async #consume(batch: number): Promise<void> {
    const outstanding = this.#outstanding.get(batch);
    if (!outstanding || outstanding.consuming) return;
    outstanding.consuming = true;
    let payload: string | null;
    try {
      payload = await this.#redis.getdel(this.#keys.result(this.runId, batch));
    } catch {
      outstanding.consuming = false;
      return;
    }
    if (payload === null) {
      // Announced twice (a job that ran twice), or already read: nothing to do.
      outstanding.consuming = false;
      return;
    }
    this.#outstanding.delete(batch);
    this.#lastResult = Date.now();
    let outcomes;
    try {
      outcomes = decodeOutcomes(payload, outstanding.entries.length);
    } catch (error) {
      // A damaged result key fails its batch's articles (listed in --failures), not the run.
      for (const entry of outstanding.entries) entry.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    outstanding.entries.forEach((entry, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) entry.resolve({ json: outcome.json, diagnostics: outcome.diagnostics, ...(outcome.track !== undefined ? { track: outcome.track } : {}) });
      else entry.reject(new Error(outcome?.reason ?? 'no result'));
    });
  }

  async #heartbeat(): Promise<void> {
    await this.#redis.set(this.#keys.producer(this.runId), '1', 'PX', this.#options.checkEveryMs * 5);
  }

  /** The watchdog: heartbeat, then every job older than one period. */
  async #check(): Promise<void> {
    if (this.#checking || this.#closed) return;
    this.#checking = true;
    try {
      await withTimeout(this.#heartbeat(), this.#options.checkEveryMs);
      this.#contact(true);
      const now = Date.now();
      await this.#noWorkers(now);
      for (const [batch, outstanding] of this.#outstanding) {
        if (outstanding.sentAt === null || outstanding.consuming || now - outstanding.sentAt < this.#options.checkEveryMs) continue;
        const [state, hasResult] = await Promise.all([
          this.#queue.getJobState(outstanding.jobId),
          this.#redis.exists(this.#keys.result(this.runId, batch)),
        ]);
        if (!this.#outstanding.has(batch) || outstanding.consuming) continue;
        if (hasResult) await this.#consume(batch);
        else if (state === 'unknown') await this.#resend(batch, outstanding);
        else if (state === 'failed') await this.#failed(batch, outstanding);
      }
    } catch (error) {
      this.#contact(false, error instanceof Error ? error.message : String(error));
    } finally {
      this.#checking = false;
    }
  }

  /** Say once when jobs wait and no worker of this version is connected (a likely set-up mistake). */
  async #noWorkers(now: number): Promise<void> {
    if (this.#toldNoWorkers || this.#outstanding.size === 0 || now - this.#lastResult < 5 * this.#options.checkEveryMs) return;
    if ((await this.#queue.getWorkersCount()) > 0) return;
    this.#toldNoWorkers = true;
    this.#options.onConnection?.(true, `no worker takes jobs from queue ${this.#queue.name}: start "narrascope worker --queue URL" (the same narrascope version) on some machine`);
  }

  async #resend(batch: number, outstanding: Outstanding<T>): Promise<void> {
    this.stats.resent++;
    outstanding.sentAt = null;
    await this.#send(batch, outstanding);
  }

  async #failed(batch: number, outstanding: Outstanding<T>): Promise<void> {
    const job = await this.#queue.getJob(outstanding.jobId);
    const reason = job?.failedReason || 'the job failed';
    this.#outstanding.delete(batch);
    for (const entry of outstanding.entries) entry.reject(new Error(`queue job ${outstanding.jobId} failed: ${reason}`));
    await job?.remove();
  }

  #contact(up: boolean, message = ''): void {
    const now = Date.now();
    if (up) {
      if (this.#down) this.#options.onConnection?.(true, 'the queue answers again');
      this.#down = false;
      this.#lastContact = now;
      return;
    }
    if (!this.#down) this.#options.onConnection?.(false, `the queue does not answer (${message}); waiting for it`);
    this.#down = true;
    if (now - this.#lastContact < this.#options.maxDowntimeMs) return;
    // Down too long: every task waiting fails; the runner writes what it has and the run ends.
    this.#fatal = new Error(`the queue has not answered for ${Math.round((now - this.#lastContact) / 1000)} s`);
    for (const [batch, outstanding] of this.#outstanding) {
      this.#outstanding.delete(batch);
      for (const entry of outstanding.entries) entry.reject(this.#fatal);
    }
  }
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`narrascope: ${name} must be a positive integer, got ${value}`);
  return value;
}
