import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { defaultWorkers } from '../../pipeline/pool.js';
import { runAnalysis } from '../../pipeline/run.js';
import { loadRelationModel } from '../../relations/index.js';
import { prepareClaims, trackArticle, type TrackRow } from '../../relations/track.js';
import { renderTrackHtml, renderTrackMarkdown } from '../../relations/track-render.js';
import type { AnalyzedArticle } from '../../types/index.js';
import { DiagnosticLog } from '../diagnostics.js';
import { ingestOptionsFrom, requireInputs, UsageError, webOptionsFrom, withInputOptions, type InputFlags } from '../input-options.js';
import { LineWriter } from '../output.js';
import { readArticles } from '../read-articles.js';

interface TrackFlags extends InputFlags {
  readonly claim?: string[];
  readonly claims?: string;
  readonly format: string;
  readonly out?: string;
  readonly workers: string;
}

const FORMATS = ['jsonl', 'md', 'html'] as const;

/** Claims from --claim (repeatable) and --claims FILE (one per line; a blank line is an error). */
function readClaims(flags: TrackFlags): { claims: string[]; where: (i: number) => string } {
  const claims: string[] = [];
  const places: string[] = [];
  for (const [i, c] of (flags.claim ?? []).entries()) { claims.push(c); places.push(`--claim #${i + 1}`); }
  if (flags.claims) {
    let text: string;
    try {
      text = readFileSync(flags.claims, 'utf8');
    } catch (error) {
      throw new UsageError(`${flags.claims}: cannot read the claims file (${(error as Error).message})`);
    }
    const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
    lines.forEach((line, i) => {
      if (!line.trim()) throw new UsageError(`${flags.claims}:${i + 1}: blank line; the claims file holds one claim per line`);
      claims.push(line);
      places.push(`${flags.claims}:${i + 1}`);
    });
  }
  if (claims.length === 0) throw new UsageError('track needs --claim "TEXT" or --claims FILE');
  return { claims, where: (i) => places[i] ?? `claim ${i + 1}` };
}

/** `narrascope track`: which articles support, dispute or discuss each claim, and who says it. */
export function registerTrack(program: Command): void {
  const command = program
    .command('track')
    .description('for each article and claim: supports, disputes, discusses or unaddressed, with a confidence, the evidence sentences and who says them')
    .argument('[inputs...]', '.txt, .jsonl, .jsonl.gz or .html files, folders of them, or - for JSONL on stdin, or feed URLs (http(s)://...: RSS, Atom or JSON Feed)')
    .option('--claim <text>', 'a claim to track (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--claims <file>', 'a file of claims, one per line')
    .option('--format <name>', `output format: ${FORMATS.join(', ')}`, 'jsonl')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--workers <n>', 'worker threads analysing articles (1: in the main thread)', String(defaultWorkers()));
  withInputOptions(command).action(async (inputs: string[], flags: TrackFlags) => {
    requireInputs(inputs, flags);
    if (!(FORMATS as readonly string[]).includes(flags.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${flags.format}"`);
    const workers = Number(flags.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a positive integer, got "${flags.workers}"`);
    const { claims: texts, where } = readClaims(flags);
    const model = loadRelationModel();
    let claims;
    try {
      claims = prepareClaims(model, texts, where);
    } catch (error) {
      throw new UsageError((error as Error).message.replace(/^narrascope: /, ''));
    }
    const log = new DiagnosticLog(flags.quiet ?? false);
    const articles = readArticles(inputs, ingestOptionsFrom(flags), log, flags.strict ?? false, webOptionsFrom(flags));
    const writer = new LineWriter(flags.out);
    const rows: TrackRow[] = [];
    const byId = new Map<string, readonly TrackRow[]>();
    let analysed = 0;
    try {
      // Articles are analysed, and scored against the claims, in the worker pool (as `analyze`
      // does); a duplicate is not analysed again: it carries what its original carries, and says so.
      for await (const item of runAnalysis(articles, { workers, includeTokens: false, clean: {}, deduplicate: true, claims: claims.map((c) => c.text) })) {
        if (item.kind === 'skipped') continue;
        if (item.kind === 'failure') {
          const { id, file, line } = item.article;
          log.report({ severity: 'error', code: 'track/failed', message: `article "${id}" failed: ${item.reason}`, ...(file !== undefined ? { file } : {}), ...(line !== undefined ? { line } : {}) });
          continue;
        }
        for (const diagnostic of item.diagnostics) log.report(diagnostic);
        analysed++;
        let found: readonly TrackRow[];
        if (item.track !== undefined) {
          found = item.track.split('\n').map((line) => JSON.parse(line) as TrackRow);
        } else {
          const article = JSON.parse(item.json) as AnalyzedArticle;
          const duplicateOf = article.duplicateOf?.id;
          const original = duplicateOf !== undefined ? byId.get(duplicateOf) : undefined;
          found = original && duplicateOf !== undefined
            ? original.map((row) => ({ ...row, id: article.id, outlet: article.outlet, duplicateOf }))
            : trackArticle(model, claims, article);
        }
        if (!found.some((row) => row.duplicateOf !== undefined)) byId.set(item.article.id, found);
        for (const row of found) {
          if (flags.format === 'jsonl') await writer.write(JSON.stringify(row));
          else rows.push(row);
        }
      }
      if (flags.format === 'md') await writer.write(renderTrackMarkdown(rows).trimEnd());
      if (flags.format === 'html') await writer.write(renderTrackHtml(rows).trimEnd());
    } finally {
      await writer.close();
    }
    if (analysed === 0) {
      process.stderr.write('narrascope: no article was read from the inputs\n');
      process.exitCode = 1;
      return;
    }
    process.exitCode = log.errors > 0 ? 1 : 0;
  });
}
