import { performance } from 'node:perf_hooks';
import { clean } from '../02-clean/index.js';
import { segment } from '../03-segment/index.js';
import { tagActors } from '../04-actors/index.js';
import { tagCues } from '../05-cues/index.js';
import { extractAttributions } from '../06-attributions/index.js';
import { tagCommitments } from '../05-cues/commitments/index.js';
import { winkColumns } from '../adapters/wink.js';
import { analyzeArticle } from '../pipeline/analyze-article.js';
import { toRecord } from '../record/index.js';
import type { AnalyzedArticle, Article, Segmented } from '../types/index.js';
import { formatOutputSize, outputSize, type OutputSize } from './output-size.js';

/** Throughput of one stage over the benchmark corpus. */
export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
  /**
   * CPU time of the process in the best round, ms: on a machine shared with other work the wall
   * clock counts the time other processes held the core; CPU time does not.
   */
  readonly cpuMs: number;
  readonly articlesPerSecond: number;
  readonly wordsPerSecond: number;
}

/** Result of {@link benchmark}. */
export interface BenchResult {
  readonly articles: number;
  readonly words: number;
  readonly rounds: number;
  readonly stages: readonly StageTiming[];
  /** The size of analyze's output for these articles (bytes over text bytes, per part). */
  readonly output: OutputSize;
}

const countWords = (text: string): number => text.match(/\S+/g)?.length ?? 0;

/**
 * Time each stage on its own over the same articles, plus the wink-nlp tokenizer alone, so the
 * cost of each stage relative to raw tokenization is visible. Each stage runs `rounds` times after
 * one warm-up round; the best round counts (least disturbed by the machine's other work).
 */
export function benchmark(articles: readonly Article[], rounds = 3): BenchResult {
  const words = articles.reduce((sum, a) => sum + countWords(a.text), 0);
  const cleaned = articles.map((a) => clean(a));
  const segmented: Segmented[] = cleaned.map((a) => segment(a));
  const actors = segmented.map((s) => tagActors(s));
  const cues = segmented.map((s) => tagCues(s));
  const analysed: AnalyzedArticle[] = cleaned.map((a) => analyzeArticle(a, { clean: false }));

  const stages: [string, () => void][] = [
    ['wink-nlp tokenizer alone', () => { for (const a of articles) winkColumns(a.text); }],
    ['clean', () => { for (const a of articles) clean(a); }],
    ['segment', () => { for (const a of cleaned) segment(a); }],
    ['actors', () => { for (const s of segmented) tagActors(s); }],
    ['cues', () => { for (const s of segmented) tagCues(s); }],
    ['attributions', () => { segmented.forEach((s, i) => extractAttributions(s, actors[i] ?? [], cues[i] ?? [])); }],
    ['commitments', () => { segmented.forEach((s, i) => tagCommitments(s, cues[i] ?? [])); }],
    ['record (compact JSON line)', () => { for (const a of analysed) JSON.stringify(toRecord(a)); }],
    // What a worker does per article: every stage above, and the JSON line it sends back.
    ['whole chain (clean..JSON line)', () => { for (const a of articles) JSON.stringify(toRecord(analyzeArticle(a))); }],
  ];
  const timings = stages.map(([stage, run]): StageTiming => {
    run();
    let best = Infinity;
    let cpuMs = Infinity;
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      run();
      const used = process.cpuUsage(cpu);
      best = Math.min(best, performance.now() - start);
      cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
    }
    const seconds = best / 1000;
    return {
      stage,
      ms: Math.round(best),
      cpuMs: Math.round(cpuMs),
      articlesPerSecond: Math.round(articles.length / seconds),
      wordsPerSecond: Math.round(words / seconds),
    };
  });
  return { articles: articles.length, words, rounds, stages: timings, output: outputSize(analysed) };
}

/** The result as an aligned text table. */
export function formatBench(result: BenchResult): string {
  const head = `${result.articles} articles, ${result.words} words, best of ${result.rounds} rounds, one core\n`;
  const rows = result.stages.map((t) =>
    `${t.stage.padEnd(36)} ${String(t.ms).padStart(7)} ms ${String(t.articlesPerSecond).padStart(8)} articles/s ${String(t.wordsPerSecond).padStart(10)} words/s  CPU ${t.cpuMs} ms`);
  return `${head}${rows.join('\n')}\n${formatOutputSize(result.output)}`;
}
