import type { Command } from 'commander';
import { defaultWorkers, defaultWorkersNow, SMALL_INPUT_BYTES } from '../../pipeline/workers.js';
import { inputBytes } from '../input-size.js';
import { DEFAULT_FIELDS, parseFields, RECORD_FIELDS, type RecordField } from '../../record/format.js';
import type { Article, Diagnostic } from '../../types/index.js';
import { DiagnosticLog } from '../diagnostics.js';
import { FailureLog } from '../failures.js';
import { ingestOptionsFrom, requireInputs, UsageError, webOptionsFrom, withInputOptions, type InputFlags } from '../input-options.js';
import { LineWriter } from '../output.js';
import type { Progress } from '../progress.js';
import { openProducer, QueueStop, queueSummary, withQueueOptions, type QueueFlags } from '../queue-options.js';

interface AnalyzeFlags extends InputFlags, QueueFlags {
  readonly out?: string;
  readonly tokens?: boolean;
  readonly quotes?: boolean;
  readonly fields?: string;
  readonly clean: boolean;
  readonly dedupe: boolean;
  readonly workers?: string;
  readonly resume?: boolean;
  readonly failures?: string;
}

const FAILED = 'analyze/failed';
const NO_ARTICLES = 'input/no-articles';

/** The diagnostic log of a run, also writing input errors (bad lines) to the failures file. */
class RunLog extends DiagnosticLog {
  constructor(quiet: boolean, private readonly failures: FailureLog, private readonly progress: Progress) {
    super(quiet);
  }

  override report(diagnostic: Diagnostic): void {
    super.report(diagnostic);
    // Input errors (a bad line) are failures too; a duplicate warning is not, nor is "no articles".
    if (diagnostic.severity !== 'error' || diagnostic.code === FAILED || diagnostic.code === NO_ARTICLES) return;
    this.failures.record({ id: diagnostic.id ?? null, file: diagnostic.file ?? null, line: diagnostic.line ?? null, reason: `${diagnostic.message} [${diagnostic.code}]` });
    this.progress.tick(true);
  }
}

/** `narrascope analyze <inputs...>`: per-article stages, one JSON object per article. */
export function registerAnalyze(program: Command): void {
  const command = program
    .command('analyze')
    .description('run the per-article stages (clean, segment, actors, cues, attributions) and write one JSON object per article (JSONL)')
    .argument('[inputs...]', '.txt, .jsonl, .jsonl.gz or .html files, folders of them, or - for JSONL on stdin, or feed URLs (http(s)://...: RSS, Atom or JSON Feed)')
    .option('-o, --out <file>', 'write JSONL to this file instead of stdout')
    .option('--tokens', 'include the tokens (POS, lemma, offsets) of each article')
    .option('--quotes', 'write every span with its text, [start, end, text] (default: [start, end], the text being the article text between the offsets)')
    .option('--fields <list>', `parts of each record to write, comma-separated: ${RECORD_FIELDS.join(', ')} (default: all but tokens and quotes; id and formatVersion are always written)`)
    .option('--no-clean', 'do not drop teasers, bylines and other boilerplate')
    .option('--no-dedupe', 'do not detect duplicate articles')
    .option('--workers <n>', `worker threads analysing articles (1: the main thread; default: one per idle core, at most ${defaultWorkers()} here, or 1 for inputs under ${SMALL_INPUT_BYTES / 1024} KB)`)
    .option('--resume', 'continue an interrupted run where its --out file stops (needs --out)')
    .option('--failures <file>', 'write one JSON line per failed article or input line (id, file, line, reason)');
  withQueueOptions(withInputOptions(command)).action(async (inputs: string[], flags: AnalyzeFlags) => {
    requireInputs(inputs, flags);
    // Imported here, not at the top: a command loads only what it runs (start-up time).
    const [{ readResumePoint, resumeSkipper }, { runAnalysis }, { Progress }, { countRecords }, { readArticles }] = await Promise.all([
      import('../../pipeline/resume.js'), import('../../pipeline/run.js'), import('../progress.js'), import('../progress-total.js'), import('../read-articles.js'),
    ]);
    const bytes = await inputBytes(inputs, SMALL_INPUT_BYTES);
    const workers = flags.workers === undefined ? await defaultWorkersNow(bytes) : Number(flags.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a positive integer, got "${flags.workers}"`);
    let fields: RecordField[] | undefined;
    try {
      fields = flags.fields === undefined ? undefined : parseFields(flags.fields);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    if ((flags.tokens || flags.quotes) && !fields) fields = [...DEFAULT_FIELDS];
    if (fields && flags.tokens && !fields.includes('tokens')) fields.push('tokens');
    if (fields && flags.quotes && !fields.includes('quotes')) fields.push('quotes');
    if (flags.resume && !flags.out) throw new UsageError('--resume needs --out: it continues the run where that file stops');
    const ingestOptions = ingestOptionsFrom(flags);
    const quiet = flags.quiet ?? false;
    // Queue mode: Redis must answer before any file is touched (an unreachable URL writes nothing).
    const producer = await openProducer(flags, quiet);
    const progress = new Progress({ quiet });
    // Counted alongside the run (not awaited): a large file's count must not delay the start.
    if (!quiet && flags.urls === undefined) void countRecords(inputs).then((total) => progress.setTotal(total), () => undefined);
    const failures = new FailureLog(flags.failures, flags.resume ?? false);
    const log = new RunLog(quiet, failures, progress);
    const point = flags.resume && flags.out ? await readResumePoint(flags.out) : null;
    if (point && !quiet) {
      process.stderr.write(`narrascope: resuming after ${point.done.length} articles${point.droppedBytes > 0 ? ` (dropped a cut last line of ${point.droppedBytes} bytes)` : ''}\n`);
    }
    // Ctrl-C or a kill stops between articles; everything finished so far is flushed first.
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop).once('SIGTERM', stop);
    const writer = new LineWriter(flags.out, point !== null);
    const articles = readArticles(inputs, { ...ingestOptions, signal: controller.signal }, log, flags.strict ?? false, webOptionsFrom(flags));
    const failed = (article: Article): boolean => failures.has({ id: article.id, file: article.origin?.file ?? null, line: article.origin?.line ?? null });
    try {
      for await (const item of runAnalysis(articles, {
        workers,
        // One worker stays in this thread: the worker thread of RunOptions.ownThread measured slower
        // and 60 MB larger on 2,231 real articles (README, end of the sixth session).
        includeTokens: (flags.tokens ?? false) || (fields?.includes('tokens') ?? false),
        ...(fields ? { fields } : {}),
        clean: flags.clean ? {} : false,
        deduplicate: flags.dedupe,
        signal: controller.signal,
        ...(point ? { skip: resumeSkipper(point, failed) } : {}),
        ...(producer ? { executor: producer } : {}),
      })) {
        // Redis down too long: what is written so far stands; nothing after it (resumable).
        if (producer?.fatal) break;
        if (item.kind === 'skipped') continue;
        if (item.kind === 'failure') {
          const { id, file, line } = item.article;
          log.report({ severity: 'error', code: FAILED, message: `article "${id}" failed: ${item.reason}`, ...(file !== undefined ? { file } : {}), ...(line !== undefined ? { line } : {}) });
          failures.record({ id, file: file ?? null, line: line ?? null, reason: item.reason });
          progress.tick(true);
          continue;
        }
        for (const diagnostic of item.diagnostics) log.report(diagnostic);
        await writer.write(item.json);
        progress.tick();
      }
    } finally {
      progress.stop();
      await writer.close();
      failures.close();
      process.off('SIGINT', stop).off('SIGTERM', stop);
      await producer?.close();
    }
    if (producer && !quiet) process.stderr.write(queueSummary(producer));
    if (producer?.fatal) throw new QueueStop(`${producer.fatal.message}; stopped (continue with --resume)`);
    if (controller.signal.aborted) {
      process.stderr.write('narrascope: interrupted; results written so far are complete lines\n');
      process.exitCode = 130;
    } else {
      process.exitCode = log.errors > 0 ? 1 : 0;
    }
  });
}
