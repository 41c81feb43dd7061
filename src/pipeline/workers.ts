import { availableParallelism } from 'node:os';

/**
 * Inputs smaller than this many bytes are analysed in the calling thread by default: about 40
 * full-length news articles. A worker costs ~0.5 s of CPU to start (wink's model, the gazetteers,
 * the tagger weights), which one core spends analysing 40-80 articles; measured on the 2-core
 * development machine (2026-11-28, shared): one article end to end took 0.88 s of CPU with one
 * worker and 1.35 s with two.
 */
export const SMALL_INPUT_BYTES = 256 * 1024;

/**
 * The default of `--workers`: one worker per core, except for small inputs (`inputBytes` below
 * {@link SMALL_INPUT_BYTES}), which run in the calling thread because starting a pool costs more
 * than it saves. On the 2-core machine two workers analysed 12,000 articles 1.70-1.82x as fast as
 * one (README, quiet machine); one core gets one worker, many cores one each.
 *
 * @example
 * defaultWorkers(); // 2 on a 2-core machine
 * defaultWorkers(5_000); // 1: a handful of articles
 */
export function defaultWorkers(inputBytes?: number | null): number {
  if (inputBytes !== undefined && inputBytes !== null && inputBytes < SMALL_INPUT_BYTES) return 1;
  return Math.max(1, availableParallelism());
}
