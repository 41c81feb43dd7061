import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { ingestArticles } from '../../01-ingest/index.js';
import { benchmark, formatBench } from '../../bench/bench.js';
import type { Article } from '../../types/index.js';
import { UsageError } from '../input-options.js';

const POLNEAR_DEV = '../shared/corpora/polnear/dev.jsonl';

interface BenchFlags {
  readonly file?: string;
  readonly limit?: string;
  readonly rounds: string;
  readonly json?: boolean;
}

/** `narrascope bench`: articles/s and words/s per stage, next to the wink tokenizer alone. */
export function registerBench(program: Command): void {
  program
    .command('bench')
    .description(`time each stage on one core (default corpus: ${POLNEAR_DEV} when present, else corpora/)`)
    .option('--file <path>', 'JSONL (PolNeAR field names) or folder to benchmark on')
    .option('--limit <n>', 'use at most this many articles')
    .option('--rounds <n>', 'timed rounds per stage (the best counts)', '3')
    .option('--json', 'print the result as JSON')
    .action(async (flags: BenchFlags) => {
      const input = flags.file ?? (existsSync(POLNEAR_DEV) ? POLNEAR_DEV : 'corpora');
      const limit = flags.limit === undefined ? Infinity : Number(flags.limit);
      const rounds = Number(flags.rounds);
      if (!(limit > 0) || !Number.isInteger(rounds) || rounds < 1) throw new UsageError('--limit and --rounds must be positive integers');
      const articles: Article[] = [];
      const seen = new Set<string>();
      for await (const article of ingestArticles([input], { fields: { id: 'article', outlet: 'publisher' } })) {
        if (seen.has(article.text)) continue; // PolNeAR repeats articles once per annotator
        seen.add(article.text);
        articles.push(article);
        if (articles.length >= limit) break;
      }
      if (articles.length === 0) throw new UsageError(`no articles found in ${input}`);
      process.stderr.write(`narrascope bench: ${articles.length} articles from ${input}\n`);
      const result = benchmark(articles, rounds);
      process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatBench(result));
    });
}
