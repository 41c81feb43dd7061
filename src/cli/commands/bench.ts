import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { RunnerTiming } from '../../bench/parallel.js';
import type { QueueTiming } from '../../bench/queue.js';
import type { StartupTiming } from '../../bench/process.js';
import { TRIPLETS } from '../../bench/triplets.js';
import type { Article } from '../../types/index.js';
import { ingestOptionsFrom, UsageError, withInputOptions, type InputFlags } from '../input-options.js';
import { queueUrlOf } from '../queue-options.js';

const POLNEAR_DEV = '../shared/corpora/polnear/dev.jsonl';

interface BenchFlags extends InputFlags {
  readonly file?: string;
  readonly limit?: string;
  readonly rounds: string;
  readonly json?: boolean;
  readonly workers: string;
  readonly synthetic?: string;
  readonly rssEvery: string;
  readonly compare?: boolean;
  readonly compareEvents?: string;
  readonly queue?: string;
  readonly queueProcesses: string;
  readonly queueRounds: string;
  readonly queueOnly?: boolean;
  readonly relations?: boolean;
  readonly startup?: boolean;
  readonly startupRuns: string;
}

/** `narrascope bench`: articles/s and words/s per stage, next to the wink tokenizer alone. */
export function registerBench(program: Command): void {
  const command = program
    .command('bench')
    .description(`time the tokenizer alone, each stage and the whole chain on one core, then the whole analyze process with 1 and 2 workers, all in one run (default corpus: ${TRIPLETS}, else ${POLNEAR_DEV}, else corpora/)`)
    .option('--file <path>', 'JSONL, .txt/.html file or folder to benchmark on (JSONL field names: --id-field, --text-field ... as for analyze)')
    .option('--limit <n>', 'use at most this many articles')
    .option('--rounds <n>', 'timed rounds per stage (the best counts)', '3')
    .option('--json', 'print the result as JSON')
    .option('--workers <list>', 'worker counts to time the end-to-end analyze runner with, comma-separated', '1,2')
    .option('--synthetic <n>', 'stream N articles generated from the benchmark texts through the runner (scale runs; skips the per-stage table)')
    .option('--rss-every <n>', 'with --synthetic: sample the resident set size every N articles (also printed to stderr as the run goes)', '10000')
    .option('--compare', 'also time compare --events auto (analyze, group events, report) with the most workers listed')
    .option('--queue <url>', 'also stream the articles through the queue at this Redis URL with 1 and 2 worker processes started here (threads split between them), against the most workers listed')
    .option('--queue-processes <list>', 'worker process counts of the queue rows, comma-separated', '1,2')
    .option('--queue-only', 'time the queue rows only (no local rows to read them against): scale and memory runs; prints the memory of every process as it goes')
    .option('--queue-rounds <n>', 'repeat the local row (most workers) and the queue rows this many times, interleaved, each queue row read against the local row of its round (a shared machine drifts)', '1')
    .option('--compare-events <n>', 'also time compare over N given events of 3 articles each, built from the triplets file (copies beyond its ~366 events have shuffled paragraphs)')
    .option('--no-relations', 'skip the claim-relation timing (pairs/s on one core)')
    .option('--no-startup', 'skip the start-up timing (--version, one article with 1 and 2 workers, in fresh processes)')
    .option('--startup-runs <n>', 'fresh processes per start-up row (the median counts)', '3');
  withInputOptions(command).action(async (flags: BenchFlags) => {
    // Imported here, not at the top: a command loads only what it runs (start-up time).
    const [{ ingestArticles }, { benchmark, formatBench }, { benchmarkCompare, formatCompare }, { benchmarkRunner, formatRunner, formatRatios }, { syntheticArticles }, { readTriplets, tripletEvents }, { benchmarkRelations, formatRelations }] = await Promise.all([
      import('../../01-ingest/index.js'), import('../../bench/bench.js'), import('../../bench/compare.js'), import('../../bench/parallel.js'), import('../../bench/synthetic.js'), import('../../bench/triplets.js'), import('../../bench/relations.js'),
    ]);
    const input = flags.file ?? (existsSync(TRIPLETS) ? TRIPLETS : existsSync(POLNEAR_DEV) ? POLNEAR_DEV : 'corpora');
    const limit = flags.limit === undefined ? Infinity : Number(flags.limit);
    const rounds = Number(flags.rounds);
    if (!(limit > 0) || !Number.isInteger(rounds) || rounds < 1) throw new UsageError('--limit and --rounds must be positive integers');
    // The default PolNeAR file has its own field names; a --file is read with the field flags.
    const ingestOptions = input === POLNEAR_DEV && flags.file === undefined ? { fields: { id: 'article', outlet: 'publisher' } } : ingestOptionsFrom(flags);
    const articles: Article[] = [];
    const seen = new Set<string>();
    const source = input === TRIPLETS ? readTriplets(input) : ingestArticles([input], ingestOptions);
    for await (const article of source) {
      if (seen.has(article.text)) continue; // PolNeAR repeats articles once per annotator
      seen.add(article.text);
      articles.push(article);
      if (articles.length >= limit) break;
    }
    if (articles.length === 0) throw new UsageError(`no articles found in ${input}${flags.file && input.endsWith('.jsonl') ? ` (field names read: id "${flags.idField}", text "${flags.textField}"; see --id-field, --text-field)` : ''}`);
    process.stderr.write(`narrascope bench: ${articles.length} articles from ${input}\n`);
    const workerCounts = flags.workers.split(',').map(Number);
    if (!workerCounts.every((n) => Number.isInteger(n) && n > 0)) throw new UsageError(`--workers must list positive integers, got "${flags.workers}"`);
    const synthetic = flags.synthetic === undefined ? undefined : Number(flags.synthetic);
    if (synthetic !== undefined && !(Number.isInteger(synthetic) && synthetic > 0)) throw new UsageError('--synthetic must be a positive integer');
    // The per-stage table runs first, in this process: its tokenizer-alone row is the ceiling
    // the runner rows below are read against.
    const result = synthetic === undefined ? benchmark(articles, rounds) : null;
    const runner: RunnerTiming[] = [];
    let startup: StartupTiming[] | undefined;
    let startupText = '';
    if (flags.queueOnly && !flags.queue && !process.env['NARRASCOPE_QUEUE']) throw new UsageError('--queue-only needs --queue URL');
    if (flags.queueOnly) {
      // --queue-only: the queue rows alone (long memory runs through Redis).
    } else if (synthetic === undefined) {
      // The whole process, as a user runs it: a separate `analyze` per worker count over the same
      // articles (a JSONL file in a temporary folder), start-up, reading and writing included.
      const { articlesFile, benchmarkProcess, benchmarkStartup, formatStartup } = await import('../../bench/process.js');
      const { file, cleanup } = articlesFile(articles);
      try {
        for (const workers of workerCounts) runner.push(await benchmarkProcess(file, articles, workers));
      } finally {
        cleanup();
      }
      if (flags.startup !== false && articles[0]) {
        const startupRuns = Number(flags.startupRuns);
        if (!(Number.isInteger(startupRuns) && startupRuns > 0)) throw new UsageError('--startup-runs must be a positive integer');
        startup = await benchmarkStartup(articles[0], startupRuns);
        startupText = formatStartup(startup);
      }
    } else {
      // A long stream (scale and memory runs): generated here, analysed by this process's runner.
      const rssEvery = Number(flags.rssEvery);
      if (!(Number.isInteger(rssEvery) && rssEvery > 0)) throw new UsageError('--rss-every must be a positive integer');
      const started = Date.now();
      for (const workers of workerCounts) {
        runner.push(await benchmarkRunner(() => syntheticArticles(articles, synthetic), workers, rssEvery, (done, rssMb) => {
          process.stderr.write(`narrascope bench: ${workers} worker(s), ${done} articles, RSS ${rssMb} MB, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
        }));
      }
    }
    const queueUrl = await queueUrlOf(flags.queue);
    const queueProcesses = flags.queueProcesses.split(',').map(Number);
    const queueRounds = Number(flags.queueRounds);
    if (!queueProcesses.every((n) => Number.isInteger(n) && n > 0) || !Number.isInteger(queueRounds) || queueRounds < 1) throw new UsageError('--queue-processes must list positive integers and --queue-rounds be a positive integer');
    let queueText = '';
    const queueRows: QueueTiming[] = [];
    if (queueUrl) {
      const { benchmarkQueue, formatQueue, summariseRounds } = await import('../../bench/queue.js');
      const threads = Math.max(...workerCounts);
      const stream = (): Iterable<Article> => (synthetic === undefined ? articles : syntheticArticles(articles, synthetic));
      // Memory samples: every 10,000 articles, or 20 over a shorter run.
      const every = Math.max(10, Math.min(10_000, Math.floor((synthetic ?? articles.length) / 20)));
      const say = flags.queueOnly ? (line: string): void => { process.stderr.write(`narrascope bench: ${line}\n`); } : undefined;
      const queueRowsOf = async (): Promise<QueueTiming[]> => {
        const rows = [];
        for (const processes of queueProcesses) rows.push(await benchmarkQueue(stream, queueUrl, processes, Math.max(1, Math.floor(threads / processes)), every, say));
        queueRows.push(...rows);
        return rows;
      };
      for (let round = 0; round < queueRounds; round++) {
        if (flags.queueOnly) {
          queueText += formatQueue(await queueRowsOf(), null);
          continue;
        }
        // Round 1 reads against the local row above. Later rounds time their own local row, before
        // the queue rows in even rounds and after them in odd ones, so a drifting load evens out.
        let local = round === 0 ? runner.find((r) => r.workers === threads) : undefined;
        let rows: QueueTiming[] = [];
        if (round > 0 && round % 2 === 1) rows = await queueRowsOf();
        local ??= await benchmarkRunner(stream, threads);
        if (round > 0) runner.push(local);
        if (round === 0 || round % 2 === 0) rows = await queueRowsOf();
        const head = queueRounds > 1 ? `round ${round + 1}${round % 2 === 1 ? ' (queue rows first)' : ''}: local ${local.articlesPerSecond} articles/s\n` : '';
        queueText += head + formatQueue(rows, { articlesPerSecond: local.articlesPerSecond, cpuMsPerArticle: Math.round((local.cpuSeconds * 1e5) / Math.max(1, local.articles)) / 100 });
      }
      if (queueRounds > 1 && !flags.queueOnly) queueText += summariseRounds(runner.filter((r) => r.workers === threads), queueRows);
    }
    const compareEvents = flags.compareEvents === undefined ? undefined : Number(flags.compareEvents);
    if (compareEvents !== undefined && !(Number.isInteger(compareEvents) && compareEvents > 0)) throw new UsageError('--compare-events must be a positive integer');
    const compare = [];
    if (flags.compare) compare.push(await benchmarkCompare(articles, Math.max(...workerCounts)));
    if (compareEvents !== undefined) compare.push(await benchmarkCompare(tripletEvents(articles, compareEvents), Math.max(...workerCounts), 'group'));
    const relations = flags.relations === false ? undefined : benchmarkRelations(articles);
    if (flags.json) process.stdout.write(`${JSON.stringify({ ...(result ?? {}), runner, ...(queueRows.length > 0 ? { queue: queueRows } : {}), ...(compare.length > 0 ? { compare } : {}), ...(relations ? { relations } : {}), ...(startup ? { startup } : {}) }, null, 2)}\n`);
    else process.stdout.write(`${result ? formatBench(result) : `${synthetic} synthetic articles from ${articles.length} samples\n`}${formatRunner(runner)}${formatRatios(result, runner)}${startupText}${queueText}${compare.map(formatCompare).join('')}${relations ? formatRelations(relations) : ''}`);
  });
}
