/**
 * What every fetch of a run shares: the fetch records, the robots.txt rules, the per-host
 * queues, the host policy, the request settings, the clock and the counts.
 */
import type { Diagnostic } from '../types/index.js';
import { FetchError, get, type GetOptions, type GetResult } from './http.js';
import { HostLimiter, HostPolicy } from './hosts.js';
import { ROBOTS_AGENT, userAgent, type FetchOptions, type FetchState } from './options.js';
import { RobotsRules, type HostRules } from './robots.js';

/** What a run fetched, counted. */
export interface FetchCounts {
  /** Feeds read in full (HTTP 200). */
  feedsFetched: number;
  /** Feeds that answered 304 Not Modified: their last entries were used. */
  feedsUnchanged: number;
  feedsFailed: number;
  /** Pages fetched and read as articles. */
  pagesFetched: number;
  /** Pages not fetched because the store has their article. */
  pagesStored: number;
  /** Pages that could not be fetched or read (retried next run). */
  pagesFailed: number;
  /** Links not fetched: host not listed, or disallowed by robots.txt. */
  pagesSkipped: number;
}

/** Counts at zero. */
export function zeroCounts(): FetchCounts {
  return { feedsFetched: 0, feedsUnchanged: 0, feedsFailed: 0, pagesFetched: 0, pagesStored: 0, pagesFailed: 0, pagesSkipped: 0 };
}

/** The shared state of one run's fetching. */
export class FetchContext {
  readonly counts = zeroCounts();
  readonly policy: HostPolicy;
  readonly robots: RobotsRules;
  private readonly limiter: HostLimiter;
  private readonly request: Omit<GetOptions, 'accept' | 'etag' | 'lastModified'>;
  /** Hosts that answered 429 or 503 this run, and why they are left alone. */
  private readonly refusals = new Map<string, string>();

  constructor(readonly state: FetchState, readonly options: FetchOptions, readonly now: () => Date, readonly signal?: AbortSignal) {
    this.policy = new HostPolicy(options.hosts ?? []);
    this.limiter = new HostLimiter(options.perHost ?? {});
    this.request = {
      userAgent: userAgent(options.contact),
      timeoutMs: options.timeoutMs ?? 15_000,
      maxBytes: options.maxBytes ?? 5_000_000,
      maxRedirects: options.maxRedirects ?? 5,
      ...(signal ? { signal } : {}),
    };
    this.robots = new RobotsRules(state, this.request, now);
  }

  /**
   * GET `url` politely: robots.txt first (a refusal or an unreadable robots.txt throws a
   * {@link FetchError}), then through the host's queue; a host that answered 429 or 503 is not
   * asked again this run.
   */
  async get(url: URL, accept: string, validators: { etag: string | null; lastModified: string | null } | null): Promise<GetResult> {
    let delay = 0;
    let beforeRedirect: ((next: URL) => Promise<void>) | undefined;
    if (this.options.robots !== false) {
      delay = (await this.obey(url)).crawlDelayMs;
      // Every redirect target is checked against its host's robots.txt too.
      beforeRedirect = async (next) => void (await this.obey(next));
    }
    return this.limiter.run(url.host, delay, async () => {
      const refusal = this.refusals.get(url.host);
      if (refusal !== undefined) throw new FetchError('fetch/host-backed-off', `not asked: ${refusal}; the next run tries again`);
      try {
        return await get(url.href, { ...this.request, accept, ...(beforeRedirect ? { beforeRedirect } : {}), ...(validators ?? {}) });
      } catch (error) {
        // 429 Too Many Requests, 503 Service Unavailable: the host asks us to stop; we do, for this run.
        if (error instanceof FetchError && (error.status === 429 || error.status === 503)) {
          this.refusals.set(url.host, `${url.host} answered HTTP ${error.status} to ${url.href}, so narrascope leaves it alone for the rest of this run`);
        }
        throw error;
      }
    });
  }

  /** The host's rules, or a FetchError when they forbid `url` (or cannot be read). */
  private async obey(url: URL): Promise<HostRules> {
    const rules = await this.robots.for(url);
    if (rules.unavailable !== undefined) throw new FetchError('fetch/robots-unavailable', rules.unavailable);
    if (!rules.allowed(url.href)) throw new FetchError('fetch/robots-disallowed', `robots.txt of ${url.host} disallows ${url.href} for ${ROBOTS_AGENT}`);
    return rules;
  }

  /** ISO time of now, for fetch records only. */
  stamp(): string {
    return this.now().toISOString();
  }
}

/** A diagnostic about a URL: the URL is its `file`, so the usual `file: message` line names it. */
export function urlProblem(url: string, code: string, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { severity, code, message, file: url };
}
