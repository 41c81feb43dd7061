import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { JobStore } from '../src/store/store.js';
import { runCli } from './support/cli.js';
import { ROOT } from './support/paths.js';
import { syntheticJsonl } from './support/synthetic.js';
import { tempDir } from './support/temp.js';

const ARTICLES = 800;

function setUp(): { dir: string; job: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'feed.jsonl'), syntheticJsonl(ARTICLES));
  const job = join(dir, 'job.json');
  // One event per article keeps the report cheap: these tests are about the store, not narratives.
  writeFileSync(job, JSON.stringify({ name: 'feed', inputs: ['feed.jsonl'], grouping: { field: 'id' }, outputs: { directory: 'out', formats: ['json'] }, store: 'store.db', workers: 1 }));
  return { dir, job };
}

function start(args: readonly string[]): { child: ChildProcess; exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'narrascope.js'), ...args], { cwd: ROOT });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

/** Wait until the store shows a running run with at least one committed batch. */
async function untilCheckpointed(store: string): Promise<number> {
  for (let i = 0; i < 600; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    try {
      const db = new Database(store, { readonly: true, fileMustExist: true });
      try {
        const row = db.prepare("SELECT articles FROM runs WHERE status = 'running' ORDER BY id DESC LIMIT 1").get() as { articles: number } | undefined;
        if (row && row.articles > 0) return row.articles;
      } finally {
        db.close();
      }
    } catch {
      // Not created yet, or mid-migration.
    }
  }
  throw new Error('the run never recorded a batch');
}

describe('job runs and faults', () => {
  it('kill -9 mid-run leaves the store consistent; the next run completes with nothing lost or counted twice', async () => {
    const { dir, job } = setUp();
    const store = join(dir, 'store.db');
    const killed = start(['run', job, '--quiet']);
    await untilCheckpointed(store);
    killed.child.kill('SIGKILL');
    expect(await killed.exited).toBeNull();

    const next = runCli(['run', job, '--quiet', '--json']);
    expect(next.status, next.stderr).toBe(0);
    const outcome = JSON.parse(next.stdout) as { runId: number; articles: number; analysed: number; reused: number; duplicates: number; failedArticles: number };
    expect(outcome.articles).toBe(ARTICLES);
    expect(outcome.analysed + outcome.reused + outcome.duplicates + outcome.failedArticles).toBe(ARTICLES);

    const s = JobStore.open(store);
    try {
      const [second, first] = s.runs('feed');
      expect(first).toMatchObject({ id: 1, status: 'failed' });
      expect(first?.error).toMatch(/abandoned: process \d+/);
      // Every analysis the killed run committed was reused, none was analysed twice.
      const committed = s.runArticles(1).filter((a) => a.outcome === 'analysed').length;
      expect(committed).toBeGreaterThan(0);
      expect(committed).toBe(first?.analysed);
      expect(second).toMatchObject({ id: 2, status: 'succeeded', reused: committed });
      expect(s.analysisCount()).toBe(committed + outcome.analysed);
      expect(s.runArticles(2).length).toBe(ARTICLES);
      expect(s.lockHolder('feed')).toBeUndefined();
    } finally {
      s.close();
    }
  });

  it('a second run of a running job is refused (exit 75); SIGTERM checkpoints the first (exit 143)', async () => {
    const { dir, job } = setUp();
    const store = join(dir, 'store.db');
    const first = start(['run', job, '--quiet']);
    await untilCheckpointed(store);
    const second = runCli(['run', job, '--quiet']);
    expect(second.status).toBe(75);
    expect(second.stderr).toMatch(/job "feed" is already running \(run 1\) in process \d+/);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(143);
    expect(first.stderr()).toContain('interrupted');

    const s = JobStore.open(store);
    const interrupted = s.run('feed', 1);
    s.close();
    expect(interrupted).toMatchObject({ status: 'failed' });
    expect(interrupted?.error).toMatch(/interrupted after \d+ articles/);
    // The refused run recorded nothing.
    expect(JSON.parse(runCli(['history', job, '--format', 'json']).stdout)).toHaveLength(1);
    const third = JSON.parse(runCli(['run', job, '--quiet', '--json']).stdout) as { reused: number; articles: number };
    expect(third.articles).toBe(ARTICLES);
    expect(third.reused).toBe(interrupted?.analysed);
  });
});
