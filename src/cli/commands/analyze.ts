import type { Command } from 'commander';
import { analyze } from '../../pipeline/analyze.js';
import { DiagnosticLog } from '../diagnostics.js';
import { ingestOptionsFrom, withInputOptions, type InputFlags } from '../input-options.js';
import { LineWriter } from '../output.js';
import { readArticles } from '../read-articles.js';

interface AnalyzeFlags extends InputFlags {
  readonly out?: string;
  readonly tokens?: boolean;
  readonly clean: boolean;
  readonly dedupe: boolean;
}

/** `narrascope analyze <inputs...>`: per-article stages, one JSON object per article. */
export function registerAnalyze(program: Command): void {
  const command = program
    .command('analyze')
    .description('run the per-article stages (clean, segment, actors, cues, attributions) and write one JSON object per article (JSONL)')
    .argument('<inputs...>', '.txt, .jsonl or .html files, folders of them, or - for JSONL on stdin')
    .option('-o, --out <file>', 'write JSONL to this file instead of stdout')
    .option('--tokens', 'include the tokens (POS, lemma, offsets) of each article')
    .option('--no-clean', 'do not drop teasers, bylines and other boilerplate')
    .option('--no-dedupe', 'do not detect duplicate articles');
  withInputOptions(command).action(async (inputs: string[], flags: AnalyzeFlags) => {
    const log = new DiagnosticLog(flags.quiet ?? false);
    // Ctrl-C or a kill stops between articles; everything finished so far is flushed first.
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop).once('SIGTERM', stop);
    const writer = new LineWriter(flags.out);
    const articles = readArticles(inputs, ingestOptionsFrom(flags, controller.signal), log, flags.strict ?? false);
    try {
      for await (const result of analyze(articles, {
        includeTokens: flags.tokens ?? false,
        clean: flags.clean ? {} : false,
        deduplicate: flags.dedupe,
        signal: controller.signal,
      })) {
        for (const diagnostic of result.diagnostics) log.report(diagnostic);
        await writer.write(JSON.stringify(result));
      }
    } finally {
      await writer.close();
      process.off('SIGINT', stop).off('SIGTERM', stop);
    }
    if (controller.signal.aborted) {
      process.stderr.write('narrascope: interrupted; results written so far are complete lines\n');
      process.exitCode = 130;
    } else {
      process.exitCode = log.errors > 0 ? 1 : 0;
    }
  });
}
