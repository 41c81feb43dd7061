import { readFileSync } from 'node:fs';
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
 * worker (`analyze` runs it in a worker thread for inputs from SMALL_INPUT_BYTES, see RunOptions.ownThread); many cores get one each (the calling thread spends about 1 ms
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

/**
 * The worker count for a machine with `cores` cores of which `idle` are idle now: one per idle
 * core (rounded), at least 1, at most `cores`. Why (README, "Speed"): Linux shares CPU among
 * sessions, not threads (`sched_autogroup`), so on cores other sessions keep busy a second worker
 * gets no more CPU and only adds its own warm-up: on the shared 2-core machine at load average
 * 6-11 (no core idle), `analyze` of 1,400 full-length articles took 1.1-1.2x longer with two
 * workers than with one; with both cores idle two workers were 1.33-1.8x as fast as one.
 *
 * @example
 * workersFor(2, 1.9); // 2
 * workersFor(2, 0.3); // 1
 * workersFor(16, 6.2); // 6
 */
export function workersFor(cores: number, idle: number): number {
  return Math.max(1, Math.min(cores, Math.round(idle)));
}

/** One line of /proc/stat's CPU totals: [idle, total] jiffies, or undefined off Linux. */
function cpuJiffies(): [number, number] | undefined {
  let text: string;
  try { text = readFileSync('/proc/stat', 'utf8'); } catch { return undefined; }
  const fields = (text.split('\n', 1)[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
  if (fields.length < 5 || fields.some((n) => !Number.isFinite(n))) return undefined;
  // user nice system idle iowait irq softirq steal: idle and iowait are time no one ran.
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return [idle, fields.reduce((a, b) => a + b, 0)];
}

/**
 * How many cores are idle, measured over `sampleMs` milliseconds of /proc/stat (Linux), or
 * undefined where that cannot be read (then every core counts as free).
 *
 * @example
 * await idleCores(); // 1.93 on a quiet 2-core machine
 */
export async function idleCores(sampleMs = 150): Promise<number | undefined> {
  const before = cpuJiffies();
  if (!before) return undefined;
  await new Promise((resolve) => setTimeout(resolve, sampleMs));
  const after = cpuJiffies();
  if (!after || after[1] <= before[1]) return undefined;
  return ((after[0] - before[0]) / (after[1] - before[1])) * availableParallelism();
}

/**
 * The CLI's default of `--workers`: 1 for small inputs (as {@link defaultWorkers}); otherwise one
 * per core idle right now ({@link workersFor}, measured over 150 ms), so a run on a machine
 * already saturated by other work stays in one thread. The output is the same bytes whatever
 * the worker count; only the speed differs.
 *
 * @example
 * await defaultWorkersNow(6_400_000); // 2 on an idle 2-core machine, 1 on a busy one
 */
export async function defaultWorkersNow(inputBytes?: number | null): Promise<number> {
  const cores = defaultWorkers(inputBytes);
  if (cores === 1) return 1;
  const idle = await idleCores();
  return idle === undefined ? cores : workersFor(cores, idle);
}
