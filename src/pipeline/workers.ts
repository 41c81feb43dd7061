import { availableParallelism } from 'node:os';

/** One worker per core: the default of `--workers`. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}
