import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobStore } from '../src/store/store.js';
import { ROOT } from './support/paths.js';
import { syntheticJsonl } from './support/synthetic.js';
import { tempDir } from './support/temp.js';

const EVERY_SECOND = '* * * * * *';

/** Start `narrascope schedule <dir>`; resolves its exit code and stderr once it ends. */
function schedule(dir: string): { stop: (signal: NodeJS.Signals) => void; done: Promise<{ code: number | null; stderr: string }>; stderr: () => string } {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'narrascope.js'), 'schedule', dir, '--workers', '1'], { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.stdout.resume();
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { stop: (signal) => child.kill(signal), done, stderr: () => stderr };
}

async function until(condition: () => boolean, what: string, ms = 45_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const runsOf = (store: string, job: string) => {
  const s = JobStore.open(store);
  try {
    return s.runs(job).reverse();
  } finally {
    s.close();
  }
};

describe('narrascope schedule', () => {
  it('fires jobs on their schedule, records a failing job and fires it again, and stops cleanly on SIGTERM', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'corpus'));
    copyFileSync(join(ROOT, 'corpora', 'seed', 'crocus-city-hall-attack.txt'), join(dir, 'corpus', 'seed.txt'));
    // The failing job reads its own article: with one shared article, whichever job fired first
    // would analyse it, and the good job's first run would sometimes only reuse it.
    mkdirSync(join(dir, 'corpus-bad'));
    copyFileSync(join(ROOT, 'corpora', 'crocus-outlets', 'gulf-monitor.txt'), join(dir, 'corpus-bad', 'gulf.txt'));
    writeFileSync(join(dir, 'blocked'), 'a file where an output folder should be');
    const jobs = join(dir, 'pipelines');
    mkdirSync(jobs);
    writeFileSync(join(jobs, 'good.json'), JSON.stringify({ name: 'good', inputs: ['../corpus'], outputs: { directory: '../out', formats: ['json'] }, schedule: EVERY_SECOND, store: '../store.db' }));
    writeFileSync(join(jobs, 'bad.json'), JSON.stringify({ name: 'bad', inputs: ['../corpus-bad'], outputs: { directory: '../blocked/out', formats: ['json'] }, schedule: EVERY_SECOND, store: '../store.db' }));
    writeFileSync(join(jobs, 'manual.json'), JSON.stringify({ name: 'manual', inputs: ['../corpus'], outputs: { directory: '../out' }, store: '../store.db' }));
    const store = join(dir, 'store.db');
    const scheduler = schedule(jobs);
    await until(() => runsOf(store, 'good').filter((r) => r.status === 'succeeded').length >= 2 && runsOf(store, 'bad').filter((r) => r.status === 'failed').length >= 2, 'two runs of each job');
    scheduler.stop('SIGTERM');
    const { code, stderr } = await scheduler.done;
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('job manual');
    expect(stderr).toMatch(/job good: run \d+ succeeded/);
    expect(stderr).toMatch(/job bad: run failed: .*; next run/);
    expect(stderr).toContain('scheduler stopped');
    const good = runsOf(store, 'good');
    // The first run analysed the article; later ones reused it.
    expect(good[0]).toMatchObject({ status: 'succeeded', analysed: 1, reused: 0 });
    expect(good[1]).toMatchObject({ status: 'succeeded', analysed: 0, reused: 1 });
    expect([...good, ...runsOf(store, 'bad')].filter((r) => r.status === 'running')).toEqual([]);
    expect(runsOf(store, 'manual')).toEqual([]);
  });

  it('two schedulers on one store never run the same job at once', async () => {
    const dir = tempDir();
    // Long enough (a few seconds) that both schedulers' ticks meet a run in progress.
    writeFileSync(join(dir, 'feed.jsonl'), syntheticJsonl(300));
    const jobs = join(dir, 'pipelines');
    mkdirSync(jobs);
    writeFileSync(join(jobs, 'feed.json'), JSON.stringify({ name: 'feed', inputs: ['../feed.jsonl'], grouping: { field: 'id' }, outputs: { directory: '../out', formats: ['json'] }, schedule: EVERY_SECOND, store: '../store.db' }));
    const store = join(dir, 'store.db');
    const a = schedule(jobs);
    const b = schedule(jobs);
    await until(() => runsOf(store, 'feed').filter((r) => r.status === 'succeeded').length >= 3, 'three runs');
    a.stop('SIGTERM');
    b.stop('SIGTERM');
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    expect(`${ra.stderr}${rb.stderr}`).toMatch(/tick skipped: job "feed" is already running/);
    const runs = runsOf(store, 'feed').filter((r) => r.finishedAt !== null);
    const spans = runs.map((r) => [Date.parse(r.startedAt), Date.parse(r.finishedAt ?? '')] as const).sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]?.[0]).toBeGreaterThanOrEqual(spans[i - 1]?.[1] ?? 0);
    // Articles were analysed once over all runs, whichever scheduler ran them.
    expect(runs.reduce((sum, r) => sum + r.analysed, 0)).toBe(runs[0]?.analysed);
  });
});
