import { performance } from 'node:perf_hooks';
import { buildReport } from '../08-report/index.js';
import { groupEvents } from '../events/index.js';
import { runAnalysis } from '../pipeline/run.js';
import { fromRecord } from '../record/index.js';
import type { AnalyzedArticle, Article } from '../types/index.js';

/** Time of `compare --events auto` end to end, by phase. */
export interface CompareTiming {
  /** How events were formed: found (`auto`) or given by each article's group. */
  readonly grouping: 'auto' | 'group';
  readonly workers: number;
  readonly articles: number;
  readonly events: number;
  readonly analyzeMs: number;
  readonly groupMs: number;
  readonly reportMs: number;
  readonly totalMs: number;
}

/**
 * What `narrascope compare --events auto` does, timed by phase and without rendering: analyse
 * every article with the parallel runner, group them into events, build the divergence report
 * within events. (The results are all held: a report needs them together.)
 *
 * @example
 * await benchmarkCompare(articles, 2) // { events: 366, totalMs: 14200, ... }
 */
export async function benchmarkCompare(articles: readonly Article[], workers: number, grouping: 'auto' | 'group' = 'auto'): Promise<CompareTiming> {
  const start = performance.now();
  const results: AnalyzedArticle[] = [];
  // Given events are built from copies of real triplets: the duplicate check would only
  // compare a copy with its original, so it is off there, as in the runner rows.
  for await (const item of runAnalysis(articles, { workers, deduplicate: grouping === 'auto' })) {
    if (item.kind === 'result') results.push(fromRecord(JSON.parse(item.json)));
  }
  const analyzed = performance.now();
  const groupOf = new Map(articles.map((a) => [a.id, a.group ?? '']));
  const eventOf = grouping === 'auto' ? new Map(groupEvents(results).map((a) => [a.id, a.event])) : new Map(results.map((r) => [r.id, groupOf.get(r.id) ?? '']));
  const grouped = performance.now();
  buildReport(results, { eventOf: (article) => eventOf.get(article.id) });
  const done = performance.now();
  return {
    grouping,
    workers,
    articles: results.length,
    events: new Set(eventOf.values()).size,
    analyzeMs: Math.round(analyzed - start),
    groupMs: Math.round(grouped - analyzed),
    reportMs: Math.round(done - grouped),
    totalMs: Math.round(done - start),
  };
}

/** The compare row as text. */
export function formatCompare(t: CompareTiming): string {
  return `compare ${t.grouping === 'auto' ? '--events auto' : '--group-by (given events)'}, ${t.workers} workers: ${t.articles} articles in ${t.events} events, ${t.totalMs} ms (analyze ${t.analyzeMs}, group ${t.groupMs}, report ${t.reportMs})\n`;
}
