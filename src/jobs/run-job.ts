/**
 * One run of a job: read the inputs, analyse only the articles the store has not analysed with
 * this analyzer (reuse the rest), build the divergence report, give its narratives stable ids,
 * compute the drift from the previous run, write the report files and record everything.
 *
 * Crash safety: the run holds the job's lock in the store; articles are recorded in batches, one
 * transaction each; the run only becomes `succeeded` in the transaction that stores its
 * narratives, snapshot and report. A run killed at any point leaves a `running` row and a lock
 * whose process is gone: the next run takes the lock over, marks that run `failed`, and reuses
 * every analysis it had committed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fatalWhenStrict, ingest, type IngestEvent, type IngestOptions } from '../01-ingest/index.js';
import { buildReport, rendererFor, type DivergenceReport } from '../08-report/index.js';
import { groupEvents } from '../events/index.js';
import { defaultWorkers } from '../pipeline/pool.js';
import { runAnalysis } from '../pipeline/run.js';
import { WebSources, zeroCounts, type FetchCounts } from '../sources/index.js';
import { JobStore, type LockHolder, type RunArticle } from '../store/store.js';
import type { AnalyzedArticle, Article, Diagnostic } from '../types/index.js';
import type { DriftReport, RunSnapshot } from '../types/drift.js';
import type { JobDefinition } from './definition.js';
import { computeDrift } from './drift.js';
import { analyzerFingerprint, articleHash } from './fingerprint.js';
import { expandInputs } from './inputs.js';
import { snapshotOf, claimKeysOf } from './snapshot.js';
import { matchNarratives, renameNarratives, type KeyedNarrative } from './stable-ids.js';

/** Options of {@link runJob}. */
export interface RunJobOptions {
  /** Stop reading new articles: the run checkpoints what it has and is recorded as failed (interrupted). */
  readonly signal?: AbortSignal;
  /** @default the job's `workers`, else one per core */
  readonly workers?: number;
  /** Every problem with the input or an article (bad line, failed analysis). */
  readonly onDiagnostic?: (diagnostic: Diagnostic) => void;
  /** Called after each article with the number done so far. */
  readonly onArticle?: (done: number) => void;
  /** Stop at the first bad input record (the run fails). */
  readonly strict?: boolean;
  /** Articles recorded per store transaction. @default 200 */
  readonly batchSize?: number;
  /** @default new Date() */
  readonly now?: () => Date;
}

/** What a finished run produced. */
export interface RunOutcome {
  readonly runId: number;
  readonly job: string;
  readonly articles: number;
  readonly analysed: number;
  readonly reused: number;
  readonly duplicates: number;
  readonly failedArticles: number;
  /** What the job's feeds and URL lists cost: feeds fetched or unchanged (304), pages fetched or taken from the store. */
  readonly fetched: FetchCounts;
  readonly narratives: number;
  readonly report: DivergenceReport;
  readonly drift: DriftReport;
  /** Files written (absolute paths). */
  readonly files: readonly string[];
}

/** The job is running elsewhere (another process or scheduler holds its lock). */
export class JobLockedError extends Error {
  constructor(readonly job: string, readonly holder: LockHolder) {
    super(`job "${job}" is already running${holder.runId !== null ? ` (run ${holder.runId})` : ''} in process ${holder.pid} on ${holder.host}, since ${holder.acquiredAt}`);
    this.name = 'JobLockedError';
  }
}

/** The run stopped early on its signal; what it had analysed is kept for the next run. */
export class RunInterruptedError extends Error {
  constructor(readonly runId: number, readonly recorded: number) {
    super(`run ${runId} interrupted after ${recorded} articles; their analyses are kept for the next run`);
    this.name = 'RunInterruptedError';
  }
}

/** How many stored runs stable ids are matched against (each id's latest appearance). */
const ID_MEMORY_RUNS = 100;

/**
 * Run a job once. Throws {@link JobLockedError} when the job is running elsewhere (nothing is
 * recorded), {@link RunInterruptedError} when `signal` stopped it, and any other error after
 * recording the run as failed.
 *
 * @example
 * const outcome = await runJob(loadJob('pipelines/default.json'));
 * console.log(outcome.analysed, outcome.reused, outcome.drift.new.length);
 */
export async function runJob(job: JobDefinition, options: RunJobOptions = {}): Promise<RunOutcome> {
  const store = JobStore.open(job.store);
  const owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  let runId: number | null = null;
  let heartbeat: NodeJS.Timeout | undefined;
  try {
    const holder = store.acquireLock(job.name, owner);
    if (holder) throw new JobLockedError(job.name, holder);
    const analyzer = analyzerFingerprint(job);
    const id = store.startRun(job.name, analyzer, createHash('sha256').update(JSON.stringify(job)).digest('hex').slice(0, 16));
    runId = id;
    heartbeat = setInterval(() => store.heartbeat(id), 15_000);
    heartbeat.unref();
    const startedAt = store.run(job.name, id)?.startedAt ?? new Date().toISOString();
    const { results, counts, fetched } = await analyseInputs(job, store, id, analyzer, options);
    if (job.sources.length > 0) store.recordFetched(id, fetched);
    if (options.signal?.aborted) throw new RunInterruptedError(id, counts.articles);

    const report = identify(buildJobReport(job, results.articles, results.groups, options.now?.() ?? new Date()), job.name, store);
    for (const event of report.events) {
      if (event.skippedClaims) options.onDiagnostic?.(tooLarge(event.name, event.articleIds.length, event.skippedClaims));
    }
    store.heartbeat(id);
    const snapshot = snapshotOf(report, { runId: id, job: job.name, startedAt, articles: counts.articles });
    const history = store.snapshots(job.name, job.drift.timelineRuns ?? 30);
    const drift = computeDrift(history.at(-1) ?? null, snapshot, [...history, snapshot], job.drift);
    const files = writeOutputs(job, id, report, drift);
    store.completeRun(id, snapshot, JSON.stringify(report), files);
    return { runId: id, job: job.name, ...counts, fetched, narratives: snapshot.narratives.length, report, drift, files };
  } catch (error) {
    if (runId !== null) store.failRun(runId, error instanceof Error ? error.message : String(error));
    throw error;
  } finally {
    clearInterval(heartbeat);
    try {
      store.releaseLock(job.name, owner);
    } finally {
      store.close();
    }
  }
}

interface Counts { articles: number; analysed: number; reused: number; duplicates: number; failedArticles: number }

/** Stream the inputs through the analysis, reusing stored analyses, recording batches as they complete. */
async function analyseInputs(job: JobDefinition, store: JobStore, runId: number, analyzer: string, options: RunJobOptions): Promise<{ results: { articles: AnalyzedArticle[]; groups: Map<string, string> }; counts: Counts; fetched: FetchCounts }> {
  const report = options.onDiagnostic ?? (() => {});
  const ingestOptions: IngestOptions = {
    fields: job.fields,
    ...(job.maxChars !== undefined ? { maxTextLength: job.maxChars } : {}),
    ...(typeof job.grouping === 'object' ? { groupField: job.grouping.field } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  // Per input index: the article's hash and what is needed to record it without its text.
  const read: { hash: string; id: string; outlet: string | null; title: string | null; date: string | null }[] = [];
  const groups = new Map<string, string>();
  // Feeds and URL lists: pages already read come from the store's fetch records, not the web.
  const web = job.sources.length > 0
    ? new WebSources(job.sources, { ...job.fetch, state: store.fetches, ingest: ingestOptions, ...(options.signal ? { signal: options.signal } : {}) })
    : null;
  async function* events(): AsyncGenerator<IngestEvent> {
    if (job.inputs.length > 0) yield* ingest(await expandInputs(job.inputs, report), ingestOptions);
    if (web) yield* web.events();
  }
  async function* articles(): AsyncGenerator<Article> {
    let found = 0;
    for await (const event of events()) {
      if (event.kind === 'diagnostic') {
        report(event.diagnostic);
        if (options.strict && fatalWhenStrict(event.diagnostic)) throw new Error(`stopped at the first bad input (strict): ${event.diagnostic.message}`);
        continue;
      }
      const a = event.article;
      found++;
      read.push({ hash: articleHash(a), id: a.id, outlet: a.outlet, title: a.title, date: a.date });
      if (a.group !== undefined) groups.set(a.id, a.group);
      yield a;
    }
    // A scheduled run may find nothing (an empty feed folder this hour): it is still a normal,
    // recorded run, but never a silent one.
    if (found === 0 && !options.signal?.aborted) report({ severity: 'warning', code: 'input/no-articles', message: `no articles found in ${[...job.inputs, ...job.sources.map((source) => (source.kind === 'feed' ? source.url : source.file))].join(', ')}` });
  }
  const counts: Counts = { articles: 0, analysed: 0, reused: 0, duplicates: 0, failedArticles: 0 };
  const analysed: AnalyzedArticle[] = [];
  const batchSize = options.batchSize ?? 200;
  let batch: RunArticle[] = [];
  const flush = (): void => {
    store.recordArticles(runId, analyzer, batch);
    batch = [];
  };
  const stream = runAnalysis(articles(), {
    workers: options.workers ?? job.workers ?? defaultWorkers(),
    clean: job.clean === false ? false : job.clean,
    segment: job.segment,
    cues: { lexicon: job.cues },
    // A stored analysis is reused unless the article copies an earlier one of this run: then it is
    // this run's duplicate, whatever it was before.
    skip: (_article, index, duplicateOf) => duplicateOf === null && store.hasAnalysis(read[index]?.hash ?? '', analyzer),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  for await (const item of stream) {
    const meta = read[item.index];
    if (!meta) throw new Error(`narrascope: internal error: no record of article ${item.index}`);
    const base = { ordinal: item.index, hash: meta.hash, articleId: meta.id, outlet: meta.outlet, title: meta.title, date: meta.date };
    counts.articles++;
    if (item.kind === 'failure') {
      counts.failedArticles++;
      report({ severity: 'error', code: 'pipeline/failed', message: `article "${item.article.id}" failed: ${item.reason}`, ...(item.article.file ? { file: item.article.file } : {}), ...(item.article.line !== undefined ? { line: item.article.line } : {}) });
      batch.push({ ...base, outcome: 'failed', reason: item.reason });
    } else if (item.kind === 'skipped') {
      const json = store.analysis(meta.hash, analyzer);
      if (json === undefined) throw new Error(`narrascope: the stored analysis of article "${meta.id}" vanished during the run`);
      counts.reused++;
      analysed.push(JSON.parse(json) as AnalyzedArticle);
      batch.push({ ...base, outcome: 'reused' });
    } else {
      const result = JSON.parse(item.json) as AnalyzedArticle;
      for (const diagnostic of item.diagnostics) report(diagnostic);
      analysed.push(result);
      // Duplicates are recomputed each run (cheap, and they depend on which articles came first).
      if (result.duplicateOf) {
        counts.duplicates++;
        batch.push({ ...base, outcome: 'duplicate' });
      } else {
        counts.analysed++;
        batch.push({ ...base, outcome: 'analysed', analysis: item.json });
      }
    }
    if (batch.length >= batchSize) flush();
    options.onArticle?.(counts.articles);
  }
  flush();
  return { results: { articles: analysed, groups }, counts, fetched: web ? { ...web.counts } : zeroCounts() };
}

/** The warning for an event too large to cluster whole. */
export function tooLarge(event: string, articles: number, skipped: number): Diagnostic {
  return {
    severity: 'warning', code: 'narratives/event-too-large',
    message: `event "${event}" has ${articles} articles: ${skipped} of its claims were left out of the narratives (at most stages.narratives.maxClaims are clustered per event); group articles into events ("grouping": "auto" or a field)`,
  };
}

/** The divergence report of the run's articles, grouped as the job says. */
function buildJobReport(job: JobDefinition, articles: readonly AnalyzedArticle[], groups: ReadonlyMap<string, string>, now: Date): DivergenceReport {
  let eventOf: (article: AnalyzedArticle) => string | undefined;
  if (job.grouping === 'auto') {
    const assigned = new Map(groupEvents(articles).map((e) => [e.id, e.event]));
    eventOf = (article) => assigned.get(article.id);
  } else if (typeof job.grouping === 'object') {
    eventOf = (article) => groups.get(article.id) ?? '(no group)';
  } else {
    eventOf = () => undefined;
  }
  return buildReport(articles, { ...job.narratives, eventOf, now });
}

/**
 * Give the report's narratives stable ids: matched to the latest appearance of every id in the
 * job's recent runs, new ids for the rest.
 */
function identify(report: DivergenceReport, job: string, store: JobStore): DivergenceReport {
  const latest = new Map<string, KeyedNarrative>();
  for (const snapshot of store.snapshots(job, ID_MEMORY_RUNS) as RunSnapshot[]) {
    for (const n of snapshot.narratives) latest.set(n.id, { id: n.id, claimKeys: n.claimKeys });
  }
  const keys = claimKeysOf(report);
  const current = report.narratives.map((n) => ({ id: n.id, claimKeys: keys.get(n.id) ?? [] }));
  const ids = matchNarratives(current, [...latest.values()]);
  const unmatched = current.filter((n) => !ids.has(n.id));
  const fresh = store.allocateNarrativeIds(job, unmatched.length);
  unmatched.forEach((n, i) => ids.set(n.id, fresh[i] as string));
  return renameNarratives(report, ids);
}

/**
 * Write the report (with its drift section) in each of the job's formats, as
 * `<job>-run-<id>.<ext>` and `<job>-latest.<ext>`, each written to a temporary file and renamed so
 * a reader never sees half a file.
 */
function writeOutputs(job: JobDefinition, runId: number, report: DivergenceReport, drift: DriftReport): string[] {
  mkdirSync(job.outputs.directory, { recursive: true });
  const files: string[] = [];
  for (const format of job.outputs.formats) {
    const renderer = rendererFor(format);
    const body = renderer.render(report, { drift });
    for (const name of [`${job.name}-run-${runId}.${renderer.extension}`, `${job.name}-latest.${renderer.extension}`]) {
      const path = join(job.outputs.directory, name);
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, body);
      renameSync(temporary, path);
      files.push(path);
    }
  }
  return files;
}
