import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { evaluatePolnear, formatPolnearReport } from '../../eval/index.js';
import { UsageError } from '../input-options.js';

const SPLITS: Readonly<Record<string, string>> = {
  dev: '../shared/corpora/polnear/dev.jsonl',
  train: '../shared/corpora/polnear/train.jsonl',
};

interface EvalFlags {
  readonly split: string;
  readonly file?: string;
  readonly limit?: string;
  readonly json?: boolean;
}

/** `narrascope eval polnear`: attribution quality against PolNeAR gold annotations. */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score the attribution stages against annotated data')
    .argument('<dataset>', 'the annotated data set: polnear')
    .option('--split <name>', `PolNeAR split under ../shared/corpora/polnear: ${Object.keys(SPLITS).join(', ')}`, 'dev')
    .option('--file <path>', 'any JSONL file in the PolNeAR format (overrides --split)')
    .option('--limit <n>', 'score only the first N primary articles')
    .option('--json', 'print the scores as JSON')
    .action(async (dataset: string, flags: EvalFlags) => {
      if (dataset !== 'polnear') throw new UsageError(`unknown dataset "${dataset}": expected polnear`);
      const file = flags.file ?? SPLITS[flags.split];
      if (!file) throw new UsageError(`unknown split "${flags.split}": expected ${Object.keys(SPLITS).join(' or ')} (the test split is held out)`);
      if (!existsSync(file)) throw new UsageError(`${file} not found: run from the repository root with ../shared beside it, or pass --file`);
      const limit = flags.limit === undefined ? undefined : Number(flags.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError('--limit must be a positive integer');
      const report = await evaluatePolnear({ file, ...(limit !== undefined ? { limit } : {}) });
      process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatPolnearReport(report));
    });
}
