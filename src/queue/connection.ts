/**
 * The queue's Redis URL and connections. Every connection the queue mode opens comes from here,
 * so the reconnect policy is written once: after a first successful contact, commands wait for
 * Redis to come back (a restart mid-run is survived); before it, an unreachable URL fails fast.
 */
import { Redis, type RedisOptions } from 'ioredis';

/** A `redis://` or `rediss://` URL, checked, with the password hidden for messages. */
export interface QueueUrl {
  /** The URL as given (credentials included): what ioredis connects to. */
  readonly href: string;
  /** The URL with any password replaced by `***`, for messages and logs. */
  readonly display: string;
}

/** A queue URL that is not a Redis URL: a usage error. */
export class QueueUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueUrlError';
  }
}

/** Redis could not be reached at the start of a command. */
export class QueueUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueUnreachableError';
  }
}

/**
 * Check a queue URL: `redis://[user:password@]host[:port][/db]` or `rediss://` (TLS).
 *
 * @example parseQueueUrl('redis://127.0.0.1:6379/0').display // 'redis://127.0.0.1:6379/0'
 */
export function parseQueueUrl(text: string): QueueUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new QueueUrlError(`the queue URL "${text}" is not a URL; expected redis://HOST:PORT/DB`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new QueueUrlError(`the queue URL "${text}" must start with redis:// or rediss://`);
  if (url.hostname === '') throw new QueueUrlError(`the queue URL "${text}" has no host`);
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new QueueUrlError(`the queue URL "${text}" names database "${db}"; expected a number (redis://HOST:PORT/0)`);
  const display = url.password ? text.replace(`:${url.password}@`, ':***@') : text;
  return { href: text, display };
}

/** Milliseconds between reconnect attempts: quick at first, then every 2 s, forever. */
const reconnectDelay = (attempt: number): number => Math.min(100 * attempt, 2000);

/**
 * A connection for a long run: BullMQ needs `maxRetriesPerRequest: null` (commands wait across a
 * reconnect instead of failing), and ioredis resends what was in flight when Redis comes back.
 */
export function openRedis(url: QueueUrl, extra: RedisOptions = {}): Redis {
  const redis = new Redis(url.href, { maxRetriesPerRequest: null, retryStrategy: reconnectDelay, ...extra });
  // Connection errors are retried by ioredis; without a listener they would crash the process.
  redis.on('error', () => undefined);
  return redis;
}

/**
 * Fail fast on a URL nobody answers at: one attempt, `timeoutMs` to connect and answer a PING.
 * Called before a command opens any output file, so nothing is half-written.
 *
 * @example await checkReachable(parseQueueUrl('redis://127.0.0.1:1')) // throws QueueUnreachableError
 */
export async function checkReachable(url: QueueUrl, timeoutMs = 3000): Promise<void> {
  const redis = new Redis(url.href, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let lastError = '';
  redis.on('error', (error: Error) => { lastError = error.message; });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs); }),
    ]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QueueUnreachableError(`cannot reach the queue at ${url.display}: ${lastError || reason}`);
  } finally {
    clearTimeout(timer);
    redis.disconnect();
  }
}

/** A Redis call that gives up after `ms` (commands otherwise wait for a reconnect forever). */
export async function withTimeout<V>(promise: Promise<V>, ms: number): Promise<V> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}
