import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { buildReport, rendererFor } from '../../08-report/index.js';
import { analyze } from '../../pipeline/analyze.js';
import type { AnalyzedArticle } from '../../types/index.js';
import { DiagnosticLog } from '../diagnostics.js';
import { ingestOptionsFrom, UsageError, withInputOptions, type InputFlags } from '../input-options.js';
import { readArticles } from '../read-articles.js';

interface CompareFlags extends InputFlags {
  readonly out?: string;
  readonly format: string;
}

/** `narrascope compare <inputs...>`: the whole pipeline, then the divergence report. */
export function registerCompare(program: Command): void {
  const command = program
    .command('compare')
    .description('run the whole pipeline over a corpus and write the divergence report (per outlet and actor)')
    .argument('<inputs...>', '.txt, .jsonl or .html files, or folders of them')
    .option('-f, --format <format>', 'report format: json, markdown or html', 'markdown')
    .option('-o, --out <file>', 'write the report to this file instead of stdout');
  withInputOptions(command).action(async (inputs: string[], flags: CompareFlags) => {
    let renderer;
    try {
      renderer = rendererFor(flags.format);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message.replace(/^narrascope: /, '') : String(error));
    }
    const log = new DiagnosticLog(flags.quiet ?? false);
    const results: AnalyzedArticle[] = [];
    for await (const result of analyze(readArticles(inputs, ingestOptionsFrom(flags), log, flags.strict ?? false))) {
      for (const diagnostic of result.diagnostics) log.report(diagnostic);
      // The report needs only the findings, not the texts: drop them to keep memory flat.
      results.push({ ...result, text: '', sentences: [] });
    }
    const output = renderer.render(buildReport(results));
    if (flags.out) await writeFile(flags.out, output);
    else process.stdout.write(output);
    process.exitCode = log.errors > 0 ? 1 : 0;
  });
}
