import type { Command } from 'commander';
import type { QueueUrl } from '../../queue/connection.js';
import type { startQueueScheduler } from '../../queue/scheduler.js';
import type { SchedulerEvent } from '../../jobs/index.js';
import { DiagnosticLog } from '../diagnostics.js';
import { UsageError } from '../input-options.js';
import { positiveInteger } from '../job-errors.js';
import { QueueStop, queueUrlOf } from '../queue-options.js';

interface ScheduleFlags {
  readonly workers?: string;
  readonly queue?: string;
  readonly quiet?: boolean;
}

const when = (date: Date | null): string => (date ? date.toISOString() : 'never');

/** One stderr line per scheduler event, timestamped (a service log). */
function describe(event: SchedulerEvent): string {
  switch (event.kind) {
    case 'scheduled': return `job ${event.job} scheduled; next run ${when(event.next)}`;
    case 'started': return `job ${event.job}: run started`;
    case 'succeeded': {
      const o = event.outcome;
      return `job ${event.job}: run ${o.runId} succeeded: ${o.articles} articles (${o.analysed} analysed, ${o.reused} reused)${o.fetched.feedsFetched + o.fetched.feedsUnchanged + o.fetched.feedsFailed > 0 ? `, feeds ${o.fetched.feedsFetched} read / ${o.fetched.feedsUnchanged} unchanged / ${o.fetched.feedsFailed} failed, ${o.fetched.pagesFetched} pages fetched` : ''}, ${o.narratives} narratives, ${o.drift.new.length} new; next run ${when(event.next)}`;
    }
    case 'failed': return `job ${event.job}: run failed: ${event.error}; next run ${when(event.next)}`;
    case 'skipped': return `job ${event.job}: tick skipped: ${event.reason}`;
    case 'interrupted': return `job ${event.job}: ${event.error}`;
  }
}

/** Wait for SIGINT/SIGTERM, then call `stop`. */
function untilStopped(say: (line: string, important?: boolean) => void, busy: () => number, stop: () => Promise<void>): Promise<void> {
  return new Promise<void>((resolve) => {
    const onSignal = (name: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      say(`${name}: stopping; ${busy()} run(s) in progress will checkpoint`, true);
      void stop().then(resolve);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** `schedule --queue`: BullMQ job schedulers; this process takes ticks and runs them on the queue's workers. */
async function scheduleThroughQueue(jobs: Parameters<typeof startQueueScheduler>[0], url: QueueUrl, log: DiagnosticLog, say: (line: string, important?: boolean) => void): Promise<void> {
  const { startQueueScheduler } = await import('../../queue/scheduler.js');
  const { QueueUnreachableError } = await import('../../queue/connection.js');
  let scheduler;
  try {
    scheduler = await startQueueScheduler(jobs, url, {
      onDiagnostic: (d) => log.report(d),
      onEvent: (event) => say(describe(event), event.kind === 'failed'),
      onTick: (job, tick) => say(`job ${job}: took tick ${tick}`),
    });
  } catch (error) {
    if (error instanceof QueueUnreachableError) throw new QueueStop(error.message);
    throw error;
  }
  say(`taking the ticks of ${jobs.length} job(s) from ${url.display}`, true);
  const running = scheduler;
  await untilStopped(say, running.busy, () => running.stop());
  say('scheduler stopped', true);
}

/** `narrascope schedule pipelines/`: the long-running scheduler. */
export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description('run the jobs of pipelines/ on their cron schedules until stopped (SIGINT/SIGTERM checkpoint the runs in progress and exit 0)')
    .argument('<paths...>', 'folders of job files, or job files')
    .option('--workers <n>', 'worker threads per run (default: each job\'s, else one per core)')
    .option('--queue <url>', 'fire the jobs through BullMQ job schedulers at this Redis URL (any number of schedule processes fire each tick once) and analyse on `narrascope worker` processes (default: $NARRASCOPE_QUEUE)')
    .option('--quiet', 'print errors only')
    .action(async (paths: string[], flags: ScheduleFlags) => {
      // Imported here, not at the top: a command loads only what it runs (start-up time).
      const { loadJobs, Scheduler } = await import('../../jobs/index.js');
      const workers = positiveInteger(flags.workers, '--workers');
      const { jobs, errors } = loadJobs(paths);
      for (const error of errors) process.stderr.write(`narrascope: error: ${error.message}\n`);
      const scheduled = jobs.filter((job) => job.schedule !== undefined);
      for (const job of jobs) if (job.schedule === undefined && !flags.quiet) process.stderr.write(`narrascope: job ${job.name} (${job.file}) has no "schedule"; not scheduled\n`);
      if (scheduled.length === 0) throw new UsageError(`no job with a schedule in ${paths.join(', ')}`);
      const log = new DiagnosticLog(flags.quiet ?? false);
      const say = (line: string, important = false): void => {
        if (important || !flags.quiet) process.stderr.write(`${new Date().toISOString()} ${line}\n`);
      };
      const url = await queueUrlOf(flags.queue);
      if (url) {
        await scheduleThroughQueue(scheduled, url, log, say);
        process.exitCode = errors.length > 0 ? 1 : 0;
        return;
      }
      const scheduler = new Scheduler(scheduled, {
        ...(workers !== undefined ? { workers } : {}),
        onDiagnostic: (d) => log.report(d),
        onEvent: (event) => say(describe(event), event.kind === 'failed'),
      });
      scheduler.start();
      await untilStopped(say, () => scheduler.busy, () => scheduler.stop());
      say('scheduler stopped', true);
      process.exitCode = errors.length > 0 ? 1 : 0;
    });
}
