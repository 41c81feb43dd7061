import type { Command } from 'commander';
import { loadJobs, Scheduler, type SchedulerEvent } from '../../jobs/index.js';
import { DiagnosticLog } from '../diagnostics.js';
import { UsageError } from '../input-options.js';
import { positiveInteger } from '../job-errors.js';

interface ScheduleFlags {
  readonly workers?: string;
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

/** `narrascope schedule pipelines/`: the long-running scheduler. */
export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description('run the jobs of pipelines/ on their cron schedules until stopped (SIGINT/SIGTERM checkpoint the runs in progress and exit 0)')
    .argument('<paths...>', 'folders of job files, or job files')
    .option('--workers <n>', 'worker threads per run (default: each job\'s, else one per core)')
    .option('--quiet', 'print errors only')
    .action(async (paths: string[], flags: ScheduleFlags) => {
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
      const scheduler = new Scheduler(scheduled, {
        ...(workers !== undefined ? { workers } : {}),
        onDiagnostic: (d) => log.report(d),
        onEvent: (event) => say(describe(event), event.kind === 'failed'),
      });
      scheduler.start();
      await new Promise<void>((resolve) => {
        const stop = (name: NodeJS.Signals): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          say(`${name}: stopping; ${scheduler.busy} run(s) in progress will checkpoint`, true);
          void scheduler.stop().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      say('scheduler stopped', true);
      process.exitCode = errors.length > 0 ? 1 : 0;
    });
}
