import { availableParallelism } from 'node:os';

/**
 * Inputs smaller than this many bytes are analysed in the calling thread by default: about 40
 * full-length news articles. A worker costs ~0.7 s of CPU before its first result (importing the
 * chain 0.13 s, wink's model 0.10 s, the actor gazetteers 0.08 s, the caption rule's regular
 * expressions 0.08 s, the tagger weights 0.06 s, first calls), which one core spends analysing
 * 40-80 articles; measured on the 2-core development machine (2026-11-28, shared): one article
 * end to end took 1.1 s of CPU with one worker and 1.3-1.5 s with two.
 */
export const SMALL_INPUT_BYTES = 256 * 1024;

/**
 * The default of `--workers`: one worker per core, except for small inputs (`inputBytes` below
 * {@link SMALL_INPUT_BYTES}), which run in the calling thread because starting a pool costs more
 * than it saves. Why (README, "Speed"): each worker is a V8 isolate that loads the models and
 * warms its compiler up on its own (the same 100 articles cost 24 ms of CPU each the first time
 * through, 11 then 9-10 ms; V8's background compiler threads add ~2 s per isolate), so a second
 * worker costs ~3 s of CPU once; on a 2-core machine with the
 * cores free, two workers analysed 12,000 articles 1.70-1.82x as fast as one. One core gets one
 * worker (in the calling thread); many cores get one each (the calling thread spends about 1 ms
 * per article reading, ordering and writing, so it is not the limit below ~10 workers: estimated,
 * the development machine has 2 cores). On a machine whose cores are already saturated by other
 * sessions, Linux shares CPU time among sessions, not threads: more workers get no more CPU and
 * `--workers 1` is faster (measured: README).
 *
 * @example
 * defaultWorkers(); // 2 on a 2-core machine
 * defaultWorkers(5_000); // 1: a handful of articles
 */
export function defaultWorkers(inputBytes?: number | null): number {
  if (inputBytes !== undefined && inputBytes !== null && inputBytes < SMALL_INPUT_BYTES) return 1;
  return Math.max(1, availableParallelism());
}
