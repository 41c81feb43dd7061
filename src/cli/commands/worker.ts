import type { Command } from 'commander';
import { defaultWorkers } from '../../pipeline/pool.js';
import { UsageError } from '../input-options.js';
import { positiveInteger } from '../job-errors.js';
import { QueueStop, queueUrlOf } from '../queue-options.js';

interface WorkerFlags {
  readonly queue?: string;
  readonly workers: string;
  readonly concurrency: string;
  readonly lockDuration: string;
  readonly chunk: string;
  readonly quiet?: boolean;
}

/** `narrascope worker --queue URL`: analyse the queue's jobs on this machine until stopped. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('take jobs from the queue (analyze, compare, run and schedule with --queue) and analyse them on a local pool of worker threads, until SIGINT/SIGTERM (which finish the jobs in hand)')
    .option('--queue <url>', 'Redis URL of the queue, redis://HOST:PORT/DB (default: $NARRASCOPE_QUEUE)')
    .option('--workers <n>', 'worker threads on this machine', String(defaultWorkers()))
    .option('--concurrency <n>', 'jobs in hand at once (they share the threads)', '2')
    .option('--lock-duration <ms>', 'a worker silent this long is presumed dead and its jobs go to another', '30000')
    .option('--chunk <n>', 'articles handed to a thread at once (more: fewer hand-overs, for a machine the worker has to itself)', '1')
    .option('--quiet', 'print errors only')
    .action(async (flags: WorkerFlags) => {
      const url = await queueUrlOf(flags.queue);
      if (!url) throw new UsageError('worker needs --queue redis://HOST:PORT/DB (or $NARRASCOPE_QUEUE)');
      const threads = positiveInteger(flags.workers, '--workers') ?? defaultWorkers();
      const concurrency = positiveInteger(flags.concurrency, '--concurrency') ?? 2;
      const lockDurationMs = positiveInteger(flags.lockDuration, '--lock-duration') ?? 30_000;
      const chunk = positiveInteger(flags.chunk, '--chunk') ?? 1;
      const say = (line: string): void => { if (!flags.quiet) process.stderr.write(`${new Date().toISOString()} narrascope worker: ${line}\n`); };
      const { startQueueWorker } = await import('../../queue/worker.js');
      const { QueueUnreachableError } = await import('../../queue/connection.js');
      let worker;
      try {
        worker = await startQueueWorker(url, { threads, concurrency, lockDurationMs, chunk, onEvent: say });
      } catch (error) {
        if (error instanceof QueueUnreachableError) throw new QueueStop(error.message);
        throw error;
      }
      say(`taking jobs from ${url.display} with ${threads} thread(s), ${concurrency} job(s) at a time`);
      const running = worker;
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals): void => {
          process.off('SIGINT', stop).off('SIGTERM', stop);
          say(`${signal}: finishing the jobs in hand`);
          void running.stop().then(resolve);
        };
        process.on('SIGINT', stop).on('SIGTERM', stop);
      });
      say(`stopped after ${running.jobs()} jobs`);
      process.exitCode = 0;
    });
}
