import type { Command } from 'commander';
import { jobFileOf, loadJob } from '../../jobs/index.js';
import { JobStore } from '../../store/store.js';
import { UsageError } from '../input-options.js';
import { positiveInteger, withJobErrors } from '../job-errors.js';

interface HistoryFlags {
  readonly format: string;
  readonly limit?: string;
}

/** `narrascope history <job>`: the job's runs, oldest first. */
export function registerHistory(program: Command): void {
  program
    .command('history')
    .description('list the runs of a job with their status and counts, oldest first')
    .argument('<job>', 'job file (pipelines/default.json) or job name (default)')
    .option('--format <format>', 'table or json (an array of {id, status, startedAt, articles, analysed, reused, narratives, fetched?})', 'table')
    .option('--limit <n>', 'only the latest N runs')
    .action((argument: string, flags: HistoryFlags) => withJobErrors(async () => {
      if (flags.format !== 'table' && flags.format !== 'json') throw new UsageError(`--format must be table or json, got "${flags.format}"`);
      const limit = positiveInteger(flags.limit, '--limit');
      const job = loadJob(jobFileOf(argument));
      const store = JobStore.open(job.store);
      try {
        const runs = store.runs(job.name, limit).reverse();
        if (flags.format === 'json') {
          const rows = runs.map((r) => ({ id: r.id, status: r.status, startedAt: r.startedAt, articles: r.articles, analysed: r.analysed, reused: r.reused, narratives: r.narratives ?? 0, ...(r.fetched ? { fetched: r.fetched } : {}) }));
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        if (runs.length === 0) {
          process.stdout.write(`no runs of job "${job.name}" yet in ${job.store}\n`);
          return;
        }
        // Jobs over feeds also show what each run fetched: feeds read/304/failed, pages fetched.
        const web = runs.some((r) => r.fetched !== null);
        const fetched = (f: Readonly<Record<string, number>> | null): string[] => (!web ? [] : f === null ? ['-'] : [`${f['feedsFetched'] ?? 0}/${f['feedsUnchanged'] ?? 0}/${f['feedsFailed'] ?? 0} ${f['pagesFetched'] ?? 0}`]);
        const head = ['run', 'status', 'started', 'articles', 'analysed', 'reused', 'duplicates', 'failed', 'narratives', ...(web ? ['feeds 200/304/failed, pages'] : []), 'note'];
        const rows = runs.map((r) => [String(r.id), r.status, r.startedAt, String(r.articles), String(r.analysed), String(r.reused), String(r.duplicates), String(r.failedArticles), r.narratives === null ? '-' : String(r.narratives), ...fetched(r.fetched), r.error ?? '']);
        const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
        const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
        process.stdout.write(`${[line(head), ...rows.map(line)].join('\n')}\n`);
      } finally {
        store.close();
      }
    }));
}
