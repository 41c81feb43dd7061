import type { Command } from 'commander';
import type { AnalyzeTask } from '../pipeline/task.js';
import type { QueueProducer } from '../queue/producer.js';
import type { QueueUrl } from '../queue/connection.js';
import { UsageError } from './input-options.js';

/** The queue flags of analyze and compare. */
export interface QueueFlags {
  readonly queue?: string;
  readonly queueBatch: string;
  readonly queueJobs: string;
}

/** The queue could not be used (unreachable at the start, or down too long): exit 1. */
export class QueueStop extends Error {}

/** Add `--queue`, `--queue-batch` and `--queue-jobs` to a command. */
export function withQueueOptions(command: Command): Command {
  return command
    .option('--queue <url>', 'analyse on `narrascope worker` processes through a BullMQ queue at this Redis URL, redis://HOST:PORT/DB (default: $NARRASCOPE_QUEUE)')
    .option('--queue-batch <n>', 'articles per queue job', '64')
    .option('--queue-jobs <n>', 'queue jobs outstanding at once (back-pressure); at least 2 x worker processes x their --concurrency', '16');
}

/** The queue URL of a command: `--queue`, else `$NARRASCOPE_QUEUE`, else none (local pool). */
export async function queueUrlOf(flag: string | undefined): Promise<QueueUrl | null> {
  const text = flag ?? process.env['NARRASCOPE_QUEUE'];
  if (text === undefined || text === '') return null;
  // Loaded only in queue mode: the local path never pays for bullmq and ioredis.
  const { parseQueueUrl } = await import('../queue/connection.js');
  try {
    return parseQueueUrl(text);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Open the producer when the command runs in queue mode (null otherwise). Reaching Redis is
 * checked first, within a few seconds, before the command writes anything.
 */
export async function openProducer<T = AnalyzeTask>(flags: QueueFlags, quiet: boolean, kind = 'analyze'): Promise<QueueProducer<T> | null> {
  const url = await queueUrlOf(flags.queue);
  if (!url) return null;
  const batchSize = Number(flags.queueBatch);
  const maxJobs = Number(flags.queueJobs);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--queue-batch must be a positive integer, got "${flags.queueBatch}"`);
  if (!Number.isInteger(maxJobs) || maxJobs < 1) throw new UsageError(`--queue-jobs must be a positive integer, got "${flags.queueJobs}"`);
  const { QueueProducer } = await import('../queue/producer.js');
  const { QueueUnreachableError } = await import('../queue/connection.js');
  try {
    return await QueueProducer.open<T>(url, {
      kind,
      // An event's narratives take ~10x an article's analysis: fewer to a job.
      batchSize: kind === 'narratives' ? Math.max(1, Math.ceil(batchSize / 16)) : batchSize,
      maxJobs,
      onConnection: (_up, message) => { if (!quiet) process.stderr.write(`narrascope: ${message}\n`); },
    });
  } catch (error) {
    if (error instanceof QueueUnreachableError) throw new QueueStop(error.message);
    throw error;
  }
}

/** The closing line of a queue run, e.g. `queue: 12000 articles in 188 jobs`. */
export function queueSummary(producer: QueueProducer<unknown>): string {
  const { jobs, tasks, resent } = producer.stats;
  return `narrascope: queue: ${tasks} articles in ${jobs} jobs${resent > 0 ? ` (${resent} sent again after Redis lost them)` : ''}\n`;
}
