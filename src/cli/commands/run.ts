import type { Command } from 'commander';
import { jobFileOf, loadJob, RunInterruptedError, runJob, type RunOutcome } from '../../jobs/index.js';
import type { FetchCounts } from '../../sources/index.js';
import { DiagnosticLog } from '../diagnostics.js';
import { positiveInteger, withJobErrors } from '../job-errors.js';

interface RunFlags {
  readonly workers?: string;
  readonly strict?: boolean;
  readonly quiet?: boolean;
  readonly json?: boolean;
}

/** One line per fact of a finished run, for people; `--json` gives the same as one object. */
function summary(outcome: RunOutcome): string {
  const d = outcome.drift;
  const since = d.from ? `since run ${d.from.runId}` : 'first run';
  return [
    `run ${outcome.runId} of ${outcome.job} succeeded: ${outcome.articles} articles (${outcome.analysed} analysed, ${outcome.reused} reused, ${outcome.duplicates} duplicates, ${outcome.failedArticles} failed), ${outcome.narratives} narratives`,
    ...(outcome.fetched.feedsFetched + outcome.fetched.feedsUnchanged + outcome.fetched.feedsFailed + outcome.fetched.pagesStored + outcome.fetched.pagesFetched + outcome.fetched.pagesFailed > 0 ? [fetchLine(outcome.fetched)] : []),
    `drift (${since}): ${d.new.length} new, ${d.vanished.length} vanished, ${d.growing.length} growing, ${d.shrinking.length} shrinking, ${d.outlets.length} outlet changes, ${d.framing.length} framing changes, ${d.conflicts.length} new conflicts`,
    ...outcome.files.filter((f) => !/-latest\.[a-z]+$/.test(f)).map((f) => `wrote ${f}`),
  ].join('\n');
}

/** What the job's feeds and URL lists cost this run. */
function fetchLine(f: FetchCounts): string {
  return `fetched: ${f.feedsFetched} feeds read, ${f.feedsUnchanged} unchanged (304), ${f.feedsFailed} failed; ${f.pagesFetched} pages fetched, ${f.pagesStored} already in the store, ${f.pagesFailed} failed, ${f.pagesSkipped} not fetched (robots.txt or host not listed)`;
}

/** `narrascope run <job>`: one run of a job now. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a job of pipelines/ once now: analyse new or changed articles (reuse the rest from the store), report, and drift since the previous run')
    .argument('<job>', 'job file (pipelines/default.json) or job name (default)')
    .option('--workers <n>', 'worker threads (default: the job\'s, else one per core)')
    .option('--strict', 'fail the run at the first bad input record')
    .option('--quiet', 'print errors only')
    .option('--json', 'print the outcome as one JSON object on stdout')
    .action((argument: string, flags: RunFlags) => withJobErrors(async () => {
      const job = loadJob(jobFileOf(argument));
      const workers = positiveInteger(flags.workers, '--workers');
      const log = new DiagnosticLog(flags.quiet ?? false);
      const controller = new AbortController();
      let signalName: NodeJS.Signals | null = null;
      const stop = (name: NodeJS.Signals): void => {
        signalName = name;
        process.stderr.write(`narrascope: ${name}: finishing the articles in flight, then checkpointing run\n`);
        controller.abort();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const outcome = await runJob(job, {
          signal: controller.signal,
          onDiagnostic: (d) => log.report(d),
          ...(workers !== undefined ? { workers } : {}),
          ...(flags.strict ? { strict: true } : {}),
        });
        if (flags.json) {
          const { report: _report, ...rest } = outcome;
          process.stdout.write(`${JSON.stringify(rest)}\n`);
        } else {
          process.stdout.write(`${summary(outcome)}\n`);
        }
        process.exitCode = outcome.failedArticles > 0 || log.errors > 0 ? 1 : 0;
      } catch (error) {
        if (!(error instanceof RunInterruptedError)) throw error;
        process.stderr.write(`narrascope: ${error.message}\n`);
        process.exitCode = signalName === 'SIGTERM' ? 143 : 130;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    }));
}
