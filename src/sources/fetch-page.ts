/**
 * One article page: taken from the store when it was read before (never fetched again unless
 * the job sets `refetch`), else fetched, decoded with its declared charset, and read with the
 * same reader view as `.html` files. A page that fails is a diagnostic and is tried again next
 * run. The article holds nothing about when it was fetched: the same page text gives the same
 * article, and so the same analysis, byte for byte.
 */
import { htmlToArticle } from '../01-ingest/read-html.js';
import { looksLikeArticle } from '../adapters/readability.js';
import type { IngestEvent, IngestOptions } from '../01-ingest/index.js';
import { articleHash } from '../jobs/fingerprint.js';
import type { Article } from '../types/index.js';
import { decode, mediaTypeOf } from './charset.js';
import { urlProblem, type FetchContext } from './context.js';
import { isoDate } from './feed.js';
import { FetchError } from './http.js';

/** What is known about a page before it is read: from its feed, or the source's settings. */
export interface PageHints {
  readonly title: string | null;
  readonly date: string | null;
  /** The source's `outlet` setting: wins over the page's site name. */
  readonly outlet: string | null;
  /** Used when neither the setting nor the page names the outlet: the feed's title. */
  readonly fallbackOutlet: string | null;
}

const ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** Reader-view text at least this long is taken as an article without Readability's pre-check. */
const MIN_UNCHECKED_CHARS = 500;

/**
 * The article at `url`, or a diagnostic.
 *
 * @example const event = await loadPage(new URL('https://example.org/a'), hints, context, {});
 */
export async function loadPage(url: URL, hints: PageHints, context: FetchContext, options: IngestOptions): Promise<IngestEvent> {
  const record = context.state.get(url.href);
  const stored = record?.outcome === 'ok' && record.kind === 'page' && record.body ? (JSON.parse(record.body) as Article) : null;
  if (stored && context.options.refetch !== true) {
    context.counts.pagesStored++;
    return { kind: 'article', article: stored };
  }
  const fail = (status: number | null, code: string, message: string, severity: 'error' | 'warning' = 'error'): IngestEvent => {
    context.counts.pagesFailed++;
    context.state.fail(url.href, 'page', status, message, context.stamp());
    return { kind: 'diagnostic', diagnostic: urlProblem(url.href, code, message, severity) };
  };
  let result;
  try {
    result = await context.get(url, ACCEPT, stored && record ? { etag: record.etag, lastModified: record.lastModified } : null);
  } catch (error) {
    const failure = error instanceof FetchError ? error : new FetchError('fetch/unreachable', String(error));
    if (failure.code === 'fetch/robots-disallowed') {
      context.counts.pagesSkipped++;
      return { kind: 'diagnostic', diagnostic: urlProblem(url.href, failure.code, `${failure.message}: not fetched`, 'warning') };
    }
    return fail(failure.status, failure.code, `page: ${failure.message}`);
  }
  if (result.notModified) {
    if (!stored || !record) return fail(304, 'fetch/not-modified-unknown', 'page answered 304 Not Modified to a request without validators');
    context.counts.pagesStored++;
    context.state.put({ ...record, outcome: 'ok', status: 304, error: null, fetchedAt: context.stamp() });
    return { kind: 'article', article: stored };
  }
  const type = mediaTypeOf(result.contentType);
  if (type !== null && !HTML_TYPES.has(type)) return fail(result.status, 'fetch/not-html', `page is ${type}, not HTML`);
  const decoded = decode(result.body, result.contentType, 'html');
  if ('error' in decoded) return fail(result.status, 'fetch/charset', `cannot decode the page: ${decoded.error}`);
  const events = htmlToArticle(decoded.text, url.href, url.href, options);
  const read = events.find((e) => e.kind === 'article');
  if (read?.kind !== 'article') {
    const problem = events.find((e) => e.kind === 'diagnostic');
    return fail(result.status, problem?.kind === 'diagnostic' ? problem.diagnostic.code : 'html/no-article', problem?.kind === 'diagnostic' ? problem.diagnostic.message : 'no article read from this page');
  }
  const page = read.article;
  // A section front or a menu page yields a few words through the reader view ("Home News
  // Sport"): short text on a page Readability's own pre-check rejects is no article. A short
  // brief inside <article> or long <p>s still passes the pre-check.
  if (page.text.length < MIN_UNCHECKED_CHARS && !looksLikeArticle(decoded.text)) {
    return fail(result.status, 'html/no-article', `reader view found no article body in this page (${page.text.length} characters of menu-like text)`);
  }
  const article: Article = {
    ...page,
    // The listed URL names the article: stable across runs, whatever the page's canonical link says.
    id: url.href,
    url: url.href,
    title: hints.title ?? page.title,
    date: hints.date ?? isoDate(page.date),
    outlet: hints.outlet ?? page.outlet ?? hints.fallbackOutlet ?? url.hostname,
  };
  context.counts.pagesFetched++;
  context.state.put({
    url: url.href, kind: 'page', outcome: 'ok', status: result.status, etag: result.etag, lastModified: result.lastModified,
    fetchedAt: context.stamp(), contentHash: articleHash(article), articleId: article.id, error: null, body: JSON.stringify(article),
  });
  return { kind: 'article', article };
}
