/**
 * The embedded store of scheduled jobs: one SQLite file (better-sqlite3, no server) with articles
 * by content hash, their analyses, runs, per-run narratives and snapshots, reports and job locks.
 *
 * Every write that must stand or fall together is one transaction, so a process killed at any
 * instant (kill -9) leaves the store at the last committed batch: the next run re-analyses at most
 * the articles of the batch that was in flight, and counts nothing twice. WAL mode lets
 * `history` and `drift` read while a run writes.
 */
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { RunSnapshot } from '../types/drift.js';
import { FetchLog } from './fetch-log.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

/** What a run did with one article. */
export type ArticleOutcome = 'analysed' | 'reused' | 'duplicate' | 'failed';

/** One article of a run, as recorded. */
export interface RunArticle {
  readonly ordinal: number;
  readonly hash: string;
  readonly articleId: string;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly date: string | null;
  readonly outcome: ArticleOutcome;
  /** The analysis as one JSON line, for outcome `analysed` (stored for later runs). */
  readonly analysis?: string;
  /** Why the article failed, for outcome `failed`. */
  readonly reason?: string;
}

/** Status of a run: `running` until it ends, then `succeeded` or `failed`. */
export type RunStatus = 'running' | 'succeeded' | 'failed';

/** A run as stored. */
export interface RunRecord {
  readonly id: number;
  readonly job: string;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly articles: number;
  readonly analysed: number;
  readonly reused: number;
  readonly duplicates: number;
  readonly failedArticles: number;
  /** Narratives found; null until the run succeeded. */
  readonly narratives: number | null;
  readonly error: string | null;
  readonly analyzer: string;
  readonly pid: number;
  readonly host: string;
  /** What the run fetched for its feeds and URL lists (counts by kind), or null when it read none. */
  readonly fetched: Readonly<Record<string, number>> | null;
}

/** Who holds a job's lock. */
export interface LockHolder {
  readonly owner: string;
  readonly runId: number | null;
  readonly pid: number;
  readonly host: string;
  readonly acquiredAt: string;
  readonly heartbeatAt: string;
}

/** Options of {@link JobStore.open}. */
export interface StoreOptions {
  /**
   * A lock whose heartbeat is older than this is taken over even if its process seems alive
   * (another machine, or a pid reused after a crash).
   * @default 600_000 (10 minutes)
   */
  readonly staleLockMs?: number;
}

interface RunRow {
  id: number; job: string; status: RunStatus; started_at: string; finished_at: string | null; articles: number;
  analysed: number; reused: number; duplicates: number; failed_articles: number; narratives: number | null;
  error: string | null; analyzer: string; pid: number; host: string; fetched: string | null;
}
interface LockRow { owner: string; run_id: number | null; pid: number; host: string; acquired_at: string; heartbeat_at: string }

const now = (): string => new Date().toISOString();
const toRun = (r: RunRow): RunRecord => ({
  id: r.id, job: r.job, status: r.status, startedAt: r.started_at, finishedAt: r.finished_at, articles: r.articles,
  analysed: r.analysed, reused: r.reused, duplicates: r.duplicates, failedArticles: r.failed_articles,
  narratives: r.narratives, error: r.error, analyzer: r.analyzer, pid: r.pid, host: r.host,
  fetched: r.fetched === null ? null : (JSON.parse(r.fetched) as Record<string, number>),
});

/**
 * A job store on one SQLite file. Open with {@link JobStore.open}; close when done.
 *
 * @example
 * const store = JobStore.open('.narrascope/store.db');
 * try { console.log(store.runs('default')); } finally { store.close(); }
 */
export class JobStore {
  private readonly statements;
  private fetchLog: FetchLog | undefined;

  private constructor(private readonly db: Database.Database, readonly path: string, private readonly staleLockMs: number) {
    this.statements = {
      hasAnalysis: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM analyses WHERE hash = ? AND analyzer = ?'),
      analysis: db.prepare<[string, string], { body: Buffer }>('SELECT body FROM analyses WHERE hash = ? AND analyzer = ?'),
      insertArticle: db.prepare('INSERT OR IGNORE INTO articles (hash, article_id, outlet, title, date, first_run) VALUES (?, ?, ?, ?, ?, ?)'),
      insertAnalysis: db.prepare('INSERT OR REPLACE INTO analyses (hash, analyzer, body, created_at) VALUES (?, ?, ?, ?)'),
      insertRunArticle: db.prepare('INSERT INTO run_articles (run_id, ordinal, hash, article_id, outcome, reason) VALUES (?, ?, ?, ?, ?, ?)'),
      countRun: db.prepare(`UPDATE runs SET articles = articles + ?, analysed = analysed + ?, reused = reused + ?,
        duplicates = duplicates + ?, failed_articles = failed_articles + ?, heartbeat_at = ? WHERE id = ?`),
      run: db.prepare<[string, number], RunRow>('SELECT * FROM runs WHERE job = ? AND id = ?'),
      runs: db.prepare<[string, number], RunRow>('SELECT * FROM runs WHERE job = ? ORDER BY id DESC LIMIT ?'),
      lock: db.prepare<[string], LockRow>('SELECT owner, run_id, pid, host, acquired_at, heartbeat_at FROM locks WHERE job = ?'),
    };
  }

  /**
   * Open (creating if needed) the store at `path` and bring its schema up to date. Throws when the
   * file was written by a newer narrascope (a schema version this code does not know).
   */
  static open(path: string, options: StoreOptions = {}): JobStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    try {
      // Another process may hold the write lock for a batch: wait for it rather than fail.
      db.pragma('busy_timeout = 10000');
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      migrate(db, path);
    } catch (error) {
      db.close();
      throw error;
    }
    return new JobStore(db, path, options.staleLockMs ?? 600_000);
  }

  /** The schema version of the open store. */
  get schemaVersion(): number {
    return Number(this.db.pragma('user_version', { simple: true }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** What was fetched from the web for job inputs of kind feed or urls, and when. */
  get fetches(): FetchLog {
    this.fetchLog ??= new FetchLog(this.db);
    return this.fetchLog;
  }

  /** Whether `hash` has an analysis by `analyzer`. */
  hasAnalysis(hash: string, analyzer: string): boolean {
    return this.statements.hasAnalysis.get(hash, analyzer) !== undefined;
  }

  /** The stored analysis JSON line of `hash` by `analyzer`, if any. */
  analysis(hash: string, analyzer: string): string | undefined {
    const row = this.statements.analysis.get(hash, analyzer);
    return row ? inflateSync(row.body).toString('utf8') : undefined;
  }

  /**
   * Start a run of `job` (the caller holds the job's lock): a `running` row, returned by id.
   */
  startRun(job: string, analyzer: string, jobHash: string): number {
    const at = now();
    const result = this.db.prepare(`INSERT INTO runs (job, status, started_at, heartbeat_at, analyzer, job_hash, pid, host)
      VALUES (?, 'running', ?, ?, ?, ?, ?, ?)`).run(job, at, at, analyzer, jobHash, process.pid, hostname());
    const id = Number(result.lastInsertRowid);
    this.db.prepare('INSERT OR IGNORE INTO jobs (name) VALUES (?)').run(job);
    this.db.prepare('UPDATE locks SET run_id = ? WHERE job = ?').run(id, job);
    return id;
  }

  /**
   * Record a batch of a run's articles in one transaction: new articles and analyses, the run's
   * article rows and its counts. After a crash the batch is either all there or not at all.
   */
  recordArticles(runId: number, analyzer: string, batch: readonly RunArticle[]): void {
    if (batch.length === 0) return;
    const s = this.statements;
    this.db.transaction(() => {
      const counts = { analysed: 0, reused: 0, duplicate: 0, failed: 0 };
      const at = now();
      for (const a of batch) {
        counts[a.outcome]++;
        s.insertArticle.run(a.hash, a.articleId, a.outlet, a.title, a.date, runId);
        if (a.outcome === 'analysed' && a.analysis !== undefined) s.insertAnalysis.run(a.hash, analyzer, deflateSync(a.analysis), at);
        s.insertRunArticle.run(runId, a.ordinal, a.hash, a.articleId, a.outcome, a.reason ?? null);
      }
      s.countRun.run(batch.length, counts.analysed, counts.reused, counts.duplicate, counts.failed, at, runId);
      this.db.prepare('UPDATE locks SET heartbeat_at = ? WHERE run_id = ?').run(at, runId);
    })();
  }

  /** Record what a run fetched for its feeds and URL lists. */
  recordFetched(runId: number, counts: { readonly [kind: string]: number } | object): void {
    this.db.prepare('UPDATE runs SET fetched = ? WHERE id = ?').run(JSON.stringify(counts), runId);
  }

  /** Mark a run alive (and its lock), for long stretches without a batch (report building). */
  heartbeat(runId: number): void {
    const at = now();
    this.db.transaction(() => {
      this.db.prepare('UPDATE runs SET heartbeat_at = ? WHERE id = ?').run(at, runId);
      this.db.prepare('UPDATE locks SET heartbeat_at = ? WHERE run_id = ?').run(at, runId);
    })();
  }

  /** Hand out `count` new stable narrative ids for `job` ("N7", "N8", ...). */
  allocateNarrativeIds(job: string, count: number): string[] {
    if (count === 0) return [];
    return this.db.transaction(() => {
      this.db.prepare('INSERT OR IGNORE INTO jobs (name) VALUES (?)').run(job);
      const row = this.db.prepare<[string], { next: number }>('SELECT next_narrative AS next FROM jobs WHERE name = ?').get(job);
      const first = row?.next ?? 1;
      this.db.prepare('UPDATE jobs SET next_narrative = ? WHERE name = ?').run(first + count, job);
      return Array.from({ length: count }, (_, i) => `N${first + i}`);
    }).immediate();
  }

  /**
   * Finish a run successfully, in one transaction: its narratives, snapshot and report, and the
   * `succeeded` status. A run is never `succeeded` without all of them.
   */
  completeRun(runId: number, snapshot: RunSnapshot, reportJson: string, files: readonly string[]): void {
    this.db.transaction(() => {
      const insert = this.db.prepare('INSERT INTO narratives (run_id, narrative_id, event, label, claims, share, outlets) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const n of snapshot.narratives) insert.run(runId, n.id, n.event, n.label, n.claims, n.share, JSON.stringify(n.outlets));
      this.db.prepare('INSERT INTO snapshots (run_id, body) VALUES (?, ?)').run(runId, JSON.stringify(snapshot));
      this.db.prepare('INSERT INTO reports (run_id, body, files) VALUES (?, ?, ?)').run(runId, deflateSync(reportJson), JSON.stringify(files));
      this.db.prepare(`UPDATE runs SET status = 'succeeded', finished_at = ?, heartbeat_at = ?, narratives = ? WHERE id = ? AND status = 'running'`)
        .run(now(), now(), snapshot.narratives.length, runId);
    })();
  }

  /** Finish a run as failed, with the reason. Its recorded articles and analyses stay. */
  failRun(runId: number, error: string): void {
    this.db.prepare(`UPDATE runs SET status = 'failed', finished_at = ?, error = ? WHERE id = ? AND status = 'running'`).run(now(), error, runId);
  }

  /** One run of `job`, or undefined. */
  run(job: string, id: number): RunRecord | undefined {
    const row = this.statements.run.get(job, id);
    return row ? toRun(row) : undefined;
  }

  /** The runs of `job`, newest first. */
  runs(job: string, limit = 1_000_000): RunRecord[] {
    return this.statements.runs.all(job, limit).map(toRun);
  }

  /** The snapshot of a succeeded run, or undefined. */
  snapshot(runId: number): RunSnapshot | undefined {
    const row = this.db.prepare<[number], { body: string }>('SELECT body FROM snapshots WHERE run_id = ?').get(runId);
    return row ? (JSON.parse(row.body) as RunSnapshot) : undefined;
  }

  /** Snapshots of the succeeded runs of `job`, oldest first (the most recent `limit`). */
  snapshots(job: string, limit = 1_000_000): RunSnapshot[] {
    return this.db.prepare<[string, number], { body: string }>(`SELECT s.body FROM snapshots s JOIN runs r ON r.id = s.run_id
      WHERE r.job = ? ORDER BY r.id DESC LIMIT ?`).all(job, limit).map((r) => JSON.parse(r.body) as RunSnapshot).reverse();
  }

  /** The stored JSON report of a succeeded run, or undefined. */
  report(runId: number): string | undefined {
    const row = this.db.prepare<[number], { body: Buffer }>('SELECT body FROM reports WHERE run_id = ?').get(runId);
    return row ? inflateSync(row.body).toString('utf8') : undefined;
  }

  /** The articles a run recorded, in input order. */
  runArticles(runId: number): { ordinal: number; hash: string; articleId: string; outcome: ArticleOutcome; reason: string | null }[] {
    return this.db.prepare<[number], { ordinal: number; hash: string; article_id: string; outcome: ArticleOutcome; reason: string | null }>(
      'SELECT ordinal, hash, article_id, outcome, reason FROM run_articles WHERE run_id = ? ORDER BY ordinal',
    ).all(runId).map((r) => ({ ordinal: r.ordinal, hash: r.hash, articleId: r.article_id, outcome: r.outcome, reason: r.reason }));
  }

  /** Number of stored analyses (all analyzers): each article content is analysed at most once per analyzer. */
  analysisCount(analyzer?: string): number {
    const row = analyzer === undefined
      ? this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM analyses').get()
      : this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM analyses WHERE analyzer = ?').get(analyzer);
    return row?.n ?? 0;
  }

  /**
   * Take the lock of `job` for `owner`, in one IMMEDIATE transaction (so two processes cannot
   * both see it free). A lock whose process is gone (same host, pid not running) or whose
   * heartbeat is stale is taken over, and the run it guarded is marked failed: that is how a run
   * killed with kill -9 gets closed. Returns null when taken, else the live holder.
   */
  acquireLock(job: string, owner: string): LockHolder | null {
    return this.db.transaction((): LockHolder | null => {
      const row = this.statements.lock.get(job);
      if (row && this.alive(row)) return toHolder(row);
      const at = now();
      const reason = row
        ? `abandoned: process ${row.pid} on ${row.host} stopped during the run (killed or crashed); its recorded articles are kept`
        : 'abandoned: found running with no lock held';
      this.db.prepare(`UPDATE runs SET status = 'failed', finished_at = ?, error = ? WHERE job = ? AND status = 'running'`).run(at, reason, job);
      this.db.prepare(`INSERT INTO locks (job, owner, run_id, pid, host, acquired_at, heartbeat_at) VALUES (?, ?, NULL, ?, ?, ?, ?)
        ON CONFLICT (job) DO UPDATE SET owner = excluded.owner, run_id = NULL, pid = excluded.pid, host = excluded.host,
        acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at`).run(job, owner, process.pid, hostname(), at, at);
      return null;
    }).immediate();
  }

  /** Release the lock of `job` if `owner` holds it. */
  releaseLock(job: string, owner: string): void {
    this.db.prepare('DELETE FROM locks WHERE job = ? AND owner = ?').run(job, owner);
  }

  /** The holder of `job`'s lock, alive or not, or undefined. */
  lockHolder(job: string): LockHolder | undefined {
    const row = this.statements.lock.get(job);
    return row ? toHolder(row) : undefined;
  }

  private alive(row: LockRow): boolean {
    if (Date.now() - Date.parse(row.heartbeat_at) >= this.staleLockMs) return false;
    if (row.host !== hostname()) return true;
    try {
      process.kill(row.pid, 0);
      return true;
    } catch (error) {
      // EPERM: the process exists but belongs to another user.
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
}

const toHolder = (row: LockRow): LockHolder => ({
  owner: row.owner, runId: row.run_id, pid: row.pid, host: row.host, acquiredAt: row.acquired_at, heartbeatAt: row.heartbeat_at,
});

function migrate(db: Database.Database, path: string): void {
  const versionOf = (): number => Number(db.pragma('user_version', { simple: true }));
  const current = versionOf();
  if (current > SCHEMA_VERSION) {
    throw new TypeError(`narrascope: store ${path} has schema version ${current}, newer than this narrascope knows (${SCHEMA_VERSION}); upgrade narrascope`);
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      // Read again under the write lock: another process may have migrated meanwhile.
      if (versionOf() >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
