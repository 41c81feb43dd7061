import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CorpusPaths } from '../../eval/narratives/index.js';
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
  readonly bio?: boolean;
  readonly bodies?: string;
  readonly stances?: string;
  readonly out?: string;
  readonly gold?: string;
  readonly input?: string[];
  readonly format?: string;
  readonly check?: boolean;
  readonly event?: string[];
  readonly claimSet?: string | false;
  readonly seeds?: string;
}

/** Ross & Pavlick (2019) veridicality ratings: commitment of clause-embedding predicates. */
const VERIDICALITY_FILE = '../shared/corpora/verb_veridicality/verb_veridicality_evaluation.tsv';

/** CofeNet's BIO units of the PolNeAR dev split: the units the published tables are scored on. */
const COFENET_DEV = '../shared/corpora/polnear/cofenet_bio/valid.jsonl';

/** `narrascope eval polnear`: attribution quality against PolNeAR gold annotations. */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score narrascope against annotated data: polnear (attributions), basil (divergence vs media bias), events (event grouping), fnc1 (claim relations), narratives (a gold folder of events), veridicality (commitment of clause-embedding predicates on held-out verbs)')
    .argument('<dataset>', 'the annotated data set: polnear, events (event grouping on NeuS and AllSides), basil (divergence vs media bias), fnc1 (claim relations), narratives (with --gold DIR) or veridicality (writer commitment, Ross & Pavlick 2019)')
    .option('--split <name>', `PolNeAR split under ../shared/corpora/polnear: ${Object.keys(SPLITS).join(', ')}`, 'dev')
    .option('--file <path>', 'any JSONL file in the PolNeAR format (overrides --split)')
    .option('--limit <n>', 'score only the first N primary articles')
    .option('--json', 'print the scores as JSON')
    .option('--format <format>', 'text or json (same as --json)', 'text')
    .option('--gold <dir>', 'narratives: the folder of gold event files (*.json), e.g. data/gold/narratives/dev')
    .option('--input <kind=path...>', 'narratives: corpus files to read instead of the shared ones (triplets=PATH, basil=PATH)')
    .option('--check', 'narratives: only check the gold files against the texts (offsets, hints, references); run nothing')
    .option('--event <name...>', 'narratives: score only these events (event ids or gold file names)')
    .option('--claim-set <file>', 'narratives: also score B-cubed on this fixed claim set (default: DIR-claimset.json beside the gold folder, when present)')
    .option('--no-claim-set', 'narratives: no fixed-claim-set score')
    .option('--bio', `polnear: score on CofeNet's BIO units (${COFENET_DEV}), the metric of the published tables`)
    .option('--bodies <file>', 'fnc1: bodies CSV (Body ID, articleBody)')
    .option('--stances <file>', 'fnc1: stances CSV (Headline, Body ID[, Stance]); without Stance it only predicts')
    .option('--out <file>', 'fnc1: write predictions as Headline,Body ID,Stance in input order')
    .option('--seeds <n>', 'veridicality: also score the model on N random 5-fold verb splits (mean and spread; about 5 fits each)')
    .action(async (dataset: string, flags: EvalFlags) => {
      if (flags.format !== undefined && flags.format !== 'text' && flags.format !== 'json') throw new UsageError(`--format must be text or json, got "${flags.format}"`);
      // Each data set's scorer is imported when asked for, not at start-up.
      if (dataset === 'fnc1') {
        await runFnc1(flags);
        return;
      }
      if (dataset === 'narratives') {
        if (!flags.gold) throw new UsageError('eval narratives needs --gold DIR (a folder of gold event files)');
        const { evaluateNarratives, formatNarrativesReport, GOLD_CORPORA, GoldFileError } = await import('../../eval/narratives/index.js');
        let report;
        try {
          report = await evaluateNarratives({ gold: flags.gold, inputs: corpusPaths(flags.input ?? [], Object.keys(GOLD_CORPORA)), ...(flags.check ? { checkOnly: true } : {}), ...(flags.event ? { only: flags.event } : {}), ...(flags.claimSet === false ? { claimSet: null } : flags.claimSet ? { claimSet: flags.claimSet } : {}) });
        } catch (error) {
          // A gold folder that cannot be read (or holds no gold file) is a usage error, not a crash.
          if (error instanceof GoldFileError) throw new UsageError(error.message.replace(/^narrascope: /, ''));
          throw error;
        }
        if (flags.check) {
          process.stderr.write(report.problems.map((p) => `${p}\n`).join(''));
          process.stdout.write(`${report.problems.length === 0 ? 'ok' : `${report.problems.length} problem(s)`}: gold files of ${flags.gold} checked\n`);
        } else {
          process.stdout.write(flags.json || flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatNarrativesReport(report));
        }
        process.exitCode = report.problems.length > 0 ? 1 : 0;
        return;
      }
      if (dataset === 'basil') {
        const { evaluateBasil, formatBasilReport } = await import('../../eval/basil.js');
        const file = flags.file ?? BASIL_FILE;
        requireFile(file);
        const limit = limitOf(flags);
        const report = await evaluateBasil({ file, ...(limit !== undefined ? { limit } : {}) });
        process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatBasilReport(report));
        return;
      }
      if (dataset === 'veridicality') {
        const file = flags.file ?? VERIDICALITY_FILE;
        requireFile(file);
        const { evaluateVeridicality, formatVeridicalityReport } = await import('../../eval/veridicality.js');
        const seeds = flags.seeds === undefined ? 0 : Number(flags.seeds);
        if (!Number.isInteger(seeds) || seeds < 0 || seeds > 20) throw new UsageError(`--seeds must be a whole number from 0 to 20, got "${flags.seeds}"`);
        const report = evaluateVeridicality(file, { seeds });
        process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatVeridicalityReport(report));
        return;
      }
      if (dataset === 'events') {
        // --file picks one file; its format is told by its name (AllSides roundups or NeuS).
        const files = flags.file ? [[flags.file, /roundup/i.test(flags.file) ? 'allsides' : 'neus'] as const] : EVENT_FILES;
        const { evaluateEvents, formatEventsReport } = await import('../../eval/events.js');
        const reports = [];
        for (const [file, kind] of files) {
          requireFile(file);
          reports.push(await evaluateEvents({ file, dataset: kind }));
        }
        process.stdout.write(flags.json ? `${JSON.stringify(reports, null, 2)}\n` : reports.map(formatEventsReport).join('\n'));
        return;
      }
      if (dataset !== 'polnear') throw new UsageError(`unknown dataset "${dataset}": expected polnear, events, basil, fnc1, narratives or veridicality`);
      if (flags.bio) {
        const { evaluateCofenetBio, formatCofenetReport } = await import('../../eval/cofenet-bio.js');
        const file = flags.file ?? COFENET_DEV;
        requireFile(file);
        const limit = limitOf(flags);
        const report = await evaluateCofenetBio({ file, ...(limit !== undefined ? { limit } : {}) });
        process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatCofenetReport(report));
        return;
      }
      const file = flags.file ?? SPLITS[flags.split];
      if (!file) throw new UsageError(`unknown split "${flags.split}": expected ${Object.keys(SPLITS).join(' or ')} (the test split is held out)`);
      requireFile(file);
      const limit = limitOf(flags);
      const { evaluatePolnear, formatPolnearReport } = await import('../../eval/index.js');
      const report = await evaluatePolnear({ file, ...(limit !== undefined ? { limit } : {}) });
      process.stdout.write(flags.json || flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatPolnearReport(report));
    });
}

/** `eval fnc1`: bad CSVs are usage errors naming file, line and field. */
async function runFnc1(flags: EvalFlags): Promise<void> {
  const [{ evaluateFnc1 }, { Fnc1Error }, { formatFnc1Scores }] = await Promise.all([
    import('../../eval/fnc1.js'), import('../../eval/fnc1-read.js'), import('../../eval/fnc1-score.js'),
  ]);
  if (!flags.bodies || !flags.stances) throw new UsageError('eval fnc1 needs --bodies FILE and --stances FILE');
  requireFile(flags.bodies);
  requireFile(flags.stances);
  const limit = limitOf(flags);
  let report;
  try {
    report = evaluateFnc1({ bodies: flags.bodies, stances: flags.stances, ...(flags.out ? { out: flags.out } : {}), ...(limit !== undefined ? { limit } : {}) });
  } catch (error) {
    if (error instanceof Fnc1Error) throw new UsageError(error.message);
    throw error;
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ pairs: report.pairs, scores: report.scores ?? null, pairsPerSecond: Math.round(report.pairsPerSecond) }, null, 2)}\n`);
  } else if (report.scores) {
    process.stdout.write(formatFnc1Scores(report.scores));
  } else {
    process.stdout.write(`predicted ${report.pairs} pairs (no Stance column: nothing to score)${flags.out ? `; wrote ${flags.out}` : ''}\n`);
  }
}

/** `--input triplets=PATH basil=PATH` as corpus paths. */
function corpusPaths(inputs: readonly string[], kinds: readonly string[]): CorpusPaths {
  const paths: Record<string, string> = {};
  for (const input of inputs) {
    const match = /^(\w+)=(.+)$/.exec(input);
    if (!match?.[1] || !match[2] || !kinds.includes(match[1])) throw new UsageError(`--input must be KIND=PATH with KIND one of ${kinds.join(', ')}, got "${input}"`);
    paths[match[1]] = match[2];
  }
  return paths;
}

/** The `--limit` flag as a positive integer, or undefined when absent. */
function limitOf(flags: EvalFlags): number | undefined {
  if (flags.limit === undefined) return undefined;
  const limit = Number(flags.limit);
  if (!(Number.isInteger(limit) && limit > 0)) throw new UsageError('--limit must be a positive integer');
  return limit;
}

/** Reference data lives in ../shared, which may be absent: say so as a usage error. */
function requireFile(file: string): void {
  if (!existsSync(file)) throw new UsageError(`${file} not found: run from the repository root with ../shared beside it, or pass --file`);
}
