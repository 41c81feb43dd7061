import { createReadStream } from 'node:fs';
import { decodeUtf8 } from './decode.js';
import { problem, type IngestEvent, type IngestOptions } from './events.js';
import { recordToArticle } from './record.js';

/**
 * Stream the lines of a file as raw bytes, split on "\n". Decoding happens per line, so one line
 * of invalid UTF-8 is reported with its number and the rest of the file still reads. Memory use is
 * bounded by the longest line, not the file.
 */
async function* byteLines(stream: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array> {
  let pending: Buffer[] = [];
  for await (const chunk of stream) {
    let from = 0;
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, from)) {
      pending.push(chunk.subarray(from, i));
      yield Buffer.concat(pending);
      pending = [];
      from = i + 1;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}

/**
 * Read a JSONL file, one article per line. Blank lines are skipped. Lines that are not JSON, not
 * an object, lack the text field, or carry an empty or huge text become diagnostics naming the
 * file, line and field; every other line still becomes an article.
 */
export async function* readJsonl(file: string, options: IngestOptions = {}): AsyncGenerator<IngestEvent> {
  const stream = createReadStream(file, options.signal ? { signal: options.signal } : {});
  yield* readJsonlStream(stream as AsyncIterable<Buffer>, file, options);
}

/**
 * Read JSONL from any byte stream (e.g. `process.stdin`); `name` stands for the file in messages.
 */
export async function* readJsonlStream(stream: AsyncIterable<Buffer>, name: string, options: IngestOptions = {}): AsyncGenerator<IngestEvent> {
  const file = name;
  let line = 0;
  for await (const bytes of byteLines(stream)) {
    if (options.signal?.aborted) return;
    line++;
    const decoded = decodeUtf8(bytes);
    if (decoded === null) {
      yield problem('jsonl/not-utf8', 'line is not valid UTF-8', { file, line });
      continue;
    }
    const source = decoded.replace(/\r$/, '').replace(/^\uFEFF/, '');
    if (source.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(source);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      yield problem('jsonl/invalid-json', `line is not valid JSON (${reason})`, { file, line });
      continue;
    }
    yield* recordToArticle(record, { file, line }, `${baseName(file)}:${line}`, options);
  }
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}
