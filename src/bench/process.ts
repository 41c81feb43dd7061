import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Article } from '../types/index.js';
import type { RunnerTiming } from './parallel.js';
import { USAGE_MARK } from './usage-mark.js';

const countWords = (text: string): number => text.match(/\S+/g)?.length ?? 0;

/** `bin/narrascope.js` and the usage hook of this installation (always the compiled `dist/`). */
function paths(): { readonly bin: string; readonly hook: string } {
  const here = import.meta.url;
  const root = new URL('../../', here); // src/bench/ or dist/bench/: the package root is two up
  return { bin: fileURLToPath(new URL('bin/narrascope.js', root)), hook: fileURLToPath(new URL('dist/bench/usage-hook.js', root)) };
}

/**
 * The articles as one JSONL file in a temporary folder, for {@link benchmarkProcess}; the caller
 * removes the folder (`cleanup`).
 */
export function articlesFile(articles: readonly Article[]): { readonly file: string; readonly cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'narrascope-bench-'));
  const file = join(dir, 'articles.jsonl');
  writeFileSync(file, `${articles.map((a) => JSON.stringify({ id: a.id, outlet: a.outlet, date: a.date, title: a.title, url: a.url, text: a.text })).join('\n')}\n`);
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Time `narrascope analyze FILE --workers N` as a separate process, end to end: start-up and
 * model loading, reading and parsing the JSONL, clean and the duplicate check, the analysis,
 * ordering, and writing every line (to the null device). CPU time and peak RSS are the child's
 * own (all its threads), reported by a hook loaded with `node --import`.
 *
 * @example
 * const { file, cleanup } = articlesFile(articles);
 * try { await benchmarkProcess(file, articles, 2); } finally { cleanup(); }
 */
export async function benchmarkProcess(file: string, articles: readonly Article[], workers: number): Promise<RunnerTiming> {
  const words = articles.reduce((sum, a) => sum + countWords(a.text), 0);
  const { ms, usage } = await timeCommand(['analyze', file, '--workers', String(workers), '--quiet', '--out', devNull]);
  const seconds = ms / 1000;
  return {
    mode: 'process',
    workers,
    articles: articles.length,
    words,
    ms: Math.round(ms),
    articlesPerSecond: Math.round((articles.length / seconds) * 10) / 10,
    wordsPerSecond: Math.round(words / seconds),
    peakRssMb: Math.round(usage.peakRssMb),
    rssSamplesMb: [],
    cpuSeconds: Math.round(usage.cpuSeconds * 10) / 10,
  };
}

/** Wall time of one `narrascope` process and its own CPU time and peak RSS (from the usage hook). */
async function timeCommand(args: readonly string[]): Promise<{ readonly ms: number; readonly usage: { readonly cpuSeconds: number; readonly peakRssMb: number } }> {
  const { bin, hook } = paths();
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', pathToFileURL(hook).href, bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const code = await new Promise<number | null>((resolve, reject) => { child.on('error', reject); child.on('close', resolve); });
  const ms = performance.now() - start;
  const usageLine = stderr.split('\n').find((l) => l.startsWith(USAGE_MARK));
  if (code !== 0 || !usageLine) throw new Error(`narrascope bench: ${args.slice(0, 1).join(' ')} ${args.slice(2).join(' ')} failed (exit ${String(code)}): ${stderr.split('\n').filter((l) => !l.startsWith(USAGE_MARK)).join('\n').slice(0, 2000)}`);
  return { ms, usage: JSON.parse(usageLine.slice(USAGE_MARK.length)) as { cpuSeconds: number; peakRssMb: number } };
}

/** Start-up of one command: median wall time and CPU time of a few fresh processes. */
export interface StartupTiming {
  readonly command: string;
  readonly runs: number;
  readonly wallMs: number;
  readonly cpuMs: number;
}

/**
 * How long a user waits for a command that does almost nothing: `narrascope --version`, and
 * `analyze` of one article (the first of `file`, written to a file of its own) with 1 and 2
 * workers (`--workers 2` starts the pool even for one article). Each is run `runs` times in a
 * fresh process; the medians count.
 *
 * @example
 * const rows = await benchmarkStartup(articles[0]); // [{ command: 'narrascope --version', wallMs: 95, cpuMs: 80 }, ...]
 */
export async function benchmarkStartup(article: Article, runs = 3): Promise<StartupTiming[]> {
  const { file, cleanup } = articlesFile([article]);
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  try {
    const commands: [string, string[]][] = [
      ['narrascope --version', ['--version']],
      ['analyze 1 article --workers 1', ['analyze', file, '--workers', '1', '--quiet', '--out', devNull]],
      ['analyze 1 article --workers 2', ['analyze', file, '--workers', '2', '--quiet', '--out', devNull]],
    ];
    const rows: StartupTiming[] = [];
    for (const [command, args] of commands) {
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < runs; i++) {
        const { ms, usage } = await timeCommand(args);
        wall.push(ms);
        cpu.push(usage.cpuSeconds * 1000);
      }
      rows.push({ command, runs, wallMs: Math.round(median(wall)), cpuMs: Math.round(median(cpu)) });
    }
    return rows;
  } finally {
    cleanup();
  }
}

/** The start-up rows as text. */
export function formatStartup(rows: readonly StartupTiming[]): string {
  return `start-up (median of ${rows[0]?.runs ?? 0} fresh processes; targets: --version < 0.3 s, one article < 1.5 s):\n${rows.map((r) => `  ${r.command.padEnd(32)} ${String(r.wallMs).padStart(6)} ms wall  ${String(r.cpuMs).padStart(6)} ms CPU`).join('\n')}\n`;
}
