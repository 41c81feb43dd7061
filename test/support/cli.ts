import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fromRecord } from '../../src/record/index.js';
import type { AnalyzedArticle } from '../../src/types/index.js';
import { ROOT } from './paths.js';

/** Result of running the real CLI as a separate process. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `bin/narrascope.js` with arguments, from the repository root (`env` added to the process's). */
export function runCli(args: readonly string[], input?: string, env?: Readonly<Record<string, string>>): CliRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'narrascope.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...(input !== undefined ? { input } : {}),
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Parse JSONL output, failing loudly on any line that is not JSON (stdout must hold only JSON). */
export function parseJsonl(text: string): unknown[] {
  return text.split('\n').filter((line) => line.length > 0).map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new Error(`stdout line ${i + 1} is not JSON: ${line.slice(0, 120)}`);
    }
  });
}

/** Parse `analyze` output back into in-memory analyses (the records are compact on disk). */
export function parseAnalyses(text: string): AnalyzedArticle[] {
  return parseJsonl(text).map(fromRecord);
}
