/**
 * What a job or a command reads from the web, and how politely. Every limit has a default that
 * suits an hourly newsroom job over a few dozen feeds; tests pass short ones.
 */
import { readFileSync } from 'node:fs';
import type { FetchKind, FetchRecord } from '../store/fetch-log.js';

/** A web input: a feed (RSS 2.0, RSS 1.0, Atom or JSON Feed) or a file listing article URLs. */
export type SourceInput =
  | {
    readonly kind: 'feed';
    /** The feed's URL (http or https). */
    readonly url: string;
    /** The outlet of its articles; else the page's site name, else the feed's title. */
    readonly outlet?: string;
  }
  | {
    readonly kind: 'urls';
    /** A text file: one URL per line; blank lines and lines starting with `#` are skipped. */
    readonly file: string;
    /** The outlet of its articles; else the page's site name, else the host name. */
    readonly outlet?: string;
  };

/** Per-host politeness: every host gets its own queue. */
export interface HostLimits {
  /**
   * Requests in flight at once to one host.
   * @default 2
   */
  readonly concurrency?: number;
  /**
   * Least time between the starts of two requests to one host, in ms (a robots.txt
   * `Crawl-delay` that asks for more wins).
   * @default 1000
   * @example 250
   */
  readonly intervalMs?: number;
}

/** How web inputs are fetched. */
export interface FetchOptions {
  /**
   * Who to contact about the crawler, put in the User-Agent after narrascope's name and version:
   * a URL or an e-mail address.
   * @example 'https://newsroom.example/bots'
   */
  readonly contact?: string;
  /**
   * Time allowed for one response, headers and body, in ms.
   * @default 15_000
   */
  readonly timeoutMs?: number;
  /**
   * Largest response body read, in bytes (after decompression); a larger one is cut off and
   * reported.
   * @default 5_000_000
   */
  readonly maxBytes?: number;
  /**
   * Redirects followed per request.
   * @default 5
   */
  readonly maxRedirects?: number;
  /** @default {} (2 at once, 1 s apart) */
  readonly perHost?: HostLimits;
  /**
   * Hosts that articles may be fetched from besides the hosts of the listed feeds and URLs
   * (a feed on `feeds.example.com` whose links go to `www.example.com`). An entry also admits
   * its subdomains.
   * @example ['example.com']
   */
  readonly hosts?: readonly string[];
  /**
   * Newest entries read per feed.
   * @default 100
   */
  readonly maxEntries?: number;
  /**
   * Fetch pages again even when the store has them (with their validators, so an unchanged
   * page costs a 304).
   * @default false
   */
  readonly refetch?: boolean;
  /**
   * Obey robots.txt. Turn off only for your own sites.
   * @default true
   */
  readonly robots?: boolean;
}

/**
 * Where fetch records are kept between runs: the job store's `fetches` table, or memory for a
 * one-off command.
 */
export interface FetchState {
  get(url: string): FetchRecord | undefined;
  put(record: FetchRecord): void;
  fail(url: string, kind: FetchKind, status: number | null, error: string, at: string): void;
}

/** Fetch records held in memory: a one-off `narrascope analyze <feed-url>` remembers nothing. */
export class MemoryFetchState implements FetchState {
  private readonly records = new Map<string, FetchRecord>();

  get(url: string): FetchRecord | undefined {
    return this.records.get(url);
  }

  put(record: FetchRecord): void {
    this.records.set(record.url, record);
  }

  fail(url: string, kind: FetchKind, status: number | null, error: string, at: string): void {
    const before = this.records.get(url);
    this.records.set(url, {
      etag: null, lastModified: null, contentHash: null, articleId: null, body: null, ...before,
      url, kind, outcome: 'failed', status, error, fetchedAt: at,
    });
  }
}

let version: string | undefined;

/** narrascope's version, from its package.json. */
function packageVersion(): string {
  if (version === undefined) {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    version = typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  }
  return version;
}

/** The robots.txt product token narrascope obeys rules for. */
export const ROBOTS_AGENT = 'narrascope';

/**
 * The User-Agent sent with every request: narrascope's name and version, and whom to contact.
 *
 * @example userAgent('mailto:data@newsroom.example') // 'narrascope/0.1.0 (+mailto:data@newsroom.example)'
 */
export function userAgent(contact?: string): string {
  return `${ROBOTS_AGENT}/${packageVersion()} (+${contact ?? 'news coverage comparison; no contact set'})`;
}
