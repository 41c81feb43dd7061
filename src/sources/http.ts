/**
 * One polite HTTP GET with Node's own fetch (undici): a timeout over headers and body, a cap on
 * the body (streamed, and aborted past it, so a huge or endless response costs at most the cap),
 * conditional requests, and redirects followed by hand, so each hop is counted, checked for a
 * loop, and limited to http(s).
 */

/** Why a fetch failed; the code is the diagnostic's. */
export class FetchError extends Error {
  constructor(
    /** `fetch/timeout`, `fetch/unreachable`, `fetch/http-status`, `fetch/redirect-loop`, `fetch/too-many-redirects`, `fetch/too-large`, `fetch/bad-url` */
    readonly code: string,
    message: string,
    /** The HTTP status, when a response came. */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** A request's settings. */
export interface GetOptions {
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /** Sent as `Accept`. */
  readonly accept: string;
  /** Validators from the last fetch: a match gives `notModified`. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly signal?: AbortSignal;
  /** Asked before following a redirect to `next`; throws (a FetchError) to refuse it. */
  readonly beforeRedirect?: (next: URL) => Promise<void>;
}

/** A response that was read whole, or a 304. */
export type GetResult =
  | { readonly notModified: true; readonly url: string; readonly status: 304 }
  | {
    readonly notModified: false;
    /** The final URL, after redirects. */
    readonly url: string;
    readonly status: number;
    readonly contentType: string | null;
    readonly etag: string | null;
    readonly lastModified: string | null;
    readonly body: Uint8Array;
  };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GET `url`; a 2xx body is read up to `maxBytes`, a 304 is returned as `notModified`, anything else
 * throws a {@link FetchError}. The caller decides whether `url` may be fetched at all; its
 * redirects are followed wherever they go (the listed site sent us there), `maxRedirects` at most.
 *
 * @example
 * const result = await get('https://example.org/feed.xml', { userAgent: 'narrascope/0.1.0', timeoutMs: 15_000, maxBytes: 5e6, maxRedirects: 5, accept: '*\/*' });
 */
export async function get(url: string, options: GetOptions): Promise<GetResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const seen = new Set<string>();
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const target = parseHttpUrl(current);
      seen.add(target.href);
      const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: options.accept };
      if (options.etag) headers['if-none-match'] = options.etag;
      if (options.lastModified) headers['if-modified-since'] = options.lastModified;
      const response = await fetch(target, { redirect: 'manual', headers, signal });
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) throw new FetchError('fetch/http-status', `HTTP ${response.status} redirect without a Location header`, response.status);
        const next = new URL(location, target).href;
        if (seen.has(next)) throw new FetchError('fetch/redirect-loop', `redirect loop: ${[...seen, next].join(' -> ')}`, response.status);
        if (hop + 1 > options.maxRedirects) throw new FetchError('fetch/too-many-redirects', `more than ${options.maxRedirects} redirects (last to ${next})`, response.status);
        await options.beforeRedirect?.(new URL(next));
        current = next;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { notModified: true, url: target.href, status: 304 };
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel();
        throw new FetchError('fetch/http-status', `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, response.status);
      }
      const body = await readCapped(response, options.maxBytes);
      return {
        notModified: false,
        url: target.href,
        status: response.status,
        contentType: response.headers.get('content-type'),
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
        body,
      };
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (timeout.aborted) throw new FetchError('fetch/timeout', `no complete response within ${options.timeoutMs} ms`);
    if (options.signal?.aborted) throw new FetchError('fetch/aborted', 'stopped (the run was interrupted)');
    throw new FetchError('fetch/unreachable', `cannot fetch: ${describe(error)}`);
  }
}

/** The URL, if it is http(s); else a `fetch/bad-url` error. */
export function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError('fetch/bad-url', `not a URL: "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchError('fetch/bad-url', `only http and https URLs are fetched, not "${parsed.protocol}"`);
  parsed.hash = '';
  return parsed;
}

/** Read the body, giving up (and closing the connection) as soon as it passes `max` bytes. */
async function readCapped(response: Response, max: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel();
    throw new FetchError('fetch/too-large', `response of ${declared} bytes is over the limit of ${max} (maxBytes)`, response.status);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new FetchError('fetch/too-large', `response passed the limit of ${max} bytes (maxBytes); stopped reading`, response.status);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** undici hides the cause (ECONNREFUSED, ENOTFOUND...) one level down. */
function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  if (cause) return code && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
  return error instanceof Error ? error.message : String(error);
}
