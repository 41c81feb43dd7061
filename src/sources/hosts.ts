/**
 * Which hosts a run may fetch from, and how often: one p-queue per host (the queue library the
 * pipeline already uses), so one slow outlet never holds back the others and no outlet gets more
 * than its share.
 */
import PQueue from 'p-queue';
import type { HostLimits } from './options.js';

/**
 * The hosts of the listed feeds and URL files, plus the extra hosts a job names (each with its
 * subdomains). Article links elsewhere are not fetched: a feed cannot send narrascope to an
 * arbitrary site. Redirects of an admitted URL are followed wherever they go.
 */
export class HostPolicy {
  private readonly listed = new Set<string>();

  constructor(private readonly extra: readonly string[] = []) {}

  /** Admit the host of a listed feed or URL. */
  list(url: URL): void {
    this.listed.add(url.hostname.toLowerCase());
  }

  /** Whether an article link may be fetched. */
  admits(url: URL): boolean {
    const host = url.hostname.toLowerCase();
    if (this.listed.has(host)) return true;
    return this.extra.some((entry) => {
      const allowed = entry.toLowerCase().replace(/^\.+/, '');
      return host === allowed || host.endsWith(`.${allowed}`);
    });
  }
}

/** A queue per host: at most `concurrency` requests in flight, starts at least `intervalMs` apart. */
export class HostLimiter {
  private readonly queues = new Map<string, PQueue>();

  constructor(private readonly limits: HostLimits = {}) {}

  /**
   * Run `task` in the queue of `host`. `crawlDelayMs` (robots.txt) widens the interval when it
   * asks for more; it is read when the host's queue is made (the rules are known by then).
   */
  run<T>(host: string, crawlDelayMs: number, task: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(host);
    if (!queue) {
      const interval = Math.max(this.limits.intervalMs ?? 1000, crawlDelayMs);
      queue = new PQueue({
        concurrency: this.limits.concurrency ?? 2,
        ...(interval > 0 ? { interval, intervalCap: 1 } : {}),
      });
      this.queues.set(host, queue);
    }
    return queue.add(task);
  }
}
