import { groupEvents, type EventOptions } from '../events/index.js';
import { readEventDataset, type EventDataset, type GoldEventArticle } from './events-read.js';
import { scoreClusters, type ClusterScores } from './events-score.js';

/** Options of {@link evaluateEvents}. */
export interface EventsEvalOptions {
  readonly file: string;
  readonly dataset: EventDataset;
  /**
   * Seed of the shuffle that mixes all articles together before grouping.
   * @default 1
   * @example { seed: 7 }
   */
  readonly seed?: number;
  /** Passed to `groupEvents`. */
  readonly events?: EventOptions;
}

/** Result of {@link evaluateEvents}. */
export interface EventsEvalReport extends ClusterScores {
  readonly file: string;
  readonly dataset: EventDataset;
  readonly ms: number;
}

/** Deterministic shuffle (mulberry32), so a run can be repeated exactly. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/**
 * Shuffle all articles of a reference file together, group them with `groupEvents`, and score the
 * groups against the true events (B-cubed P/R/F1, adjusted Rand index).
 *
 * @example
 * const report = await evaluateEvents({ file: '../shared/corpora/neus_allsides/neus_val.jsonl', dataset: 'neus' });
 */
export async function evaluateEvents(options: EventsEvalOptions): Promise<EventsEvalReport> {
  const articles: GoldEventArticle[] = shuffle(await readEventDataset(options.file, options.dataset), options.seed ?? 1);
  const start = performance.now();
  const assignments = groupEvents(articles, options.events);
  const ms = Math.round(performance.now() - start);
  const scores = scoreClusters(assignments.map((a) => a.event), articles.map((a) => a.gold));
  return { file: options.file, dataset: options.dataset, ms, ...scores };
}

/** The report as text. */
export function formatEventsReport(report: EventsEvalReport): string {
  const pct = (x: number): string => (x * 100).toFixed(1);
  return [
    `event grouping on ${report.file} (${report.dataset}): ${report.items} articles, ${report.classes} true events, ${report.clusters} found, ${report.ms} ms`,
    `B-cubed precision ${pct(report.precision)}  recall ${pct(report.recall)}  F1 ${pct(report.f1)}  adjusted Rand index ${report.ari.toFixed(3)}`,
    '',
  ].join('\n');
}
