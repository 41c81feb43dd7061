import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { defaultWorkersNow, SMALL_INPUT_BYTES } from '../../pipeline/workers.js';
import { inputBytes } from '../input-size.js';
import type { AnalyzedArticle, Article } from '../../types/index.js';
import { DiagnosticLog } from '../diagnostics.js';
import { ingestOptionsFrom, requireInputs, UsageError, webOptionsFrom, withInputOptions, type InputFlags } from '../input-options.js';
import { openProducer, QueueStop, withQueueOptions, type QueueFlags } from '../queue-options.js';
import type { NarrativeTask } from '../../queue/narrative-task.js';
import type { NarrativesOf } from '../../queue/narratives.js';

interface CompareFlags extends InputFlags, QueueFlags {
  readonly out?: string;
  readonly format: string;
  readonly groupBy?: string;
  readonly events?: string;
  readonly workers?: string;
}

/**
 * When the report says it was made: now, or `SOURCE_DATE_EPOCH` (seconds since 1970, the
 * reproducible-builds convention) when set, so the same input gives the same report bytes.
 */
function reportTime(): Date {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return new Date();
  const seconds = Number(epoch);
  if (!Number.isInteger(seconds) || seconds < 0) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${epoch}"`);
  return new Date(seconds * 1000);
}

/**
 * Queue mode: the workers build each event's narratives (`compare` with one event builds it
 * here: there is nothing to share). Undefined when there is nothing for them to do.
 */
async function queueNarratives(flags: CompareFlags, results: readonly AnalyzedArticle[], records: readonly string[], eventOf: (article: AnalyzedArticle) => string | undefined): Promise<NarrativesOf | undefined> {
  const { distributeNarratives } = await import('../../queue/narratives.js');
  const producer = await openProducer<NarrativeTask>(flags, flags.quiet ?? false, 'narratives');
  if (!producer) return undefined;
  try {
    const distributed = await distributeNarratives(results, records, eventOf, producer);
    if (producer.fatal) throw new QueueStop(`${producer.fatal.message}; stopped`);
    if (!flags.quiet && distributed.events > 0) process.stderr.write(`narrascope: queue: narratives of ${distributed.events} events built by workers${distributed.local > 0 ? `, ${distributed.local} here` : ''}\n`);
    return distributed.narrativesOf;
  } finally {
    await producer.close();
  }
}

/** Earliest date first (articles without one last), then id: the order compare analyses in. */
export function canonicalOrder(a: Pick<Article, 'id' | 'date'>, b: Pick<Article, 'id' | 'date'>): number {
  const x = a.date ?? '\uffff';
  const y = b.date ?? '\uffff';
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * `narrascope compare <inputs...>`: the whole pipeline, then the divergence report. Articles are
 * compared within events: the value of `--group-by FIELD`, or the events `--events auto` finds,
 * or all articles as one event.
 */
export function registerCompare(program: Command): void {
  const command = program
    .command('compare')
    .description('run the whole pipeline over a corpus and write the divergence report: competing narratives, backers and disputers, per-outlet coverage, omissions and framing')
    .argument('[inputs...]', '.txt, .jsonl or .html files, or folders of them, or feed URLs (http(s)://...: RSS, Atom or JSON Feed)')
    .option('-f, --format <format>', 'report format: json, md (markdown) or html', 'markdown')
    .option('-o, --out <file>', 'write the report to this file instead of stdout')
    .option('--group-by <field>', 'compare within groups (events) given by this JSONL field or front-matter key')
    .option('--events <mode>', '"auto": group articles into events by content and date before comparing')
    .option('--workers <n>', 'worker threads for the analysis (default: one per core, or 1 for inputs under 256 KB)');
  withQueueOptions(withInputOptions(command)).action(async (inputs: string[], flags: CompareFlags) => {
    requireInputs(inputs, flags);
    // Imported here, not at the top: a command loads only what it runs (start-up time).
    const [{ buildReport, rendererFor }, { groupEvents }, { runAnalysis }, { readArticles }, { fromRecord }] = await Promise.all([
      import('../../08-report/index.js'), import('../../events/index.js'), import('../../pipeline/run.js'), import('../read-articles.js'), import('../../record/index.js'),
    ]);
    let renderer;
    try {
      renderer = rendererFor(flags.format);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message.replace(/^narrascope: /, '') : String(error));
    }
    if (flags.events !== undefined && flags.events !== 'auto') throw new UsageError(`--events must be "auto", got "${flags.events}"`);
    if (flags.events && flags.groupBy) throw new UsageError('--events auto and --group-by exclude each other: choose one way to form events');
    const workers = flags.workers === undefined ? await defaultWorkersNow(await inputBytes(inputs, SMALL_INPUT_BYTES)) : Number(flags.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a positive integer, got "${flags.workers}"`);
    const log = new DiagnosticLog(flags.quiet ?? false);
    const ingestOptions = { ...ingestOptionsFrom(flags), ...(flags.groupBy ? { groupField: flags.groupBy } : {}) };
    const groups = new Map<string, string>();
    let read = 0;
    // Every article is read before any is analysed, then analysed in a canonical order: earliest
    // date first (undated last), then id. The duplicate check keeps the first copy it sees, so the
    // copy a report keeps is the earliest one, whatever order the inputs list them in.
    const all: Article[] = [];
    for await (const article of readArticles(inputs, ingestOptions, log, flags.strict ?? false, webOptionsFrom(flags))) {
      read++;
      if (article.group !== undefined) groups.set(article.id, article.group);
      all.push(article);
    }
    all.sort(canonicalOrder);
    async function* remembered(): AsyncGenerator<Article> {
      yield* all;
    }
    // Queue mode distributes the per-article analysis, then each event's narratives (below).
    const producer = await openProducer(flags, flags.quiet ?? false);
    const results: AnalyzedArticle[] = [];
    // Queue mode: the record lines, which the workers building narratives read back.
    const records: string[] = [];
    try {
      for await (const item of runAnalysis(remembered(), { workers, ...(producer ? { executor: producer } : {}) })) {
        if (producer?.fatal) throw new QueueStop(`${producer.fatal.message}; stopped`);
        if (item.kind === 'failure') {
          log.report({ severity: 'error', code: 'pipeline/failed', message: `article "${item.article.id}" failed: ${item.reason}` });
          continue;
        }
        if (item.kind !== 'result') continue;
        for (const diagnostic of item.diagnostics) log.report(diagnostic);
        // Tokens are not kept (the report needs sentences and spans only).
        results.push(fromRecord(JSON.parse(item.json)));
        if (producer) records.push(item.json);
      }
    } finally {
      await producer?.close();
    }
    // Nothing to compare is an error, not an empty report ("Divergence: 0"): readArticles has
    // already said "no articles found"; articles that all failed are said here.
    if (results.length === 0) {
      if (read > 0) log.report({ severity: 'error', code: 'compare/nothing-analysed', message: `none of the ${read} articles read could be analysed; no report written` });
      process.exitCode = 1;
      return;
    }
    // Events, narratives and the report follow the articles' ids, not the input order: the same
    // articles in another order give the same report bytes (the records stay paired with them).
    const order = results.map((_, i) => i).sort((a, b) => {
      const x = results[a]?.id ?? '';
      const y = results[b]?.id ?? '';
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    // Assigned in place, not spread into splice(): a million arguments overflow the stack.
    const sortedResults = order.map((i) => results[i] as AnalyzedArticle);
    const sortedRecords = producer ? order.map((i) => records[i] as string) : [];
    sortedResults.forEach((r, k) => { results[k] = r; });
    sortedRecords.forEach((r, k) => { records[k] = r; });
    let eventOf: (article: AnalyzedArticle) => string | undefined;
    if (flags.events === 'auto') {
      const assigned = new Map(groupEvents(results).map((e) => [e.id, e.event]));
      eventOf = (article) => assigned.get(article.id);
    } else if (flags.groupBy) {
      eventOf = (article) => groups.get(article.id) ?? '(no group)';
    } else {
      eventOf = () => undefined;
    }
    const narrativesOf = producer ? await queueNarratives(flags, results, records, eventOf) : undefined;
    const report = buildReport(results, { eventOf, now: reportTime(), ...(narrativesOf ? { narrativesOf } : {}) });
    for (const event of report.events) {
      if (event.skippedClaims) log.report({ severity: 'warning', code: 'narratives/event-too-large', message: `event "${event.name}" has ${event.articleIds.length} articles: ${event.skippedClaims} of its claims were left out of the narratives; group articles into events (--events auto or --group-by)` });
    }
    const output = renderer.render(report);
    if (flags.out) await writeFile(flags.out, output);
    else process.stdout.write(output);
    process.exitCode = log.errors > 0 ? 1 : 0;
  });
}
