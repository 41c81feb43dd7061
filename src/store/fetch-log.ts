/**
 * The store's record of what was fetched from the web, and when: one row per URL (a feed, an
 * article page, a host's robots.txt). It makes runs over feeds incremental and polite: a page
 * already read is never fetched again, a feed is asked for with its validators (ETag,
 * Last-Modified) so an unchanged feed costs one 304, and a failed fetch is retried next run.
 */
import { deflateSync, inflateSync } from 'node:zlib';

/** What a fetched URL was for. */
export type FetchKind = 'feed' | 'page' | 'robots';

/** One URL's latest fetch, as recorded. */
export interface FetchRecord {
  readonly url: string;
  readonly kind: FetchKind;
  /** `ok`: the body below is current; `failed`: the last attempt failed (the body, if any, is from before). */
  readonly outcome: 'ok' | 'failed';
  /** HTTP status of the last attempt (null when no response came: timeout, refused). */
  readonly status: number | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** ISO time of the last attempt. Kept here only: never part of an article or its analysis. */
  readonly fetchedAt: string;
  /** Feeds and robots.txt: SHA-256 of the body; pages: the article's content hash. */
  readonly contentHash: string | null;
  /** Pages: the id of the article read from it. */
  readonly articleId: string | null;
  /** Why the last attempt failed. */
  readonly error: string | null;
  /** Feeds: their entries (JSON); pages: the article (JSON); robots: the robots.txt text. */
  readonly body: string | null;
}

/**
 * The part of a better-sqlite3 database used here, typed structurally so that the published
 * declarations need no @types/better-sqlite3 (a dev dependency).
 */
export interface SqlDatabase {
  prepare(sql: string): { get(...params: unknown[]): unknown; run(...params: unknown[]): unknown };
}

interface FetchRow {
  url: string; kind: FetchKind; outcome: 'ok' | 'failed'; status: number | null; etag: string | null; last_modified: string | null;
  fetched_at: string; content_hash: string | null; article_id: string | null; error: string | null; body: Buffer | null;
}

/**
 * Fetch records on the store's database. Get one from {@link JobStore.fetches}.
 *
 * @example
 * store.fetches.get('https://example.org/feed.xml')?.etag // '"5f1c"'
 */
export class FetchLog {
  private readonly statements;

  constructor(db: SqlDatabase) {
    this.statements = {
      get: db.prepare('SELECT * FROM fetches WHERE url = ?'),
      put: db.prepare(`INSERT OR REPLACE INTO fetches (url, kind, outcome, status, etag, last_modified, fetched_at, content_hash, article_id, error, body)
        VALUES (@url, @kind, @outcome, @status, @etag, @lastModified, @fetchedAt, @contentHash, @articleId, @error, @body)`),
      // A failure keeps what the last success left (validators, body): a feed that is down still
      // has its last entries, and the next attempt is asked for in full.
      fail: db.prepare(`INSERT INTO fetches (url, kind, outcome, status, fetched_at, error) VALUES (?, ?, 'failed', ?, ?, ?)
        ON CONFLICT (url) DO UPDATE SET outcome = 'failed', status = excluded.status, fetched_at = excluded.fetched_at, error = excluded.error`),
      count: db.prepare('SELECT count(*) AS n FROM fetches WHERE kind = ?'),
    };
  }

  /** The record of `url`, if it was ever fetched. */
  get(url: string): FetchRecord | undefined {
    const row = this.statements.get.get(url) as FetchRow | undefined;
    if (!row) return undefined;
    return {
      url: row.url, kind: row.kind, outcome: row.outcome, status: row.status, etag: row.etag, lastModified: row.last_modified,
      fetchedAt: row.fetched_at, contentHash: row.content_hash, articleId: row.article_id, error: row.error,
      body: row.body === null ? null : inflateSync(row.body).toString('utf8'),
    };
  }

  /** Record a successful fetch (replacing the URL's record). */
  put(record: FetchRecord): void {
    this.statements.put.run({ ...record, body: record.body === null ? null : deflateSync(record.body) });
  }

  /** Record a failed attempt; the last good validators and body stay. */
  fail(url: string, kind: FetchKind, status: number | null, error: string, at: string): void {
    this.statements.fail.run(url, kind, status, at, error);
  }

  /** How many URLs of `kind` have a record. */
  count(kind: FetchKind): number {
    return (this.statements.count.get(kind) as { n: number } | undefined)?.n ?? 0;
  }
}
