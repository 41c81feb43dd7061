import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatOf } from '../01-ingest/index.js';

/**
 * How many records the inputs hold, for the progress bar's ETA, or null when that cannot be told
 * cheaply: standard input, a feed URL, or gzipped JSONL (which would have to be decompressed twice). A JSONL
 * file counts its newlines (a byte scan, ~1 GB/s, run alongside the analysis); any other article
 * file counts one. The count includes bad and blank lines, so it is an upper bound.
 *
 * @example
 * const total = await countRecords(['corpus.jsonl', 'more/']); // 120000
 */
export async function countRecords(inputs: readonly string[]): Promise<number | null> {
  let total = 0;
  for (const input of inputs) {
    // Standard input, and a feed (its entries are known only once it is fetched).
    if (input === '-' || /^https?:\/\//i.test(input)) return null;
    const count = await countPath(input);
    if (count === null) return null;
    total += count;
  }
  return total;
}

async function countPath(path: string): Promise<number | null> {
  let info;
  try { info = await stat(path); } catch { return 0; }
  if (info.isDirectory()) {
    let total = 0;
    for (const name of (await readdir(path)).filter((n) => !n.startsWith('.'))) {
      const count = await countPath(join(path, name));
      if (count === null) return null;
      total += count;
    }
    return total;
  }
  const format = formatOf(path);
  if (format === 'jsonl-gz') return null;
  if (format !== 'jsonl') return format === null ? 0 : 1;
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
    last = chunk[chunk.length - 1] ?? last;
  }
  return last === 0x0a ? lines : lines + 1;
}
