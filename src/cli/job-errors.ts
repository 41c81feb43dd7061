import { UsageError } from './input-options.js';

/** Exit code of `run` when the job is already running elsewhere: EX_TEMPFAIL, "try again later". */
export const EXIT_LOCKED = 75;

/**
 * Run a job command's body, turning a bad job file into a usage error (exit 2, the message names
 * the file and field) and a held lock into exit 75.
 */
export async function withJobErrors(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    // The job modules are loaded by the body already; importing them here keeps start-up light.
    const { JobDefinitionError, JobLockedError } = await import('../jobs/index.js');
    if (error instanceof JobDefinitionError) throw new UsageError(error.message);
    if (error instanceof JobLockedError) {
      process.stderr.write(`narrascope: ${error.message}\n`);
      process.exitCode = EXIT_LOCKED;
      return;
    }
    throw error;
  }
}

/** A positive integer flag, or a usage error naming it. */
export function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer, got "${value}"`);
  return n;
}
