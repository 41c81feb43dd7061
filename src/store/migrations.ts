/**
 * The store's schema, as numbered migrations. `PRAGMA user_version` holds the number of the last
 * one applied; opening a store applies the missing ones in order, each in its own transaction, so
 * a store is always at one well-defined version. Never edit a released migration: add one.
 */

/** One schema step. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'articles, analyses, runs, run articles, narratives, snapshots, reports, locks',
    sql: `
      -- One row per distinct article content (hash of id, outlet, title, date, url, group, text).
      CREATE TABLE articles (
        hash TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        outlet TEXT,
        title TEXT,
        date TEXT,
        first_run INTEGER NOT NULL
      );
      -- The analysis of an article by one analyzer (code, model, data and stage options):
      -- deflated JSON of the AnalyzedArticle. A new analyzer re-analyses; old rows are kept.
      CREATE TABLE analyses (
        hash TEXT NOT NULL REFERENCES articles(hash),
        analyzer TEXT NOT NULL,
        body BLOB NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (hash, analyzer)
      ) WITHOUT ROWID;
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        job TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        heartbeat_at TEXT NOT NULL,
        analyzer TEXT NOT NULL,
        job_hash TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        articles INTEGER NOT NULL DEFAULT 0,
        analysed INTEGER NOT NULL DEFAULT 0,
        reused INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        failed_articles INTEGER NOT NULL DEFAULT 0,
        narratives INTEGER,
        error TEXT
      );
      CREATE INDEX runs_by_job ON runs(job, id);
      -- Which articles a run read, in input order, and what it did with each.
      CREATE TABLE run_articles (
        run_id INTEGER NOT NULL REFERENCES runs(id),
        ordinal INTEGER NOT NULL,
        hash TEXT NOT NULL,
        article_id TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('analysed', 'reused', 'duplicate', 'failed')),
        reason TEXT,
        PRIMARY KEY (run_id, ordinal)
      ) WITHOUT ROWID;
      -- Stable narrative ids of a job: N1, N2, ... handed out once, never reused.
      CREATE TABLE jobs (
        name TEXT PRIMARY KEY,
        next_narrative INTEGER NOT NULL DEFAULT 1
      );
      -- A run's narratives (one row each), for queries; the snapshot has the full picture.
      CREATE TABLE narratives (
        run_id INTEGER NOT NULL REFERENCES runs(id),
        narrative_id TEXT NOT NULL,
        event TEXT NOT NULL,
        label TEXT NOT NULL,
        claims INTEGER NOT NULL,
        share REAL NOT NULL,
        outlets TEXT NOT NULL,
        PRIMARY KEY (run_id, narrative_id)
      ) WITHOUT ROWID;
      CREATE TABLE snapshots (
        run_id INTEGER PRIMARY KEY REFERENCES runs(id),
        body TEXT NOT NULL
      );
      -- The JSON divergence report of each successful run (deflated), and where its files went.
      CREATE TABLE reports (
        run_id INTEGER PRIMARY KEY REFERENCES runs(id),
        body BLOB NOT NULL,
        files TEXT NOT NULL
      );
      -- At most one live run per job across processes and machines sharing the store.
      CREATE TABLE locks (
        job TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        run_id INTEGER,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'fetches: what was fetched from the web when (feeds, pages, robots.txt), for polite incremental runs',
    sql: `
      -- One row per URL fetched for a job input of kind feed or urls. Times live here only: an
      -- article's analysis never depends on when its page was fetched. A failed fetch keeps the
      -- last good validators and body (a feed's last entries, a page's article) and is retried.
      CREATE TABLE fetches (
        url TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('feed', 'page', 'robots')),
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'failed')),
        status INTEGER,
        etag TEXT,
        last_modified TEXT,
        fetched_at TEXT NOT NULL,
        content_hash TEXT,
        article_id TEXT,
        error TEXT,
        body BLOB
      ) WITHOUT ROWID;
      -- What each run fetched (JSON counts: feeds read, unchanged, failed; pages fetched, stored, failed, skipped).
      ALTER TABLE runs ADD COLUMN fetched TEXT;
    `,
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
