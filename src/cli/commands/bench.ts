import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { ingestArticles } from '../../01-ingest/index.js';
import { benchmark, formatBench } from '../../bench/bench.js';
import { benchmarkCompare, formatCompare } from '../../bench/compare.js';
import { benchmarkRunner, formatRunner, type RunnerTiming } from '../../bench/parallel.js';
import { benchmarkRelations, formatRelations } from '../../bench/relations.js';
import { syntheticArticles } from '../../bench/synthetic.js';
import { readTriplets, TRIPLETS, tripletEvents } from '../../bench/triplets.js';
import { defaultWorkers } from '../../pipeline/pool.js';
import type { Article } from '../../types/index.js';
import { UsageError } from '../input-options.js';

const POLNEAR_DEV = '../shared/corpora/polnear/dev.jsonl';

interface BenchFlags {
  readonly file?: string;
  readonly limit?: string;
  readonly rounds: string;
  readonly json?: boolean;
  readonly workers: string;
  readonly synthetic?: string;
  readonly compare?: boolean;
  readonly compareEvents?: string;
  readonly relations?: boolean;
}

/** `narrascope bench`: articles/s and words/s per stage, next to the wink tokenizer alone. */
export function registerBench(program: Command): void {
  program
    .command('bench')
    .description(`time each stage on one core, then analyze end to end with 1 and N workers (default corpus: ${TRIPLETS}, else ${POLNEAR_DEV}, else corpora/)`)
    .option('--file <path>', 'JSONL (PolNeAR field names) or folder to benchmark on')
    .option('--limit <n>', 'use at most this many articles')
    .option('--rounds <n>', 'timed rounds per stage (the best counts)', '3')
    .option('--json', 'print the result as JSON')
    .option('--workers <list>', 'worker counts to time the end-to-end analyze runner with, comma-separated', `1,${defaultWorkers()}`)
    .option('--synthetic <n>', 'stream N articles generated from the benchmark texts through the runner (scale runs; skips the per-stage table)')
    .option('--compare', 'also time compare --events auto (analyze, group events, report) with the most workers listed')
    .option('--compare-events <n>', 'also time compare over N given events of 3 articles each, built from the triplets file (copies beyond its ~366 events have shuffled paragraphs)')
    .option('--no-relations', 'skip the claim-relation timing (pairs/s on one core)')
    .action(async (flags: BenchFlags) => {
      const input = flags.file ?? (existsSync(TRIPLETS) ? TRIPLETS : existsSync(POLNEAR_DEV) ? POLNEAR_DEV : 'corpora');
      const limit = flags.limit === undefined ? Infinity : Number(flags.limit);
      const rounds = Number(flags.rounds);
      if (!(limit > 0) || !Number.isInteger(rounds) || rounds < 1) throw new UsageError('--limit and --rounds must be positive integers');
      const articles: Article[] = [];
      const seen = new Set<string>();
      const source = input === TRIPLETS ? readTriplets(input) : ingestArticles([input], { fields: { id: 'article', outlet: 'publisher' } });
      for await (const article of source) {
        if (seen.has(article.text)) continue; // PolNeAR repeats articles once per annotator
        seen.add(article.text);
        articles.push(article);
        if (articles.length >= limit) break;
      }
      if (articles.length === 0) throw new UsageError(`no articles found in ${input}`);
      process.stderr.write(`narrascope bench: ${articles.length} articles from ${input}\n`);
      const workerCounts = flags.workers.split(',').map(Number);
      if (!workerCounts.every((n) => Number.isInteger(n) && n > 0)) throw new UsageError(`--workers must list positive integers, got "${flags.workers}"`);
      const synthetic = flags.synthetic === undefined ? undefined : Number(flags.synthetic);
      if (synthetic !== undefined && !(Number.isInteger(synthetic) && synthetic > 0)) throw new UsageError('--synthetic must be a positive integer');
      // The per-stage table runs first, in this process: its tokenizer-alone row is the ceiling
      // the runner rows below are read against.
      const result = synthetic === undefined ? benchmark(articles, rounds) : null;
      const runner: RunnerTiming[] = [];
      for (const workers of workerCounts) {
        runner.push(await benchmarkRunner(() => (synthetic === undefined ? articles : syntheticArticles(articles, synthetic)), workers));
      }
      const compareEvents = flags.compareEvents === undefined ? undefined : Number(flags.compareEvents);
      if (compareEvents !== undefined && !(Number.isInteger(compareEvents) && compareEvents > 0)) throw new UsageError('--compare-events must be a positive integer');
      const compare = [];
      if (flags.compare) compare.push(await benchmarkCompare(articles, Math.max(...workerCounts)));
      if (compareEvents !== undefined) compare.push(await benchmarkCompare(tripletEvents(articles, compareEvents), Math.max(...workerCounts), 'group'));
      const relations = flags.relations === false ? undefined : benchmarkRelations(articles);
      if (flags.json) process.stdout.write(`${JSON.stringify({ ...(result ?? {}), runner, ...(compare.length > 0 ? { compare } : {}), ...(relations ? { relations } : {}) }, null, 2)}\n`);
      else process.stdout.write(`${result ? formatBench(result) : `${synthetic} synthetic articles from ${articles.length} samples\n`}${formatRunner(runner)}${compare.map(formatCompare).join('')}${relations ? formatRelations(relations) : ''}`);
    });
}
