import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobDefinitionError, loadJob, parseJob, runJob, Scheduler, type RunOutcome } from '../src/jobs/index.js';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from '../src/store/migrations.js';
import { JobStore } from '../src/store/store.js';
import type { Diagnostic } from '../src/types/index.js';
import { ROOT } from './support/paths.js';
import { tempDir, writeTemp } from './support/temp.js';
import { startWebServer, type WebServer } from './support/web-server.js';

let server: WebServer;
beforeAll(async () => { server = await startWebServer(); });
afterAll(async () => { await server.close(); });

/** A job over the three fixture feeds (RSS 2.0, Atom, JSON Feed), with test-sized limits. */
function feedJob(dir: string, extra: Record<string, unknown> = {}) {
  return parseJob({
    name: 'feeds',
    inputs: [`${server.origin}/harbour/rss.xml`, { feed: `${server.origin}/courier/atom.xml` }, { feed: `${server.origin}/ledger/feed.json`, outlet: 'Northern Ledger' }],
    outputs: { directory: 'out', formats: ['json'] },
    store: 'store.db',
    workers: 1,
    fetch: { contact: 'mailto:data@newsroom.example', timeoutMs: 10_000, perHost: { concurrency: 4, intervalMs: 0 } },
    ...extra,
  }, join(dir, 'feeds.json'));
}

const pagesFetched = (from: number) => server.requests.slice(from).filter((r) => r.path.endsWith('.html') && r.status === 200).map((r) => r.path).sort();

describe('jobs over feeds', () => {
  it('job files take feeds (URL strings or {feed}), URL lists and fetch settings; bad ones name the field', () => {
    const job = parseJob({
      name: 'x', inputs: ['corpus', 'https://example.org/rss.xml', { feed: 'https://example.org/atom.xml', outlet: 'Example' }, { urls: 'lists/today.txt' }],
      outputs: { directory: 'out' }, fetch: { hosts: ['example.org'], perHost: { intervalMs: 2000 } },
    }, '/jobs/x.json');
    expect(job.inputs).toEqual(['/jobs/corpus']);
    expect(job.sources).toEqual([
      { kind: 'feed', url: 'https://example.org/rss.xml' },
      { kind: 'feed', url: 'https://example.org/atom.xml', outlet: 'Example' },
      { kind: 'urls', file: '/jobs/lists/today.txt' },
    ]);
    expect(job.fetch).toEqual({ hosts: ['example.org'], perHost: { intervalMs: 2000 } });
    // The README's example job.
    const example = loadJob(join(ROOT, 'pipelines', 'examples', 'newsroom-feeds.json'));
    expect(example.sources.map((s) => s.kind)).toEqual(['feed', 'feed', 'feed', 'urls']);
    expect(example.fetch.perHost).toEqual({ concurrency: 2, intervalMs: 1000 });
    const bad = (raw: Record<string, unknown>): JobDefinitionError => {
      try {
        parseJob({ name: 'x', outputs: { directory: 'out' }, inputs: ['a'], ...raw }, '/jobs/x.json');
      } catch (error) {
        return error as JobDefinitionError;
      }
      throw new Error('accepted');
    };
    expect(bad({ inputs: [{ feed: 'ftp://example.org/rss' }] }).field).toBe('inputs.0.feed');
    expect(bad({ fetch: { timeoutMs: -1 } }).field).toBe('fetch.timeoutMs');
    expect(bad({ fetch: { perHost: { concurency: 2 } } }).message).toContain('fetch.perHost.concurency');
  });

  it('a store written before fetch records is migrated in place: its runs stay, fetch records start empty', () => {
    const path = join(tempDir(), 'old.db');
    const db = new Database(path);
    db.exec(MIGRATIONS[0]?.sql ?? '');
    db.pragma('user_version = 1');
    db.prepare(`INSERT INTO runs (job, status, started_at, heartbeat_at, analyzer, job_hash, pid, host) VALUES ('old', 'succeeded', 't', 't', 'a', 'h', 1, 'x')`).run();
    db.close();
    const store = JobStore.open(path);
    try {
      expect(store.schemaVersion).toBe(SCHEMA_VERSION);
      expect(store.runs('old')).toEqual([expect.objectContaining({ status: 'succeeded', fetched: null })]);
      expect(store.fetches.count('page')).toBe(0);
    } finally {
      store.close();
    }
  });

  it('first run fetches and analyses everything; second gets 304s and analyses nothing; a new entry is the only page fetched and analysed', async () => {
    const dir = tempDir();
    const job = feedJob(dir);
    const diagnostics: Diagnostic[] = [];
    let mark = server.requests.length;
    const first = await runJob(job, { onDiagnostic: (d) => diagnostics.push(d) });
    expect(diagnostics, JSON.stringify(diagnostics)).toEqual([]);
    expect(first).toMatchObject({ articles: 6, analysed: 6, reused: 0, fetched: { feedsFetched: 3, pagesFetched: 6 } });
    expect(pagesFetched(mark)).toHaveLength(6);
    expect(first.report.outlets.map((o) => o.outlet).sort()).toEqual(['Harbour Gazette', 'Northern Ledger', 'Valley Courier']);

    mark = server.requests.length;
    const second = await runJob(job);
    // One request per feed, each a 304; robots.txt is kept for a day.
    expect(server.requests.slice(mark).map((r) => r.status)).toEqual([304, 304, 304]);
    expect(second).toMatchObject({ articles: 6, analysed: 0, reused: 6, fetched: { feedsUnchanged: 3, pagesFetched: 0, pagesStored: 6 } });
    expect(second.report.narratives.map((n) => n.id)).toEqual(first.report.narratives.map((n) => n.id));

    server.swap('/harbour/rss.xml', 'harbour/rss-next.xml');
    try {
      mark = server.requests.length;
      const third = await runJob(job);
      expect(pagesFetched(mark)).toEqual(['/harbour/union-warning.html']);
      expect(third).toMatchObject({ articles: 7, analysed: 1, reused: 6, fetched: { feedsFetched: 1, feedsUnchanged: 2, pagesFetched: 1 } });
    } finally {
      server.swap('/harbour/rss.xml', 'harbour/rss.xml');
    }
    const store = JobStore.open(job.store);
    try {
      expect(store.fetches.count('page')).toBe(7);
      expect(store.fetches.get(`${server.origin}/harbour/union-warning.html`)).toMatchObject({ outcome: 'ok', status: 200 });
    } finally {
      store.close();
    }
  });

  it('the same pages give the same bytes: two stores, two fetches, identical reports', async () => {
    const a = await runJob(feedJob(tempDir()));
    const b = await runJob(feedJob(tempDir()));
    const strip = (o: RunOutcome) => JSON.stringify({ ...o.report, generatedAt: null });
    expect(strip(a)).toBe(strip(b));
  });

  it('runs twice on a schedule over three feeds: the second run fetches only the new entry', async () => {
    const dir = tempDir();
    const job = feedJob(dir, { schedule: '* * * * * *' });
    const outcomes: RunOutcome[] = [];
    const fetchedByRun: string[][] = [];
    let mark = server.requests.length;
    let failure: string | null = null;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => { done = resolve; });
    const scheduler = new Scheduler([job], {
      onEvent: (event) => {
        if (event.kind === 'failed') failure = event.error;
        if (event.kind !== 'succeeded') return;
        outcomes.push(event.outcome);
        fetchedByRun.push(pagesFetched(mark));
        mark = server.requests.length;
        // Between the runs, the Harbour Gazette publishes a new story.
        if (outcomes.length === 1) server.swap('/harbour/rss.xml', 'harbour/rss-next.xml');
        if (outcomes.length === 2) done();
      },
    });
    scheduler.start();
    try {
      await Promise.race([finished, new Promise((_, reject) => setTimeout(() => reject(new Error(`no second run (${failure ?? 'no failure'})`)), 40_000))]);
    } finally {
      await scheduler.stop();
      server.swap('/harbour/rss.xml', 'harbour/rss.xml');
    }
    expect(fetchedByRun[0]).toHaveLength(6);
    expect(fetchedByRun[1]).toEqual(['/harbour/union-warning.html']);
    expect(outcomes[0]).toMatchObject({ analysed: 6, reused: 0 });
    expect(outcomes[1]).toMatchObject({ articles: 7, analysed: 1, reused: 6, fetched: { feedsFetched: 1, feedsUnchanged: 2, pagesFetched: 1, pagesStored: 6 } });
    const store = JobStore.open(job.store);
    try {
      expect(store.runs('feeds').map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    } finally {
      store.close();
    }
  });

  it('a URL list input reads its pages once; a failing page is a diagnostic and is retried next run', async () => {
    const dir = tempDir();
    writeTemp(dir, 'urls.txt', `${server.origin}/courier/bridge-safe.html\n${server.origin}/misc/not-an-article.html\n`);
    const job = parseJob({ name: 'list', inputs: [{ urls: 'urls.txt', outlet: 'Valley Courier' }], outputs: { directory: 'out', formats: ['json'] }, store: 'store.db', workers: 1, fetch: { perHost: { intervalMs: 0 } } }, join(dir, 'list.json'));
    const diagnostics: Diagnostic[] = [];
    const first = await runJob(job, { onDiagnostic: (d) => diagnostics.push(d) });
    expect(first).toMatchObject({ articles: 1, analysed: 1 });
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([['html/no-article', `${server.origin}/misc/not-an-article.html`]]);
    const hits = server.hits('/misc/not-an-article.html').length;
    const second = await runJob(job);
    expect(second).toMatchObject({ articles: 1, analysed: 0, reused: 1, fetched: { pagesStored: 1, pagesFailed: 1 } });
    expect(server.hits('/misc/not-an-article.html').length).toBe(hits + 1);
  });
});
