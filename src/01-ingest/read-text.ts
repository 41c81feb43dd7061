import { readFile } from 'node:fs/promises';
import { decodeUtf8, firstInvalidLine } from './decode.js';
import { problem, type IngestEvent, type IngestOptions } from './events.js';
import { recordToArticle } from './record.js';

// "---\ntitle: ...\noutlet: ...\n---\n": optional metadata block at the top of a .txt article.
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/**
 * Read a plain-text article. An optional front-matter block (`key: value` lines between `---`
 * lines) supplies metadata; the article text is everything after it, byte for byte.
 */
export async function* readText(file: string, id: string, options: IngestOptions = {}): AsyncGenerator<IngestEvent> {
  const bytes = await readFile(file);
  const decoded = decodeUtf8(bytes);
  if (decoded === null) {
    yield problem('text/not-utf8', 'file is not valid UTF-8', { file, line: firstInvalidLine(bytes) });
    return;
  }
  const content = decoded.replace(/^\uFEFF/, '');
  const front = FRONT_MATTER.exec(content);
  const record: Record<string, string> = { id };
  if (front?.[1]) {
    for (const line of front[1].split(/\r?\n/)) {
      const match = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
      if (match?.[1] && match[2] !== undefined) record[match[1]] = match[2].trim();
    }
  }
  const text = front ? content.slice(front[0].length) : content;
  // Front matter uses the default field names; --*-field flags are for JSONL.
  yield* recordToArticle(record, { file }, id, { ...options, fields: {} }, text);
}
