/**
 * The long-running scheduler: fires each job on its cron schedule (croner, a well-kept
 * dependency-free cron library with seconds, time zones and overrun protection), one run at a
 * time per job. Overlap is prevented twice: croner's `protect` skips a tick while this process
 * still runs the job, and the store's lock skips it while any other process does.
 */
import { Cron } from 'croner';
import type { JobDefinition } from './definition.js';
import { JobLockedError, RunInterruptedError, runJob, type RunJobOptions, type RunOutcome } from './run-job.js';

/** What the scheduler tells its caller about. */
export type SchedulerEvent =
  | { readonly kind: 'scheduled'; readonly job: string; readonly next: Date | null }
  | { readonly kind: 'started'; readonly job: string }
  | { readonly kind: 'succeeded'; readonly job: string; readonly outcome: RunOutcome; readonly next: Date | null }
  | { readonly kind: 'failed'; readonly job: string; readonly error: string; readonly next: Date | null }
  | { readonly kind: 'skipped'; readonly job: string; readonly reason: string }
  | { readonly kind: 'interrupted'; readonly job: string; readonly error: string };

/** Options of {@link Scheduler}. */
export interface SchedulerOptions extends Pick<RunJobOptions, 'workers' | 'onDiagnostic'> {
  readonly onEvent?: (event: SchedulerEvent) => void;
}

/**
 * Fires jobs on their schedules until {@link Scheduler.stop}. A failed run is recorded (by
 * `runJob`) and reported; the job's next tick still fires.
 *
 * @example
 * const scheduler = new Scheduler(jobs, { onEvent: console.log });
 * scheduler.start();
 * process.on('SIGTERM', () => void scheduler.stop());
 */
export class Scheduler {
  private readonly crons: Cron[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly abort = new AbortController();

  constructor(private readonly jobs: readonly JobDefinition[], private readonly options: SchedulerOptions = {}) {
    const unscheduled = jobs.filter((job) => job.schedule === undefined).map((job) => job.name);
    if (unscheduled.length > 0) throw new TypeError(`narrascope: jobs without a schedule cannot be scheduled: ${unscheduled.join(', ')}`);
  }

  /** Start every job's timer. */
  start(): void {
    for (const job of this.jobs) {
      const cron: Cron = new Cron(job.schedule as string, {
        name: job.name,
        protect: () => this.emit({ kind: 'skipped', job: job.name, reason: 'the previous run of this job is still going' }),
        ...(job.timezone ? { timezone: job.timezone } : {}),
      }, (): Promise<void> => this.fire(job, cron));
      this.crons.push(cron);
      this.emit({ kind: 'scheduled', job: job.name, next: cron.nextRun() });
    }
  }

  /**
   * Stop firing, interrupt the runs in progress (each checkpoints: the articles it recorded stay,
   * and it is recorded as failed, interrupted) and wait for them to close their stores.
   */
  async stop(): Promise<void> {
    for (const cron of this.crons) cron.stop();
    this.abort.abort();
    await Promise.allSettled([...this.running]);
  }

  /** Runs in progress. */
  get busy(): number {
    return this.running.size;
  }

  private fire(job: JobDefinition, cron: Cron): Promise<void> {
    if (this.abort.signal.aborted) return Promise.resolve();
    this.emit({ kind: 'started', job: job.name });
    const run = (async () => {
      try {
        const outcome = await runJob(job, { ...this.runOptions(), signal: this.abort.signal });
        this.emit({ kind: 'succeeded', job: job.name, outcome, next: cron.nextRun() });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof JobLockedError) this.emit({ kind: 'skipped', job: job.name, reason: message });
        else if (error instanceof RunInterruptedError) this.emit({ kind: 'interrupted', job: job.name, error: message });
        else this.emit({ kind: 'failed', job: job.name, error: message, next: cron.nextRun() });
      }
    })();
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    // croner's `protect` waits for this promise before letting the job fire again.
    return run;
  }

  private runOptions(): RunJobOptions {
    return {
      ...(this.options.workers !== undefined ? { workers: this.options.workers } : {}),
      ...(this.options.onDiagnostic ? { onDiagnostic: this.options.onDiagnostic } : {}),
    };
  }

  private emit(event: SchedulerEvent): void {
    this.options.onEvent?.(event);
  }
}
