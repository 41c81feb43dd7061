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
  yield htmlToArticle(html, id, file, options);
}

/**
 * One HTML page's text (a file's, or a fetched page's: `file` is then its URL) as an article,
 * through the reader view; a page without an article body is a diagnostic.
 */
export function htmlToArticle(html: string, id: string, file: string, options: IngestOptions = {}): IngestEvent {
  const view = readerView(html);
  if (!view || view.text.trim() === '') {
    return problem('html/no-article', 'reader view found no article body in this page', { file });
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
