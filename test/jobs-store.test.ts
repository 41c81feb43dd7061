import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/store/migrations.js';
import { JobStore, type RunArticle } from '../src/store/store.js';
import { tempDir } from './support/temp.js';

const article = (ordinal: number, outcome: RunArticle['outcome'] = 'analysed'): RunArticle => ({
  ordinal, hash: `h${ordinal}`, articleId: `a${ordinal}`, outlet: 'X', title: null, date: null, outcome,
  ...(outcome === 'analysed' ? { analysis: JSON.stringify({ id: `a${ordinal}` }) } : {}),
});

/** A pid that is certainly not running: a child that has already exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid ?? 999_999;

describe('the job store', () => {
  it('creates the schema at the current version and refuses a newer one', () => {
    const path = join(tempDir(), 'nested', 'store.db');
    const store = JobStore.open(path);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    store.close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => JobStore.open(path)).toThrow(/newer than this narrascope knows/);
  });

  it('records batches with their counts and keeps analyses by hash and analyzer', () => {
    const store = JobStore.open(join(tempDir(), 's.db'));
    expect(store.acquireLock('job', 'me')).toBeNull();
    const run = store.startRun('job', 'an1', 'jobhash');
    store.recordArticles(run, 'an1', [article(0), article(1), article(2, 'duplicate'), { ...article(3, 'failed'), reason: 'boom' }]);
    expect(store.run('job', run)).toMatchObject({ status: 'running', articles: 4, analysed: 2, duplicates: 1, failedArticles: 1 });
    expect(store.hasAnalysis('h0', 'an1')).toBe(true);
    expect(store.hasAnalysis('h0', 'an2')).toBe(false);
    expect(store.hasAnalysis('h2', 'an1')).toBe(false);
    expect(JSON.parse(store.analysis('h1', 'an1') ?? 'null')).toEqual({ id: 'a1' });
    expect(store.runArticles(run).map((a) => a.outcome)).toEqual(['analysed', 'analysed', 'duplicate', 'failed']);
    store.failRun(run, 'stopped');
    expect(store.run('job', run)).toMatchObject({ status: 'failed', error: 'stopped' });
    store.close();
  });

  it('a batch that fails half-way leaves nothing of itself', () => {
    const store = JobStore.open(join(tempDir(), 's.db'));
    store.acquireLock('job', 'me');
    const run = store.startRun('job', 'an1', 'h');
    // The same ordinal twice violates the primary key on the second row: the whole batch rolls back.
    expect(() => store.recordArticles(run, 'an1', [article(0), article(0)])).toThrow();
    expect(store.run('job', run)).toMatchObject({ articles: 0, analysed: 0 });
    expect(store.analysisCount()).toBe(0);
    store.close();
  });

  it('hands out stable narrative ids once', () => {
    const store = JobStore.open(join(tempDir(), 's.db'));
    expect(store.allocateNarrativeIds('job', 2)).toEqual(['N1', 'N2']);
    expect(store.allocateNarrativeIds('job', 0)).toEqual([]);
    expect(store.allocateNarrativeIds('job', 1)).toEqual(['N3']);
    expect(store.allocateNarrativeIds('other', 1)).toEqual(['N1']);
    store.close();
  });

  it('a live lock holder blocks; a dead or stale one is taken over and its run closed as failed', () => {
    const path = join(tempDir(), 's.db');
    const first = JobStore.open(path);
    expect(first.acquireLock('job', 'one')).toBeNull();
    const run = first.startRun('job', 'an', 'h');
    // This process is alive: a second owner is refused, and told who holds the job.
    const second = JobStore.open(path);
    expect(second.acquireLock('job', 'two')).toMatchObject({ owner: 'one', runId: run, pid: process.pid });
    expect(second.acquireLock('other-job', 'two')).toBeNull();
    // The holder dies (as after kill -9): its pid is gone.
    const db = new Database(path);
    db.prepare('UPDATE locks SET pid = ? WHERE job = ?').run(deadPid(), 'job');
    db.close();
    expect(second.acquireLock('job', 'two')).toBeNull();
    expect(second.run('job', run)).toMatchObject({ status: 'failed' });
    expect(second.run('job', run)?.error).toMatch(/abandoned: process \d+ .* stopped during the run/);
    second.releaseLock('job', 'two');
    expect(second.lockHolder('job')).toBeUndefined();
    first.close();
    second.close();
    // A heartbeat older than the stale limit frees the lock even when the pid is alive.
    const stale = JobStore.open(path, { staleLockMs: 0 });
    const other = JobStore.open(path, { staleLockMs: 0 });
    expect(stale.acquireLock('job', 'three')).toBeNull();
    expect(other.acquireLock('job', 'four')).toBeNull();
    stale.close();
    other.close();
  });
});
