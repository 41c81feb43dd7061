/**
 * The one file that talks to feedsmith (a maintained, typed parser for RSS 2.0, RSS 1.0 (RDF),
 * Atom and JSON Feed over fast-xml-parser: no regular expressions over XML here). It turns any
 * feed into its title and entries: the page URL of each, with the title and date the feed gives.
 */
import { parseFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';

/** One entry of a feed: the article page to fetch and what the feed says about it. */
export interface FeedEntry {
  /** Absolute URL of the entry's page. */
  readonly url: string;
  readonly title: string | null;
  /** ISO 8601 when the feed's date could be read, else the feed's text, else null. */
  readonly date: string | null;
}

/** A parsed feed. */
export interface ParsedFeed {
  readonly format: 'rss' | 'atom' | 'rdf' | 'json';
  readonly title: string | null;
  /** In the feed's order, without entries lacking a page URL, each URL once. */
  readonly entries: readonly FeedEntry[];
}

/**
 * Parse a feed's text; relative entry links are resolved against `base` (the feed's URL).
 * Throws an Error saying what is wrong when the text is not a feed.
 *
 * @example parseFeedText('<rss version="2.0"><channel>…</channel></rss>', 'https://example.org/feed.xml').entries[0]?.url
 */
export function parseFeedText(text: string, base: string): ParsedFeed {
  let parsed;
  try {
    parsed = parseFeed(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(/unrecognized/i.test(message) ? 'not an RSS, Atom or JSON feed' : `malformed feed: ${message}`);
  }
  const raw: { link: string | undefined; title: string | undefined; date: string | undefined }[] = [];
  let title: string | undefined;
  switch (parsed.format) {
    case 'rss':
      title = parsed.feed.title;
      for (const item of parsed.feed.items ?? []) {
        raw.push({ link: item.link ?? permalink(item.guid), title: item.title, date: item.pubDate ?? item.dc?.dates?.[0] });
      }
      break;
    case 'rdf':
      title = parsed.feed.title;
      for (const item of parsed.feed.items ?? []) raw.push({ link: item.link, title: item.title, date: item.dc?.dates?.[0] });
      break;
    case 'atom':
      title = parsed.feed.title?.value;
      for (const entry of parsed.feed.entries ?? []) {
        const links = entry.links ?? [];
        const page = links.find((l) => l.rel === undefined || l.rel === 'alternate') ?? links[0];
        raw.push({ link: page?.href, title: entry.title?.value, date: entry.published ?? entry.updated });
      }
      break;
    case 'json':
      title = parsed.feed.title;
      for (const item of parsed.feed.items ?? []) raw.push({ link: item.url ?? item.external_url, title: item.title, date: item.date_published ?? item.date_modified });
      break;
  }
  const seen = new Set<string>();
  const entries: FeedEntry[] = [];
  for (const entry of raw) {
    const url = absolute(entry.link, base);
    if (url === null || seen.has(url)) continue;
    seen.add(url);
    entries.push({ url, title: clean(entry.title), date: isoDate(entry.date) });
  }
  return { format: parsed.format, title: clean(title), entries };
}

/** An RSS guid is the page's URL only when it is a permalink (the default). */
function permalink(guid: { value?: string; isPermaLink?: boolean } | undefined): string | undefined {
  return guid?.value !== undefined && guid.isPermaLink !== false && /^https?:\/\//i.test(guid.value) ? guid.value : undefined;
}

function absolute(link: string | undefined, base: string): string | null {
  if (!link?.trim()) return null;
  try {
    const url = new URL(link.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/**
 * A title as plain text. Feeds often carry titles as escaped HTML ("A &amp;amp; B", Atom's
 * type="html", or <b> inside an RSS title): such a title is read through the DOM.
 */
function clean(text: string | undefined): string | null {
  const plain = text !== undefined && (text.includes('<') || text.includes('&'))
    ? parseHTML(`<!doctype html><html><body>${text}</body></html>`).document.body.textContent ?? text
    : text;
  const trimmed = plain?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

/**
 * Feed dates as ISO 8601 (RSS's RFC 822 "Mon, 02 Mar 2026 10:00:00 GMT" and Atom's RFC 3339
 * both parse); a date that does not parse is kept as written.
 */
export function isoDate(text: string | undefined | null): string | null {
  const trimmed = text?.trim();
  if (!trimmed) return null;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? trimmed : new Date(time).toISOString();
}
