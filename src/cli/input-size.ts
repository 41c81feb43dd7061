import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Total size in bytes of the input files and folders (recursively), or null for standard input;
 * stops counting once past `enough` (only "small or not" is asked). Missing paths count 0: ingest
 * reports them.
 *
 * @example
 * await inputBytes(['corpus.jsonl']); // 6_400_000
 */
export async function inputBytes(inputs: readonly string[], enough = Infinity): Promise<number | null> {
  let total = 0;
  const visit = async (path: string): Promise<void> => {
    if (total > enough) return;
    let info;
    try { info = await stat(path); } catch { return; }
    if (info.isDirectory()) {
      for (const name of await readdir(path)) if (!name.startsWith('.')) await visit(join(path, name));
    } else {
      total += info.size;
    }
  };
  for (const input of inputs) {
    if (input === '-') return null;
    await visit(input);
  }
  return total;
}
