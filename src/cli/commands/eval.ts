import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { evaluatePolnear, formatPolnearReport } from '../../eval/index.js';
import { evaluateEvents, formatEventsReport } from '../../eval/events.js';
import { evaluateBasil, formatBasilReport } from '../../eval/basil.js';
import { UsageError } from '../input-options.js';

const SPLITS: Readonly<Record<string, string>> = {
  dev: '../shared/corpora/polnear/dev.jsonl',
  train: '../shared/corpora/polnear/train.jsonl',
};

/** BASIL (Fan et al. 2019): three outlets per event, bias spans; the 2010-2016 events. */
const BASIL_FILE = '../shared/corpora/basil/basil_articles_annotated.jsonl';

/** Event grouping references: NeuS val (306 events x 3 outlets) and the AllSides roundups. */
const EVENT_FILES = [
  ['../shared/corpora/neus_allsides/neus_val.jsonl', 'neus'],
  ['../shared/corpora/neus_allsides/allsides_roundups_2021-10-19.jsonl', 'allsides'],
] as const;

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
    .description('score narrascope against annotated data: polnear (attributions), basil (divergence vs media bias), events (event grouping)')
    .argument('<dataset>', 'the annotated data set: polnear, events (event grouping on NeuS and AllSides), or basil (divergence vs media bias)')
    .option('--split <name>', `PolNeAR split under ../shared/corpora/polnear: ${Object.keys(SPLITS).join(', ')}`, 'dev')
    .option('--file <path>', 'any JSONL file in the PolNeAR format (overrides --split)')
    .option('--limit <n>', 'score only the first N primary articles')
    .option('--json', 'print the scores as JSON')
    .action(async (dataset: string, flags: EvalFlags) => {
      if (dataset === 'basil') {
        const file = flags.file ?? BASIL_FILE;
        if (!existsSync(file)) throw new UsageError(`${file} not found: run from the repository root with ../shared beside it, or pass --file`);
        const limit = flags.limit === undefined ? undefined : Number(flags.limit);
        if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError('--limit must be a positive integer');
        const report = await evaluateBasil({ file, ...(limit !== undefined ? { limit } : {}) });
        process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatBasilReport(report));
        return;
      }
      if (dataset === 'events') {
        // --file picks one file; its format is told by its name (AllSides roundups or NeuS).
        const files = flags.file ? [[flags.file, /roundup/i.test(flags.file) ? 'allsides' : 'neus'] as const] : EVENT_FILES;
        const reports = [];
        for (const [file, kind] of files) {
          if (!existsSync(file)) throw new UsageError(`${file} not found: run from the repository root with ../shared beside it, or pass --file`);
          reports.push(await evaluateEvents({ file, dataset: kind }));
        }
        process.stdout.write(flags.json ? `${JSON.stringify(reports, null, 2)}\n` : reports.map(formatEventsReport).join('\n'));
        return;
      }
      if (dataset !== 'polnear') throw new UsageError(`unknown dataset "${dataset}": expected polnear, events or basil`);
      const file = flags.file ?? SPLITS[flags.split];
      if (!file) throw new UsageError(`unknown split "${flags.split}": expected ${Object.keys(SPLITS).join(' or ')} (the test split is held out)`);
      if (!existsSync(file)) throw new UsageError(`${file} not found: run from the repository root with ../shared beside it, or pass --file`);
      const limit = flags.limit === undefined ? undefined : Number(flags.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError('--limit must be a positive integer');
      const report = await evaluatePolnear({ file, ...(limit !== undefined ? { limit } : {}) });
      process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatPolnearReport(report));
    });
}
