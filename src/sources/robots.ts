/**
 * robots.txt, read with robots-parser (small, typed, follows RFC 9309's matching and
 * precedence) and kept in the store for a day, as RFC 9309 allows, so an hourly job asks a host
 * for its robots.txt once a day, not every run.
 *
 * RFC 9309 on failures: a 4xx robots.txt means no rules (everything allowed); a 5xx, a timeout
 * or no answer means everything is disallowed: nothing is fetched from the host this run, and
 * the next run asks again.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { FetchError, get, type GetOptions } from './http.js';
import { ROBOTS_AGENT, type FetchState } from './options.js';

/** What a host allows narrascope. */
export interface HostRules {
  /** Whether narrascope may fetch `url` (on this host). */
  allowed(url: string): boolean;
  /** The host's Crawl-delay for narrascope in ms (0 when none). */
  readonly crawlDelayMs: number;
  /** Set when robots.txt could not be read: then nothing is allowed. */
  readonly unavailable?: string;
}

/** A day, the longest RFC 9309 lets a crawler keep a robots.txt. */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** RFC 9309: crawlers must read at least 500 KiB of a robots.txt. */
const MAX_BYTES = 512 * 1024;

/** The part of robots-parser's Robot used here. */
interface ParsedRobots {
  isAllowed(url: string, agent?: string): boolean | undefined;
  getCrawlDelay(agent?: string): number | undefined;
}

// robots-parser is CommonJS (`module.exports = function`) and its types declare an ES default
// export, which TypeScript's Node ESM interop does not see as callable: required here, typed once.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => ParsedRobots;

/** The robots.txt rules of each host a run fetches from, read once per host per run (and day). */
export class RobotsRules {
  private readonly byOrigin = new Map<string, Promise<HostRules>>();

  constructor(
    private readonly state: FetchState,
    private readonly request: Omit<GetOptions, 'accept' | 'maxBytes' | 'etag' | 'lastModified'>,
    private readonly now: () => Date,
  ) {}

  /** The rules of the host of `url`. */
  for(url: URL): Promise<HostRules> {
    let rules = this.byOrigin.get(url.origin);
    if (!rules) {
      rules = this.load(url.origin);
      this.byOrigin.set(url.origin, rules);
    }
    return rules;
  }

  private async load(origin: string): Promise<HostRules> {
    const url = `${origin}/robots.txt`;
    const record = this.state.get(url);
    const at = this.now();
    if (record?.outcome === 'ok' && record.body !== null && at.getTime() - Date.parse(record.fetchedAt) < KEEP_MS) return parse(url, record.body);
    try {
      const result = await get(url, {
        ...this.request, accept: 'text/plain, */*;q=0.5', maxBytes: MAX_BYTES,
        ...(record?.outcome === 'ok' ? { etag: record.etag, lastModified: record.lastModified } : {}),
      });
      const text = result.notModified ? (record?.body ?? '') : new TextDecoder().decode(result.body);
      this.state.put({
        url, kind: 'robots', outcome: 'ok', status: result.status, etag: result.notModified ? (record?.etag ?? null) : result.etag,
        lastModified: result.notModified ? (record?.lastModified ?? null) : result.lastModified, fetchedAt: at.toISOString(),
        contentHash: createHash('sha256').update(text).digest('hex'), articleId: null, error: null, body: text,
      });
      return parse(url, text);
    } catch (error) {
      const failure = error instanceof FetchError ? error : new FetchError('fetch/unreachable', String(error));
      if (failure.status !== null && failure.status >= 400 && failure.status < 500) {
        // No robots.txt: no rules.
        this.state.put({ url, kind: 'robots', outcome: 'ok', status: failure.status, etag: null, lastModified: null, fetchedAt: at.toISOString(), contentHash: null, articleId: null, error: null, body: '' });
        return parse(url, '');
      }
      this.state.fail(url, 'robots', failure.status, failure.message, at.toISOString());
      return { allowed: () => false, crawlDelayMs: 0, unavailable: `robots.txt of ${origin} could not be read (${failure.message}), so nothing is fetched from that host this run` };
    }
  }
}

function parse(url: string, text: string): HostRules {
  const robots = robotsParser(url, text);
  const delay = robots.getCrawlDelay(ROBOTS_AGENT);
  return {
    // robots-parser answers undefined for a URL of another host: never the case here.
    allowed: (page) => robots.isAllowed(page, ROBOTS_AGENT) !== false,
    crawlDelayMs: typeof delay === 'number' && delay > 0 ? Math.min(delay, 60) * 1000 : 0,
  };
}
