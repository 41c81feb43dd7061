import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestEvent } from '../src/01-ingest/index.js';
import { JobStore } from '../src/store/store.js';
import { MemoryFetchState, WebSources, type FetchState, type SourceInput, type WebSourcesOptions } from '../src/sources/index.js';
import type { Article, Diagnostic } from '../src/types/index.js';
import { tempDir, writeTemp } from './support/temp.js';
import { startWebServer, type WebServer } from './support/web-server.js';

let server: WebServer;
beforeAll(async () => { server = await startWebServer({ slowMs: 3000 }); });
afterAll(async () => { await server.close(); });

/** Test-sized limits (no pause between requests); the fault tests shorten the timeout. */
const FAST = { timeoutMs: 5000, maxBytes: 200_000, maxRedirects: 3, perHost: { concurrency: 4, intervalMs: 0 } } as const;
/** Long enough for a healthy local answer on a busy machine, far shorter than the slow routes' 3 s. */
const SHORT = { timeoutMs: 800 } as const;

async function read(sources: SourceInput[], state: FetchState, options: Partial<WebSourcesOptions> = {}) {
  const web = new WebSources(sources, { ...FAST, state, ...options });
  const events: IngestEvent[] = [];
  for await (const event of web.events()) events.push(event);
  const articles = events.flatMap((e): Article[] => (e.kind === 'article' ? [e.article] : []));
  const diagnostics = events.flatMap((e): Diagnostic[] => (e.kind === 'diagnostic' ? [e.diagnostic] : []));
  return { articles, diagnostics, counts: { ...web.counts } };
}

const feed = (path: string, outlet?: string): SourceInput => ({ kind: 'feed', url: `${server.origin}${path}`, ...(outlet ? { outlet } : {}) });
const by = (diagnostics: Diagnostic[], path: string) => diagnostics.find((d) => d.file === `${server.origin}${path}`);

describe('web sources: feeds', () => {
  it('reads RSS 2.0, Atom and JSON Feed entries in feed order, with outlet, title, ISO date and the listed URL as id', async () => {
    const mark = server.requests.length;
    const { articles, diagnostics, counts } = await read([feed('/harbour/rss.xml'), feed('/courier/atom.xml'), feed('/ledger/feed.json', 'The Ledger')], new MemoryFetchState());
    expect(diagnostics, JSON.stringify(diagnostics)).toEqual([]);
    expect(server.requests.slice(mark).filter((r) => r.path === '/robots.txt')).toHaveLength(1);
    expect(articles.map((a) => a.id)).toEqual([
      `${server.origin}/harbour/ferry-extra.html`, `${server.origin}/harbour/bridge-closed.html`,
      // The Atom feed's relative link is resolved against the feed's URL.
      `${server.origin}/courier/repair-timeline.html`, `${server.origin}/courier/bridge-safe.html`,
      `${server.origin}/ledger/budget-vote.html`, `${server.origin}/ledger/port-alder-bridge.html`,
    ]);
    const first = articles[0] as Article;
    // Outlet from the page's site name (og:site_name); the job's `outlet` wins when set.
    expect(first).toMatchObject({ outlet: 'Harbour Gazette', title: 'Extra ferries added while bridge stays shut', date: '2026-03-03T09:30:00.000Z', url: first.id });
    expect(articles.map((a) => a.outlet)).toEqual(['Harbour Gazette', 'Harbour Gazette', 'Valley Courier', 'Valley Courier', 'The Ledger', 'The Ledger']);
    expect(first.text).toMatch(/^Port Alder will run four extra ferry crossings/);
    expect(first.text).not.toMatch(/About us|All rights reserved/);
    expect(counts).toMatchObject({ feedsFetched: 3, pagesFetched: 6, pagesFailed: 0 });
    // An honest User-Agent.
    expect(server.requests.at(-1)?.userAgent).toMatch(/^narrascope\/\d+\.\d+\.\d+ \(\+/);
  });

  it('asks again with validators: an unchanged feed costs one 304 and no page is fetched again; a new entry is the only page fetched', async () => {
    const state = new MemoryFetchState();
    const sources = [feed('/harbour/rss.xml'), feed('/courier/atom.xml')];
    const first = await read(sources, state);
    expect(first.counts).toMatchObject({ feedsFetched: 2, pagesFetched: 4 });
    const before = server.requests.length;
    const second = await read(sources, state);
    const during = server.requests.slice(before);
    // robots.txt is kept for a day: the second run sends exactly one conditional request per feed.
    expect(during.map((r) => [r.path, r.status, r.conditional])).toEqual(expect.arrayContaining([['/harbour/rss.xml', 304, true], ['/courier/atom.xml', 304, true]]));
    expect(during).toHaveLength(2);
    expect(second.counts).toMatchObject({ feedsUnchanged: 2, feedsFetched: 0, pagesFetched: 0, pagesStored: 4 });
    expect(second.articles).toEqual(first.articles);

    server.swap('/harbour/rss.xml', 'harbour/rss-next.xml');
    try {
      const mark = server.requests.length;
      const third = await read(sources, state);
      expect(server.requests.slice(mark).filter((r) => r.path.endsWith('.html')).map((r) => r.path)).toEqual(['/harbour/union-warning.html']);
      expect(third.counts).toMatchObject({ feedsFetched: 1, feedsUnchanged: 1, pagesFetched: 1, pagesStored: 4 });
      expect(third.articles[0]?.id).toBe(`${server.origin}/harbour/union-warning.html`);
    } finally {
      server.swap('/harbour/rss.xml', 'harbour/rss.xml');
    }
  });

  it('a site that sends only Last-Modified gets If-Modified-Since, and answers 304', async () => {
    const state = new MemoryFetchState();
    await read([feed('/lm/ledger/feed.json')], state);
    const again = await read([feed('/lm/ledger/feed.json')], state);
    expect(server.hits('/lm/ledger/feed.json').map((r) => [r.status, r.conditional])).toEqual([[200, false], [304, true]]);
    expect(again.counts).toMatchObject({ feedsUnchanged: 1, pagesStored: 2 });
  });

  it('refetch: true asks for stored pages again, with their validators (an unchanged page costs a 304)', async () => {
    const state = new MemoryFetchState();
    const sources = [feed('/ledger/feed.json')];
    const first = await read(sources, state);
    const mark = server.requests.length;
    const again = await read(sources, state, { refetch: true });
    expect(server.requests.slice(mark).filter((r) => r.path.endsWith('.html')).map((r) => [r.status, r.conditional])).toEqual([[304, true], [304, true]]);
    expect(again.articles).toEqual(first.articles);
  });

  it('follows a feed that moved (301) and keeps the listed URL as the record', async () => {
    const { articles, diagnostics } = await read([feed('/moved/rss.xml')], new MemoryFetchState());
    expect(diagnostics).toEqual([]);
    expect(articles).toHaveLength(2);
  });
});

describe('web sources: faults are diagnostics naming the URL; the run goes on; the next run retries', () => {
  it('a feed that is down, slow, redirected in a loop, not a feed, or huge', async () => {
    const state = new MemoryFetchState();
    const sources = ['/down.xml', '/slow.xml', '/trickle.xml', '/loop-a.xml', '/misc/not-a-feed.xml', '/huge.xml', '/nowhere.xml'].map((p) => feed(p));
    const started = Date.now();
    const { articles, diagnostics, counts } = await read([...sources, feed('/ledger/feed.json')], state, SHORT);
    // The good feed after them is still read.
    expect(articles.map((a) => a.outlet)).toEqual(['Northern Ledger', 'Northern Ledger']);
    expect(counts.feedsFailed).toBe(7);
    expect(by(diagnostics, '/down.xml')).toMatchObject({ severity: 'error', code: 'fetch/http-status', message: expect.stringContaining('HTTP 500') });
    expect(by(diagnostics, '/slow.xml')).toMatchObject({ code: 'fetch/timeout', message: expect.stringContaining('800 ms') });
    expect(by(diagnostics, '/trickle.xml')).toMatchObject({ code: 'fetch/timeout' });
    expect(by(diagnostics, '/loop-a.xml')).toMatchObject({ code: 'fetch/redirect-loop', message: expect.stringContaining('/loop-b.xml') });
    expect(by(diagnostics, '/misc/not-a-feed.xml')).toMatchObject({ code: 'feed/not-a-feed', message: expect.stringContaining('not an RSS, Atom or JSON feed') });
    expect(by(diagnostics, '/huge.xml')).toMatchObject({ code: 'fetch/too-large', message: expect.stringContaining('200000') });
    expect(by(diagnostics, '/nowhere.xml')).toMatchObject({ code: 'fetch/http-status', message: expect.stringContaining('404') });
    expect(Date.now() - started).toBeLessThan(2900); // the slow route answers after 3 s: the timeout did not wait for it

    // The next run asks again (a failure is never remembered as an answer).
    const before = server.hits('/down.xml').length;
    server.force('/down.xml', 200);
    const again = await read([feed('/down.xml')], state);
    expect(server.hits('/down.xml').length).toBe(before + 1);
    expect(again.diagnostics[0]?.code).toBe('feed/not-a-feed'); // now it answers, with text that is no feed
    server.force('/down.xml', undefined);
  });

  it('a robots.txt that answers 5xx blocks its host for the run (RFC 9309); the next run asks again', async () => {
    const state = new MemoryFetchState();
    server.force('/robots.txt', 503);
    try {
      const { articles, diagnostics } = await read([feed('/ledger/feed.json')], state);
      expect(articles).toEqual([]);
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'fetch/robots-unavailable', file: `${server.origin}/ledger/feed.json`, message: expect.stringContaining('HTTP 503') })]);
    } finally {
      server.force('/robots.txt', undefined);
    }
    const again = await read([feed('/ledger/feed.json')], state);
    expect(again.articles).toHaveLength(2);
  });

  it('a host that answers 429 (or 503) is not asked again in the run; the next run asks again', async () => {
    const state = new MemoryFetchState();
    server.force('/ledger/budget-vote.html', 429);
    const asked = server.hits('/ledger/port-alder-bridge.html').length;
    try {
      const { articles, diagnostics } = await read([feed('/ledger/feed.json')], state, { perHost: { concurrency: 1, intervalMs: 0 } });
      expect(articles).toEqual([]);
      expect(diagnostics.map((d) => [d.file, d.code])).toEqual([
        [`${server.origin}/ledger/budget-vote.html`, 'fetch/http-status'],
        [`${server.origin}/ledger/port-alder-bridge.html`, 'fetch/host-backed-off'],
      ]);
      expect(server.hits('/ledger/port-alder-bridge.html')).toHaveLength(asked);
    } finally {
      server.force('/ledger/budget-vote.html', undefined);
    }
    expect((await read([feed('/ledger/feed.json')], state)).articles).toHaveLength(2);
  });

  it('a feed that fails after a good fetch keeps its last entries (stored pages, no fetch)', async () => {
    const state = new MemoryFetchState();
    await read([feed('/ledger/feed.json')], state);
    server.force('/ledger/feed.json', 500);
    try {
      const { articles, diagnostics, counts } = await read([feed('/ledger/feed.json')], state);
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'fetch/http-status', file: `${server.origin}/ledger/feed.json`, message: expect.stringContaining('using its 2 entries from the last good fetch') })]);
      expect(articles).toHaveLength(2);
      expect(counts).toMatchObject({ feedsFailed: 1, pagesStored: 2, pagesFetched: 0 });
    } finally {
      server.force('/ledger/feed.json', undefined);
    }
  });

  it('pages: not an article, charsets, robots.txt, unlisted hosts, slow, huge, redirected; failures are fetched again next run', async () => {
    const state = new MemoryFetchState();
    const { articles, diagnostics, counts } = await read([feed('/misc/faults.xml')], state, SHORT);
    expect(by(diagnostics, '/misc/not-an-article.html')).toMatchObject({ severity: 'error', code: 'html/no-article' });
    // Non-UTF-8 pages are decoded with the charset the header (or the page's meta) declares.
    const latin1 = articles.find((a) => a.id.endsWith('/misc/latin1.html'));
    expect(latin1?.text).toContain('Señora Inés Muñoz');
    expect(latin1?.text).toContain('Jürgen Voß');
    const cp1252 = articles.find((a) => a.id.endsWith('/misc/meta-cp1252.html'));
    expect(cp1252?.text).toContain('three hundred crêpes');
    expect(cp1252?.text).toContain('o’clock');
    expect(by(diagnostics, '/misc/bad-charset.html')).toMatchObject({ code: 'fetch/charset', message: expect.stringContaining('unknown charset "x-no-such-charset"') });
    // robots.txt disallows /private/: never requested.
    expect(by(diagnostics, '/private/secret.html')).toMatchObject({ severity: 'warning', code: 'fetch/robots-disallowed' });
    // Nor through a redirect.
    expect(by(diagnostics, '/to-private.html')).toMatchObject({ severity: 'warning', code: 'fetch/robots-disallowed', message: expect.stringContaining('/private/secret.html') });
    expect(server.hits('/private/secret.html')).toEqual([]);
    // A link to a host no feed lists is not fetched...
    expect(diagnostics.find((d) => d.file === `${server.other}/harbour/bridge-closed.html`)).toMatchObject({ code: 'fetch/host-not-listed' });
    expect(by(diagnostics, '/slow-page.html')).toMatchObject({ code: 'fetch/timeout' });
    expect(by(diagnostics, '/huge-page.html')).toMatchObject({ code: 'fetch/too-large' });
    // ...but a listed page that redirects there is followed.
    expect(articles.find((a) => a.id.endsWith('/moved-page.html'))?.title).toBe('Moved page');
    expect(articles).toHaveLength(3);
    expect(counts).toMatchObject({ pagesFetched: 3, pagesFailed: 4, pagesSkipped: 3 });

    const before = server.hits('/misc/not-an-article.html').length;
    const again = await read([feed('/misc/faults.xml')], state, SHORT);
    expect(server.hits('/misc/not-an-article.html').length).toBe(before + 1);
    expect(again.counts).toMatchObject({ pagesStored: 3, pagesFetched: 0, pagesFailed: 4 });
  });

  it('a URL list: bad lines named by file and line, each page read once', async () => {
    const dir = tempDir();
    const list = writeTemp(dir, 'urls.txt', [
      '# today', `${server.origin}/courier/bridge-safe.html`, '', 'ftp://example.invalid/x', `${server.origin}/courier/bridge-safe.html`, `${server.origin}/misc/not-an-article.html`,
    ].join('\n'));
    const { articles, diagnostics } = await read([{ kind: 'urls', file: list, outlet: 'Courier' }], new MemoryFetchState());
    expect(articles.map((a) => [a.id, a.outlet])).toEqual([[`${server.origin}/courier/bridge-safe.html`, 'Courier']]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'urls/bad-url', file: list, line: 4 }),
      expect.objectContaining({ code: 'html/no-article', file: `${server.origin}/misc/not-an-article.html` }),
    ]);
  });

  it('fetch records persist in the job store (migration 2): times there, never in the article', async () => {
    const store = JobStore.open(':memory:');
    try {
      await read([feed('/ledger/feed.json')], store.fetches, { now: () => new Date('2026-03-06T00:00:00Z') });
      const page = store.fetches.get(`${server.origin}/ledger/budget-vote.html`);
      expect(page).toMatchObject({ kind: 'page', outcome: 'ok', status: 200, fetchedAt: '2026-03-06T00:00:00.000Z', articleId: `${server.origin}/ledger/budget-vote.html` });
      expect(page?.etag).toMatch(/^"/);
      expect(page?.body).not.toContain('2026-03-06');
      expect(store.fetches.get(`${server.origin}/ledger/feed.json`)).toMatchObject({ kind: 'feed', outcome: 'ok' });
      expect(store.fetches.get(`${server.origin}/robots.txt`)).toMatchObject({ kind: 'robots', outcome: 'ok' });
      const again = await read([feed('/ledger/feed.json')], store.fetches);
      expect(again.counts).toMatchObject({ feedsUnchanged: 1, pagesStored: 2, pagesFetched: 0 });
    } finally {
      store.close();
    }
  });
});
