/**
 * A job's inputs: files, folders, or glob patterns expanded with tinyglobby (a small, well-kept
 * glob library: Node 20 has no `fs.glob`, and hand-written globbing gets `**` and braces wrong).
 */
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Diagnostic } from '../types/index.js';

/**
 * Expand glob patterns into the files they match (sorted, so runs read articles in a stable
 * order); plain paths are kept as they are. A pattern that matches nothing is a warning, not an
 * error: a daily job may find no new files.
 *
 * @example await expandInputs(['/data/feeds/*.jsonl', '/data/extra.txt'], console.warn)
 */
export async function expandInputs(inputs: readonly string[], report: (diagnostic: Diagnostic) => void): Promise<string[]> {
  const expanded: string[] = [];
  for (const input of inputs) {
    if (!isDynamicPattern(input)) {
      expanded.push(input);
      continue;
    }
    const files = (await glob(input, { absolute: true, onlyFiles: true, dot: false, expandDirectories: false })).sort();
    if (files.length === 0) report({ severity: 'warning', code: 'input/no-match', message: `input pattern matched no file: ${input}`, file: input });
    expanded.push(...files);
  }
  return expanded;
}
