/**
 * Determinism as a property: an article's output record is a function of its text, its options
 * and the model files only. Whatever came before it in the process (input order, batch, which
 * worker thread got it, a kill -9 and --resume), the CLI writes the same bytes for it; and two
 * fresh runs of a job give the same narratives, ids and report.
 *
 * The articles: the shipped corpora always, plus the first articles of the AllSides triplets in
 * ../shared when present (their texts go to a temporary folder, never into the repository).
 * Records are compared by id, as CLI output lines, so the test holds whatever the record format.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticles } from '../src/01-ingest/index.js';
import { parseJob, runJob } from '../src/jobs/index.js';
import { ROOT, SHARED } from './support/paths.js';
import { tempDir } from './support/temp.js';

const TRIPLETS = join(SHARED, 'corpora', 'article_bias_prediction', 'lcr_topic_date_triplets.jsonl');
const HAS_TRIPLETS = existsSync(TRIPLETS);
if (!HAS_TRIPLETS) console.warn(`narrascope tests: ${TRIPLETS} not found; the determinism test uses the shipped corpora only.`);
/** Triplet articles added to the shipped ones (about 2 s of analysis each run on 2 cores). */
const FROM_TRIPLETS = 210;

interface Input { readonly id: string; readonly outlet: string | null; readonly title: string | null; readonly date: string | null; readonly text: string }

const dir = tempDir();
let articles: Input[] = [];

/** Run the CLI; resolves with its exit code and stderr. */
function cli(args: readonly string[], onStart?: (kill: () => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'narrascope.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  onStart?.(() => child.kill('SIGKILL'));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

function writeInput(name: string, items: readonly Input[]): string {
  const path = join(dir, name);
  writeFileSync(path, items.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return path;
}

/** Output lines by article id (every line must be JSON with a string id, each id once). */
function recordsOf(path: string): Map<string, string> {
  const records = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '') continue;
    const id = (JSON.parse(line) as { id: unknown }).id;
    if (typeof id !== 'string' || records.has(id)) throw new Error(`bad or repeated id in ${path}: ${String(id)}`);
    records.set(id, line);
  }
  return records;
}

/** Ids whose record differs from the reference (or is missing). */
function differing(reference: Map<string, string>, other: Map<string, string>): string[] {
  return [...reference].filter(([id, line]) => other.get(id) !== line).map(([id]) => id);
}

/** Fisher-Yates with a fixed linear congruential generator: the same shuffle on every machine. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let state = 20240322;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = Math.floor((state / 2147483648) * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const ANALYZE = ['--quiet', '--no-dedupe', '--tokens'];
let reference = new Map<string, string>();
let referenceFile = '';

beforeAll(async () => {
  for await (const a of ingestArticles([join(ROOT, 'corpora')])) articles.push({ id: a.id, outlet: a.outlet, title: a.title, date: a.date, text: a.text });
  if (HAS_TRIPLETS) {
    const lines = readFileSync(TRIPLETS, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const triplets: Input[] = [];
    for (const line of lines) {
      for (const a of (JSON.parse(line) as { articles: Record<string, string>[] }).articles) {
        triplets.push({ id: String(a['ID']), outlet: a['source'] ?? null, title: a['title'] ?? null, date: a['date'] ?? null, text: String(a['content_original']) });
      }
      if (triplets.length >= FROM_TRIPLETS) break;
    }
    articles = [...articles, ...triplets.slice(0, FROM_TRIPLETS)];
  }
  referenceFile = join(dir, 'forward.out.jsonl');
  const run = await cli(['analyze', writeInput('forward.jsonl', articles), '--workers', '1', ...ANALYZE, '--out', referenceFile]);
  expect(run.stderr).toBe('');
  reference = recordsOf(referenceFile);
  expect(reference.size).toBe(articles.length);
}, 120_000);

// The outputs hold every token of every article (some 200 MB in all): do not leave them behind.
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('determinism: an article gives the same bytes whatever else the run holds', () => {
  it('in reverse order, one worker', async () => {
    const out = join(dir, 'reverse.out.jsonl');
    await cli(['analyze', writeInput('reverse.jsonl', [...articles].reverse()), '--workers', '1', ...ANALYZE, '--out', out]);
    expect(differing(reference, recordsOf(out))).toEqual([]);
  }, 150_000);

  it('shuffled, two workers', async () => {
    const out = join(dir, 'shuffled.out.jsonl');
    await cli(['analyze', writeInput('shuffled.jsonl', shuffled(articles)), '--workers', '2', ...ANALYZE, '--out', out]);
    expect(differing(reference, recordsOf(out))).toEqual([]);
  }, 150_000);

  it('each alone in a fresh process', async () => {
    // The three articles most exposed to tokenizer history (most possessives, hyphenated and
    // dotted words: the strings wink's word cache used to decide); the first one of the forward
    // run is alone there already.
    const exposure = (a: Input): number => (a.text.match(/\w['’][sS]\b|\w[-.]\w/g) ?? []).length;
    const picks = articles.slice(1).sort((a, b) => exposure(b) - exposure(a) || a.id.localeCompare(b.id)).slice(0, 3);
    const outs = picks.map((a, i) => ({ id: a.id, input: writeInput(`alone-${i}.jsonl`, [a]), out: join(dir, `alone-${i}.out.jsonl`) }));
    await Promise.all(outs.map((o) => cli(['analyze', o.input, '--workers', '1', ...ANALYZE, '--out', o.out])));
    for (const o of outs) expect(recordsOf(o.out).get(o.id), o.id).toBe(reference.get(o.id));
  }, 150_000);

  it('killed with kill -9 mid-run and continued with --resume, two workers: the same file, byte for byte', async () => {
    const input = join(dir, 'forward.jsonl');
    const out = join(dir, 'killed.out.jsonl');
    const total = statSync(referenceFile).size;
    let killedAt = 0;
    let timer: NodeJS.Timeout | undefined;
    const first = await cli(['analyze', input, '--workers', '2', ...ANALYZE, '--out', out], (kill) => {
      // Kill once about a third of the output is on disk (possibly in the middle of a line).
      timer = setInterval(() => {
        const size = existsSync(out) ? statSync(out).size : 0;
        if (size > total / 3) {
          killedAt = size;
          clearInterval(timer);
          kill();
        }
      }, 10);
    });
    clearInterval(timer);
    expect(first.signal).toBe('SIGKILL');
    expect(killedAt).toBeLessThan(total);
    const second = await cli(['analyze', input, '--workers', '2', ...ANALYZE, '--out', out, '--resume']);
    expect(second.code).toBe(0);
    expect(readFileSync(out).equals(readFileSync(referenceFile))).toBe(true);
  }, 150_000);
});

describe('determinism: reports', () => {
  it('compare gives the same report bytes with one worker or two, its time fixed by SOURCE_DATE_EPOCH', () => {
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
    const run = (workers: string): string => {
      const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'narrascope.js'), 'compare', 'corpora', '--format', 'html', '--workers', workers, '--quiet'], { cwd: ROOT, env, encoding: 'utf8' });
      expect(result.status).toBe(0);
      return result.stdout;
    };
    const one = run('1');
    expect(one).toContain('2023-11-14T22:13:20.000Z');
    expect(run('2')).toBe(one);
  }, 60_000);
});

describe('determinism: jobs', () => {
  it('two fresh runs of one job give the same narratives, ids and report, the second after the process has read them all', async () => {
    // In one process, one worker (the calling thread): the second run analyses every article
    // after the process has read all of them once, the first one after only those before it.
    const input = writeInput('job-input.jsonl', articles.slice(0, 120));
    const reports: string[] = [];
    for (const k of [1, 2]) {
      const raw = { name: 'same', inputs: [input], grouping: 'auto', workers: 1, outputs: { directory: `job-out-${k}`, formats: ['json'] }, store: `job-store-${k}.db` };
      const outcome = await runJob(parseJob(raw, join(dir, `job-${k}.json`)));
      expect(outcome).toMatchObject({ runId: 1, failedArticles: 0 });
      expect(outcome.narratives).toBeGreaterThan(0);
      // The time the report was made is the one thing a run may add.
      reports.push(JSON.stringify({ ...outcome.report, generatedAt: '' }));
    }
    expect(reports[1]).toBe(reports[0]);
  }, 150_000);
});
