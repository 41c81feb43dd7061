/**
 * A file of article URLs (job input `{"urls": "lists/today.txt"}`, or `--urls FILE`): one URL per
 * line; blank lines and lines starting with `#` are skipped.
 */
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../types/index.js';

/** One URL of a list, with its line for diagnostics. */
export interface ListedUrl {
  readonly url: URL;
  readonly line: number;
}

/**
 * Read a URL list. A line that is not an http(s) URL is an error naming the file and line; the
 * other lines are still read.
 *
 * @example await readUrlList('lists/today.txt') // { urls: [{ url: URL, line: 1 }], diagnostics: [] }
 */
export async function readUrlList(file: string): Promise<{ urls: ListedUrl[]; diagnostics: Diagnostic[] }> {
  const urls: ListedUrl[] = [];
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    diagnostics.push({ severity: 'error', code: 'input/unreadable', message: `cannot read the URL list: ${error instanceof Error ? error.message : String(error)}`, file });
    return { urls, diagnostics };
  }
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    let url: URL | null = null;
    try {
      url = new URL(line);
    } catch {
      url = null;
    }
    if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      diagnostics.push({ severity: 'error', code: 'urls/bad-url', message: `not an http(s) URL: "${line}"`, file, line: index + 1 });
      return;
    }
    url.hash = '';
    urls.push({ url, line: index + 1 });
  });
  if (urls.length === 0 && diagnostics.length === 0) diagnostics.push({ severity: 'warning', code: 'urls/empty', message: 'the URL list holds no URL', file });
  return { urls, diagnostics };
}
