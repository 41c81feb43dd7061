import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { IngestEvent, IngestOptions } from './events.js';
import { readJsonlStream } from './read-jsonl.js';

/**
 * Read a gzipped JSONL file (`corpus.jsonl.gz`), decompressing as it streams: memory stays bounded
 * by the longest line, as for plain JSONL, and line numbers count decompressed lines. A corrupt or
 * truncated archive ends the file with an `input/unreadable` diagnostic after the lines that did
 * decompress.
 *
 * @example
 * for await (const event of readJsonlGz('news-2024.jsonl.gz')) if (event.kind === 'article') count++;
 */
export async function* readJsonlGz(file: string, options: IngestOptions = {}): AsyncGenerator<IngestEvent> {
  const source = createReadStream(file, options.signal ? { signal: options.signal } : {});
  const gunzip = createGunzip();
  // pipe() does not forward errors: a read error must also fail the stream being iterated.
  source.on('error', (error) => gunzip.destroy(error));
  yield* readJsonlStream(source.pipe(gunzip) as AsyncIterable<Buffer>, file, options);
}
