/**
 * A local web server for the feed tests, on 127.0.0.1 and a free port: it serves the fixture
 * feeds and pages of test/fixtures/web (written for these tests: a fictional town's bridge
 * closure), with ETag and Last-Modified and 304s like a real news site, plus routes that fail in
 * each way a real site can. No test reaches beyond it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { ROOT } from './paths.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'web');
const LAST_MODIFIED = 'Mon, 02 Mar 2026 12:00:00 GMT';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/rss+xml; charset=utf-8',
  '.json': 'application/feed+json',
  '.txt': 'text/plain; charset=utf-8',
};
/** Fixture files served with a Content-Type of their own (the faults they stand for). */
const SPECIAL_TYPES: Record<string, string> = {
  '/courier/atom.xml': 'application/atom+xml',
  '/misc/latin1.html': 'text/html; charset=iso-8859-1',
  '/misc/meta-cp1252.html': 'text/html',
  '/misc/bad-charset.html': 'text/html; charset=x-no-such-charset',
  '/misc/not-a-feed.xml': 'text/html; charset=utf-8',
};

/** One request the server answered. */
export interface LoggedRequest {
  readonly path: string;
  readonly status: number;
  readonly userAgent: string;
  /** Whether it carried If-None-Match or If-Modified-Since. */
  readonly conditional: boolean;
}

/** The running server. */
export interface WebServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** The same server under another host name (`http://localhost:PORT`): a host no feed lists. */
  readonly other: string;
  readonly requests: LoggedRequest[];
  /** Serve `file` (under test/fixtures/web) at `path` from now on. */
  swap(path: string, file: string): void;
  /** Answer `path` with `status` from now on (undefined: serve it normally again). */
  force(path: string, status: number | undefined): void;
  /** Requests for `path` so far. */
  hits(path: string): LoggedRequest[];
  close(): Promise<void>;
}

/** Start the server. `slowMs`: how long the slow routes wait before answering. */
export async function startWebServer(options: { slowMs?: number } = {}): Promise<WebServer> {
  const swaps = new Map<string, string>();
  const forced = new Map<string, number>();
  const requests: LoggedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';
  let other = '';

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const conditional = request.headers['if-none-match'] !== undefined || request.headers['if-modified-since'] !== undefined;
    const send = (status: number, headers: Record<string, string> = {}, body: string | Buffer = ''): void => {
      requests.push({ path, status, userAgent: request.headers['user-agent'] ?? '', conditional });
      response.writeHead(status, headers).end(body);
    };
    const status = forced.get(path);
    if (status !== undefined) return send(status, { 'content-type': 'text/plain' }, `forced ${status}`);
    switch (path) {
      // A broken feed (500); a 503 or 429 would make the client leave the whole host alone.
      case '/down.xml': return send(500, { 'content-type': 'text/plain' }, 'Internal Server Error');
      case '/loop-a.xml': return send(302, { location: '/loop-b.xml' });
      case '/loop-b.xml': return send(302, { location: `${origin}/loop-a.xml` });
      case '/moved/rss.xml': return send(301, { location: '/harbour/rss.xml' });
      // A listed page that moved to a host no feed lists: redirects are followed.
      case '/moved-page.html': return send(302, { location: `${other}/harbour/bridge-closed.html` });
      case '/to-private.html': return send(302, { location: '/private/secret.html' });
      case '/slow.xml':
      case '/slow-page.html': {
        const timer = setTimeout(() => { timers.delete(timer); if (!response.destroyed) send(200, { 'content-type': 'text/plain' }, 'too late'); }, options.slowMs ?? 2000);
        timers.add(timer);
        return;
      }
      case '/trickle.xml': {
        // Headers at once, then a byte every 100 ms: only a timeout over the body catches it.
        requests.push({ path, status: 200, userAgent: request.headers['user-agent'] ?? '', conditional });
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.on('error', () => {});
        const timer = setInterval(() => { if (response.destroyed) clearInterval(timer); else response.write(' '); }, 100);
        timers.add(timer);
        response.on('close', () => { clearInterval(timer); timers.delete(timer); });
        return;
      }
      case '/huge.xml':
      case '/huge-page.html': {
        // Endless-looking chunked body: the client must stop reading at its cap.
        requests.push({ path, status: 200, userAgent: request.headers['user-agent'] ?? '', conditional });
        response.writeHead(200, { 'content-type': path.endsWith('.xml') ? 'application/rss+xml' : 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = (): void => {
          while (sent < 64 && !response.destroyed) {
            sent++;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        response.on('error', () => {});
        return pump();
      }
    }
    // A site that sends Last-Modified only (no ETag): /lm/... serves the same files that way.
    const lastModifiedOnly = path.startsWith('/lm/');
    const file = lastModifiedOnly ? path.slice(3) : path;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(FIXTURES, swaps.get(file) ?? file));
    } catch {
      return send(404, { 'content-type': 'text/plain' }, 'Not Found');
    }
    if (['.xml', '.json'].includes(extname(path))) bytes = Buffer.from(bytes.toString('utf8').replaceAll('{{origin}}', origin).replaceAll('{{other}}', other));
    const type = SPECIAL_TYPES[file] ?? TYPES[extname(file)] ?? 'application/octet-stream';
    if (lastModifiedOnly) {
      if (request.headers['if-none-match'] === undefined && request.headers['if-modified-since'] === LAST_MODIFIED) return send(304, { 'last-modified': LAST_MODIFIED });
      return send(200, { 'content-type': type, 'last-modified': LAST_MODIFIED }, bytes);
    }
    const etag = `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) return send(304, { etag, 'last-modified': LAST_MODIFIED });
    send(200, { 'content-type': type, etag, 'last-modified': LAST_MODIFIED, 'content-length': String(bytes.length) }, bytes);
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  other = `http://localhost:${port}`;
  return {
    origin,
    other,
    requests,
    swap: (path, file) => void swaps.set(path, file),
    force: (path, status) => void (status === undefined ? forced.delete(path) : forced.set(path, status)),
    hits: (path) => requests.filter((r) => r.path === path),
    close: async () => {
      for (const timer of timers) clearTimeout(timer); // clears intervals too
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
