import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../input-options.js';
import { positiveInteger, withJobErrors } from '../job-errors.js';

interface DriftFlags {
  readonly from?: string;
  readonly to?: string;
  readonly format: string;
  readonly out?: string;
}

const FORMATS = ['json', 'markdown', 'md', 'html'] as const;

/** `narrascope drift <job>`: what changed between two succeeded runs of a job. */
export function registerDrift(program: Command): void {
  program
    .command('drift')
    .description('what changed between two runs of a job: new, vanished, growing and shrinking narratives, outlets that started or stopped carrying one, framing changes, new conflicts, and the timeline of narrative shares')
    .argument('<job>', 'job file (pipelines/default.json) or job name (default)')
    .option('--from <run>', 'earlier run id (default: the succeeded run before --to)')
    .option('--to <run>', 'later run id (default: the latest succeeded run)')
    .option('-f, --format <format>', 'markdown, json or html', 'markdown')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action((argument: string, flags: DriftFlags) => withJobErrors(async () => {
      // Imported here, not at the top: a command loads only what it runs (start-up time).
      const [{ renderDrift }, { computeDrift, jobFileOf, loadJob }, { JobStore }] = await Promise.all([import('../../08-report/index.js'), import('../../jobs/index.js'), import('../../store/store.js')]);
      if (!(FORMATS as readonly string[]).includes(flags.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${flags.format}"`);
      const job = loadJob(jobFileOf(argument));
      const fromId = positiveInteger(flags.from, '--from');
      const toId = positiveInteger(flags.to, '--to');
      const store = JobStore.open(job.store);
      try {
        const succeeded = store.runs(job.name).filter((r) => r.status === 'succeeded').reverse();
        const pick = (id: number, flag: string) => {
          const run = store.run(job.name, id);
          if (!run) throw new UsageError(`${flag}: job "${job.name}" has no run ${id}`);
          if (run.status !== 'succeeded') throw new UsageError(`${flag}: run ${id} of job "${job.name}" ${run.status === 'running' ? 'is still running' : 'failed'}; drift compares succeeded runs`);
          return run;
        };
        const to = toId !== undefined ? pick(toId, '--to') : succeeded.at(-1);
        if (!to) throw new UsageError(`job "${job.name}" has no succeeded run yet: run "narrascope run ${argument}" first`);
        const from = fromId !== undefined ? pick(fromId, '--from') : succeeded.filter((r) => r.id < to.id).at(-1);
        if (from && from.id >= to.id) throw new UsageError(`--from (${from.id}) must be an earlier run than --to (${to.id})`);
        const toSnapshot = store.snapshot(to.id);
        const fromSnapshot = from ? store.snapshot(from.id) : undefined;
        if (!toSnapshot || (from && !fromSnapshot)) throw new Error(`narrascope: the store ${job.store} lacks the snapshot of a succeeded run`);
        const history = store.snapshots(job.name).filter((s) => s.runId <= to.id);
        const drift = computeDrift(fromSnapshot ?? null, toSnapshot, history, job.drift);
        const output = renderDrift(drift, flags.format as (typeof FORMATS)[number]);
        if (flags.out) await writeFile(flags.out, output);
        else process.stdout.write(output);
      } finally {
        store.close();
      }
    }));
}
