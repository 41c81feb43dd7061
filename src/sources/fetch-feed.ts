/**
 * One feed of a run: asked for with the validators of its last good fetch, so an unchanged feed
 * costs one 304 and its stored entries are used; a feed that fails is a diagnostic, its last
 * known entries still count (one outage does not drop an outlet from the comparison), and the
 * next run asks again.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../types/index.js';
import { decode, mediaTypeOf } from './charset.js';
import { urlProblem, type FetchContext } from './context.js';
import { parseFeedText, type FeedEntry } from './feed.js';
import { FetchError } from './http.js';

/** A feed's entries for this run, and what went wrong getting them. */
export interface FeedOutcome {
  readonly title: string | null;
  readonly entries: readonly FeedEntry[];
  readonly diagnostics: readonly Diagnostic[];
}

/** What the store keeps of a feed: its title and entries. */
interface StoredFeed {
  readonly title: string | null;
  readonly entries: readonly FeedEntry[];
}

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/**
 * Fetch and parse the feed at `url` (through robots.txt and the host's queue).
 *
 * @example const { entries } = await loadFeed(new URL('https://example.org/feed.xml'), context);
 */
export async function loadFeed(url: URL, context: FetchContext): Promise<FeedOutcome> {
  const record = context.state.get(url.href);
  const stored = record?.body ? (JSON.parse(record.body) as StoredFeed) : null;
  const validators = stored && record ? { etag: record.etag, lastModified: record.lastModified } : null;
  const fail = (status: number | null, code: string, message: string): FeedOutcome => {
    context.counts.feedsFailed++;
    context.state.fail(url.href, 'feed', status, message, context.stamp());
    const fallback = stored ? `; using its ${stored.entries.length} entries from the last good fetch` : '';
    return { title: stored?.title ?? null, entries: stored?.entries ?? [], diagnostics: [urlProblem(url.href, code, `feed: ${message}${fallback}`)] };
  };
  let result;
  try {
    result = await context.get(url, ACCEPT, validators);
  } catch (error) {
    const failure = error instanceof FetchError ? error : new FetchError('fetch/unreachable', String(error));
    return fail(failure.status, failure.code, failure.message);
  }
  if (result.notModified) {
    if (!stored || !record) return fail(304, 'feed/not-modified-unknown', 'answered 304 Not Modified to a request without validators');
    context.counts.feedsUnchanged++;
    context.state.put({ ...record, outcome: 'ok', status: 304, error: null, fetchedAt: context.stamp() });
    return { ...stored, diagnostics: [] };
  }
  const type = mediaTypeOf(result.contentType);
  const decoded = decode(result.body, result.contentType, type?.includes('json') ? 'json' : 'xml');
  if ('error' in decoded) return fail(result.status, 'fetch/charset', `cannot decode the feed: ${decoded.error}`);
  let feed;
  try {
    feed = parseFeedText(decoded.text, result.url);
  } catch (error) {
    return fail(result.status, 'feed/not-a-feed', `${error instanceof Error ? error.message : String(error)} (Content-Type ${result.contentType ?? 'none'})`);
  }
  const keep: StoredFeed = { title: feed.title, entries: feed.entries };
  context.counts.feedsFetched++;
  context.state.put({
    url: url.href, kind: 'feed', outcome: 'ok', status: result.status, etag: result.etag, lastModified: result.lastModified,
    fetchedAt: context.stamp(), contentHash: createHash('sha256').update(result.body).digest('hex'), articleId: null, error: null,
    body: JSON.stringify(keep),
  });
  const diagnostics = feed.entries.length === 0 ? [urlProblem(url.href, 'feed/empty', `feed (${feed.format}) has no entry with a page link`, 'warning')] : [];
  return { ...keep, diagnostics };
}
