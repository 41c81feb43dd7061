import { readFile } from 'node:fs/promises';
import { readerView } from '../adapters/readability.js';
import { decodeUtf8, firstInvalidLine } from './decode.js';
import { problem, type IngestEvent, type IngestOptions } from './events.js';
import { recordToArticle } from './record.js';

/**
 * Read one HTML page as an article: reader view (Readability over linkedom) extracts the body and
 * title, so menus, footers and related-story rails never reach the text. The article's `text` is
 * the extracted body, one paragraph per line block; its spans index that text.
 */
export async function* readHtml(file: string, id: string, options: IngestOptions = {}): AsyncGenerator<IngestEvent> {
  const bytes = await readFile(file);
  const html = decodeUtf8(bytes);
  if (html === null) {
    yield problem('html/not-utf8', 'file is not valid UTF-8', { file, line: firstInvalidLine(bytes) });
    return;
  }
  yield* htmlToArticle(html, id, file, options);
}

/**
 * One HTML page's text (a file's, or a fetched page's: `file` is then its URL) as an article,
 * through the reader view; a page without an article body is a diagnostic.
 */
export function htmlToArticle(html: string, id: string, file: string, options: IngestOptions = {}): IngestEvent[] {
  const view = readerView(html);
  if (!view || view.text.trim() === '') {
    return [problem('html/no-article', 'reader view found no article body in this page', { file })];
  }
  if (!isProse(view.text)) {
    const shown = view.text.replace(/\s+/g, ' ').trim();
    return [problem('html/no-article', `reader view found no article body in this page, only "${shown.length > 80 ? `${shown.slice(0, 80)}...` : shown}"`, { file })];
  }
  const record = {
    id,
    text: view.text,
    title: view.title,
    outlet: view.siteName,
    date: view.publishedTime,
    url: view.url,
  };
  // Field mapping applies to JSONL only: here the record already uses the default names.
  return recordToArticle(record, { file }, id, { ...options, fields: {} });
}

/**
 * Whether reader view's text is an article body rather than leftovers of a page without one
 * (a menu: "Home About"): at least 140 characters (Readability's own threshold for a readable
 * page), or one sentence of four or more words ("The minister resigned on Monday.").
 */
export function isProse(text: string): boolean {
  if (text.trim().length >= 140) return true;
  return /(?:^|\s)\p{L}[\p{L}\p{N}'’-]*(?:[\s,;:]+[\p{L}\p{N}'’-]+){3,}[.!?…]["”’)]?(?=\s|$)/u.test(text);
}
