/**
 * Throughput of the per-article chain (segment -> cues -> attributions) on PolNeAR texts.
 *
 * Why a separate measure: the evaluation loop times one cold pass, which on a shared machine
 * mixes in JIT warm-up, GC and other jobs. Here the texts are loaded first and the chain runs
 * several times; the best pass in CPU time is the steady-state single-core speed.
 */
import { segment } from '../03-segment/index.js';
import { tagCues } from '../05-cues/index.js';
import { extractAttributions } from '../06-attributions/index.js';
import type { Article } from '../types/index.js';
import { polnearArticle, readPolnear } from './polnear-read.js';

/** Best-pass speed of each stage, in articles per CPU second. */
export interface PolnearSpeed {
  readonly articles: number;
  readonly segment: number;
  readonly cues: number;
  readonly attributions: number;
  /** The three stages together. */
  readonly chain: number;
}

const cpuMs = (): number => process.cpuUsage().user / 1000;

/**
 * Measure the chain on the primary articles of a PolNeAR file, `repeats` passes, best kept.
 *
 * @example
 * const { chain } = await benchmarkPolnear({ file: '../shared/corpora/polnear/dev.jsonl' });
 */
export async function benchmarkPolnear(options: { readonly file: string; readonly repeats?: number; readonly limit?: number }): Promise<PolnearSpeed> {
  const articles: Article[] = [];
  const read = options.limit === undefined ? {} : { limit: options.limit };
  for await (const record of readPolnear(options.file, read)) articles.push(polnearArticle(record));
  let seg = Infinity;
  let cue = Infinity;
  let att = Infinity;
  let chain = Infinity;
  for (let pass = 0; pass < (options.repeats ?? 5); pass++) {
    let t = cpuMs();
    const segmented = articles.map((a) => segment(a));
    const s = cpuMs() - t;
    t = cpuMs();
    const cues = segmented.map((x) => tagCues(x));
    const c = cpuMs() - t;
    t = cpuMs();
    segmented.forEach((x, i) => extractAttributions(x, [], cues[i] ?? []));
    const a = cpuMs() - t;
    seg = Math.min(seg, s);
    cue = Math.min(cue, c);
    att = Math.min(att, a);
    chain = Math.min(chain, s + c + a);
  }
  const rate = (ms: number): number => (ms > 0 ? articles.length / (ms / 1000) : 0);
  return { articles: articles.length, segment: rate(seg), cues: rate(cue), attributions: rate(att), chain: rate(chain) };
}
