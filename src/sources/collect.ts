/**
 * Web inputs as a stream of ingest events, in a stable order: the sources in the order given,
 * each feed's entries in feed order (each URL once), then the URL lists' lines. Feeds are fetched
 * together; pages are fetched ahead of the reader in a bounded window, through each host's queue,
 * and yielded in order, so the articles arrive in the same order whatever answers first.
 */
import type { IngestEvent, IngestOptions } from '../01-ingest/index.js';
import type { Diagnostic } from '../types/index.js';
import { FetchContext, urlProblem, type FetchCounts } from './context.js';
import { loadFeed } from './fetch-feed.js';
import { loadPage, type PageHints } from './fetch-page.js';
import { FetchError, parseHttpUrl } from './http.js';
import type { FetchOptions, FetchState, SourceInput } from './options.js';
import { readUrlList } from './url-list.js';

/** Options of {@link WebSources}. */
export interface WebSourcesOptions extends FetchOptions {
  /** Fetch records: the job store's, or {@link MemoryFetchState} for a one-off command. */
  readonly state: FetchState;
  /** Applied to every page's article (`maxTextLength`). */
  readonly ingest?: IngestOptions;
  /** Stops fetching: requests in flight are aborted. */
  readonly signal?: AbortSignal;
  /** @default () => new Date() (fetch records only) */
  readonly now?: () => Date;
  /**
   * Pages fetched ahead of the one being read (wide enough that a feed of one host does not
   * hold back the other hosts' queues).
   * @default 256
   */
  readonly window?: number;
}

interface Target {
  readonly url: URL;
  readonly hints: PageHints;
}

/**
 * Read feeds and URL lists; {@link WebSources.counts} says what was fetched once the stream ends.
 *
 * @example
 * const web = new WebSources([{ kind: 'feed', url: 'https://example.org/feed.xml' }], { state: new MemoryFetchState() });
 * for await (const event of web.events()) if (event.kind === 'article') console.log(event.article.id);
 * console.log(web.counts.pagesFetched);
 */
export class WebSources {
  private readonly context: FetchContext;

  constructor(private readonly sources: readonly SourceInput[], private readonly options: WebSourcesOptions) {
    this.context = new FetchContext(options.state, options, options.now ?? (() => new Date()), options.signal);
  }

  /** What this run fetched so far. */
  get counts(): Readonly<FetchCounts> {
    return this.context.counts;
  }

  /** The articles of the sources, and a diagnostic for every URL that could not become one. */
  async *events(): AsyncGenerator<IngestEvent> {
    const { targets, diagnostics } = await this.targets();
    for (const diagnostic of diagnostics) yield { kind: 'diagnostic', diagnostic };
    const window = Math.max(1, this.options.window ?? 256);
    const pending: Promise<IngestEvent>[] = [];
    let next = 0;
    const launch = (): void => {
      while (next < targets.length && pending.length < window && !this.options.signal?.aborted) {
        const target = targets[next++] as Target;
        pending.push(loadPage(target.url, target.hints, this.context, this.options.ingest ?? {}).catch((error: unknown): IngestEvent => ({
          kind: 'diagnostic', diagnostic: urlProblem(target.url.href, 'fetch/failed', `page: ${error instanceof Error ? error.message : String(error)}`),
        })));
      }
    };
    launch();
    while (pending.length > 0) {
      const event = await (pending.shift() as Promise<IngestEvent>);
      if (this.options.signal?.aborted) return;
      launch();
      yield event;
    }
  }

  /** Every page to read, in order, after fetching the feeds and reading the URL lists. */
  private async targets(): Promise<{ targets: Target[]; diagnostics: Diagnostic[] }> {
    const diagnostics: Diagnostic[] = [];
    // First pass: every listed URL's host is admitted before any feed's links are judged.
    const listed = await Promise.all(this.sources.map(async (source) => {
      if (source.kind === 'urls') return { source, list: await readUrlList(source.file) };
      try {
        const url = parseHttpUrl(source.url);
        this.context.policy.list(url);
        return { source, url };
      } catch (error) {
        diagnostics.push(urlProblem(source.url, error instanceof FetchError ? error.code : 'fetch/bad-url', error instanceof Error ? error.message : String(error)));
        return { source };
      }
    }));
    for (const item of listed) for (const { url } of item.list?.urls ?? []) this.context.policy.list(url);
    const feeds = await Promise.all(listed.map((item) => (item.url ? loadFeed(item.url, this.context) : null)));
    const seen = new Set<string>();
    const targets: Target[] = [];
    const maxEntries = this.options.maxEntries ?? 100;
    listed.forEach((item, index) => {
      const outlet = item.source.outlet ?? null;
      const feed = feeds[index];
      if (feed) {
        diagnostics.push(...feed.diagnostics);
        for (const entry of feed.entries.slice(0, maxEntries)) {
          const url = new URL(entry.url);
          if (seen.has(url.href)) continue;
          seen.add(url.href);
          if (!this.context.policy.admits(url)) {
            this.context.counts.pagesSkipped++;
            diagnostics.push(urlProblem(url.href, 'fetch/host-not-listed', `not fetched: host ${url.hostname} is not a listed feed's or URL's host (feed ${item.url?.href}); add it to the job's fetch.hosts to read it`, 'warning'));
            continue;
          }
          targets.push({ url, hints: { title: entry.title, date: entry.date, outlet, fallbackOutlet: feed.title } });
        }
      }
      if (item.list) {
        diagnostics.push(...item.list.diagnostics);
        for (const { url } of item.list.urls) {
          if (seen.has(url.href)) continue;
          seen.add(url.href);
          targets.push({ url, hints: { title: null, date: null, outlet, fallbackOutlet: null } });
        }
      }
    });
    return { targets, diagnostics };
  }
}
