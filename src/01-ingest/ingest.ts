import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Article, Diagnostic } from '../types/index.js';
import { problem, type IngestEvent, type IngestOptions } from './events.js';
import { readHtml } from './read-html.js';
import { readJsonl, readJsonlStream } from './read-jsonl.js';
import { readJsonlGz } from './read-jsonl-gz.js';
import { readText } from './read-text.js';
import { UniqueIds } from './unique-ids.js';

/** Input formats narrascope reads, by file extension. */
export type InputFormat = 'text' | 'jsonl' | 'jsonl-gz' | 'html';

const FORMATS: Readonly<Record<string, InputFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.html': 'html',
  '.htm': 'html',
};

const DOCUMENTATION = /^(readme|license|licence|notice|changelog|source)([.-]|$)/i;

/** The format of a file, judged by its extension, or null when narrascope cannot read it. */
export function formatOf(file: string): InputFormat | null {
  // Gzipped JSONL is the one double extension: `corpus.jsonl.gz`, `dump.ndjson.gz`.
  if (/\.(jsonl|ndjson)\.gz$/i.test(file)) return 'jsonl-gz';
  return FORMATS[extname(file).toLowerCase()] ?? null;
}

/**
 * Read articles from files and folders (or `-`: JSONL on standard input), streaming: `.txt` (one article per file, optional front
 * matter), `.jsonl` (one article per line) and `.html` (reader view). A folder is a corpus: its
 * readable files are read in name order, recursively; other files in it are skipped with a warning.
 *
 * Problems (unreadable file, unknown format, bad line, invalid UTF-8) are yielded as diagnostics
 * and reading goes on with the next record. Ids are unique over all inputs: a repeated id becomes
 * `ID#2` with a `record/duplicate-id` warning (see {@link UniqueIds}).
 *
 * @example
 * for await (const event of ingest(['corpora/'])) {
 *   if (event.kind === 'article') console.log(event.article.id);
 *   else console.error(event.diagnostic.message);
 * }
 */
export async function* ingest(inputs: readonly string[], options: IngestOptions = {}): AsyncGenerator<IngestEvent> {
  const ids = new UniqueIds();
  for (const input of inputs) {
    if (options.signal?.aborted) return;
    for await (const event of ingestPath(input, options, true)) {
      if (event.kind === 'article') yield* ids.admit(event.article);
      else yield event;
    }
  }
}

async function* ingestPath(path: string, options: IngestOptions, explicit: boolean): AsyncGenerator<IngestEvent> {
  // "-" reads JSONL from standard input: `zcat corpus.jsonl.gz | narrascope analyze -`.
  if (path === '-') {
    yield* readJsonlStream(process.stdin as AsyncIterable<Buffer>, '<stdin>', options);
    return;
  }
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    yield problem('input/unreadable', `cannot read input: ${reason(error)}`, { file: path });
    return;
  }
  if (info.isDirectory()) {
    let names: string[];
    try {
      names = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
    } catch (error) {
      yield problem('input/unreadable', `cannot list folder: ${reason(error)}`, { file: path });
      return;
    }
    for (const name of names) {
      if (options.signal?.aborted) return;
      yield* ingestPath(join(path, name), options, false);
    }
    return;
  }
  // A corpus folder's README or licence documents the corpus; it is not an article.
  if (!explicit && DOCUMENTATION.test(basename(path))) return;
  const format = formatOf(path);
  if (format === null) {
    if (explicit) {
      yield problem('input/unknown-format', `unknown input format "${extname(path) || '(no extension)'}": expected .txt, .jsonl, .jsonl.gz or .html`, { file: path });
    } else {
      yield problem('input/skipped', `skipped: not a .txt, .jsonl, .jsonl.gz or .html file`, { file: path }, 'warning');
    }
    return;
  }
  const id = basename(path, extname(path));
  try {
    if (format === 'jsonl') yield* readJsonl(path, options);
    else if (format === 'jsonl-gz') yield* readJsonlGz(path, options);
    else if (format === 'html') yield* readHtml(path, id, options);
    else yield* readText(path, id, options);
  } catch (error) {
    if (options.signal?.aborted) return;
    yield problem('input/unreadable', `cannot read file: ${reason(error)}`, { file: path });
  }
}

function reason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const message = error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
    return message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Only the articles of the inputs; diagnostics go to `onDiagnostic` (default: ignored), so a
 * library caller can feed {@link ingest}'s output straight into `analyze`.
 */
export async function* ingestArticles(
  inputs: readonly string[],
  options: IngestOptions & { readonly onDiagnostic?: (diagnostic: Diagnostic) => void } = {},
): AsyncGenerator<Article> {
  for await (const event of ingest(inputs, options)) {
    if (event.kind === 'article') yield event.article;
    else options.onDiagnostic?.(event.diagnostic);
  }
}
