import { performance } from 'node:perf_hooks';
import { runAnalysis } from '../pipeline/run.js';
import type { Article } from '../types/index.js';
import type { BenchResult } from './bench.js';

/** Throughput of the whole `analyze` runner with a given number of workers. */
export interface RunnerTiming {
  /** `process`: a separate `analyze` process, start-up to exit; `stream`: this process's runner over a generated stream. */
  readonly mode: 'process' | 'stream';
  readonly workers: number;
  readonly articles: number;
  readonly words: number;
  readonly ms: number;
  readonly articlesPerSecond: number;
  readonly wordsPerSecond: number;
  /** Peak resident set size of the whole process (all threads) so far, in MB. */
  readonly peakRssMb: number;
  /**
   * Resident set size (MB) sampled every `rssEvery` articles: flat after warm-up means memory
   * does not grow with the corpus.
   */
  readonly rssSamplesMb: readonly number[];
  /** Articles between two RSS samples (stream rows). */
  readonly rssEvery?: number;
  /**
   * CPU time of the whole process (all threads), in seconds: about `workers` x the wall time when
   * the workers had their cores to themselves, less when other processes took turns on them.
   */
  readonly cpuSeconds: number;
}

const countWords = (text: string): number => text.match(/\S+/g)?.length ?? 0;

/**
 * Time the parallel runner end to end (clean, duplicate check, workers, JSON lines), as
 * `narrascope analyze --workers N` runs it but without writing. Worker start-up and model loading
 * are included: they are part of every real run. `source` is called once, so a generator of
 * synthetic articles streams through without being stored.
 *
 * @example
 * await benchmarkRunner(() => articles, 2) // { workers: 2, articlesPerSecond: 150, ... }
 */
export async function benchmarkRunner(
  source: () => Iterable<Article> | AsyncIterable<Article>,
  workers: number,
  rssEvery = 10_000,
  onSample?: (articles: number, rssMb: number) => void,
): Promise<RunnerTiming> {
  let words = 0;
  let count = 0;
  async function* counted(): AsyncGenerator<Article> {
    for await (const article of source()) {
      words += countWords(article.text);
      yield article;
    }
  }
  const start = performance.now();
  const cpu = process.cpuUsage();
  const rssSamplesMb: number[] = [];
  for await (const item of runAnalysis(counted(), { workers, deduplicate: false })) {
    if (item.kind === 'result') count++;
    if (item.kind === 'result' && count % rssEvery === 0) {
      const rssMb = Math.round(process.memoryUsage.rss() / 1_048_576);
      rssSamplesMb.push(rssMb);
      onSample?.(count, rssMb);
    }
  }
  const ms = performance.now() - start;
  const seconds = ms / 1000;
  return {
    mode: 'stream',
    workers,
    articles: count,
    words,
    ms: Math.round(ms),
    articlesPerSecond: Math.round((count / seconds) * 10) / 10,
    wordsPerSecond: Math.round(words / seconds),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssSamplesMb,
    rssEvery,
    cpuSeconds: Math.round(((): number => { const used = process.cpuUsage(cpu); return (used.user + used.system) / 1e5; })()) / 10,
  };
}

/** The runner rows as text, under the per-stage table. */
export function formatRunner(timings: readonly RunnerTiming[]): string {
  return `${timings.map((t) =>
    `${`analyze, ${t.workers} worker${t.workers > 1 ? 's' : ''} (${t.mode === 'process' ? 'whole process' : 'stream'})`.padEnd(36)} ${String(t.ms).padStart(7)} ms ${String(t.articlesPerSecond).padStart(8)} articles/s ${String(t.wordsPerSecond).padStart(10)} words/s  CPU ${t.cpuSeconds} s  peak RSS ${t.peakRssMb} MB${t.rssSamplesMb.length > 1 ? ` (RSS sampled every ${t.rssEvery ?? 10_000} articles: ${t.rssSamplesMb.join(', ')} MB)` : ''}`).join('\n')}\n`;
}

/**
 * The ratios the speed targets are stated in, from the rows of this one run (so a busy machine
 * slows numerator and denominator alike): the whole chain on one core against the tokenizer
 * alone, and each runner row against the one-worker row.
 */
export function formatRatios(result: BenchResult | null, runner: readonly RunnerTiming[]): string {
  const lines: string[] = [];
  const rate = (stage: string): number | undefined => result?.stages.find((s) => s.stage.startsWith(stage))?.articlesPerSecond;
  const tokenizer = rate('wink-nlp tokenizer alone');
  const chain = rate('whole chain');
  // Both lines are the chain's rate as a fraction of the tokenizer's (articles per second, or per
  // CPU second): 1 would be a chain as fast as tokenizing alone; issue 14's target is >= 0.45.
  if (tokenizer && chain) lines.push(`whole chain rate / tokenizer-alone rate, articles per wall second: ${(chain / tokenizer).toFixed(2)} (target >= 0.45)`);
  const cpuOf = (stage: string): number | undefined => result?.stages.find((s) => s.stage.startsWith(stage))?.cpuMs;
  const tokenizerCpu = cpuOf('wink-nlp tokenizer alone');
  const chainCpu = cpuOf('whole chain');
  if (tokenizerCpu && chainCpu) lines.push(`whole chain rate / tokenizer-alone rate, articles per CPU second: ${(tokenizerCpu / chainCpu).toFixed(2)} (target >= 0.45)`);
  const one = runner.find((t) => t.workers === 1);
  for (const t of runner) {
    if (one && t !== one && one.articlesPerSecond > 0) lines.push(`analyze rate, ${t.workers} workers / 1 worker: ${(t.articlesPerSecond / one.articlesPerSecond).toFixed(2)} (articles per wall second)`);
  }
  // CPU time per article of each runner row (all threads): what the pool costs beyond the work
  // itself, readable even when other processes took turns on the cores.
  if (runner.length > 0) lines.push(`analyze CPU per article (all threads): ${runner.map((t) => `${t.workers} worker${t.workers > 1 ? 's' : ''} ${t.articles > 0 ? ((t.cpuSeconds * 1000) / t.articles).toFixed(1) : '-'} ms`).join(', ')}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
