/**
 * A real redis-server for the queue tests (never a mock): started on a free loopback port with a
 * temporary folder and no persistence, stopped after. Without redis-server the queue tests skip
 * with a message, except under CI, where they must run (`.ci/run` installs it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';

function findRedisServer(): string | null {
  for (const path of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(path)) return path;
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() !== '' ? found.stdout.trim() : null;
}

/** The redis-server binary, or null (tests skip). Under CI a missing binary is an error. */
export const REDIS_SERVER = findRedisServer();
if (!REDIS_SERVER) {
  if (process.env['CI']) throw new Error('narrascope tests: redis-server not found, and CI is set: the queue tests must run (apt-get install redis-server)');
  console.warn('narrascope tests: redis-server not found; the queue tests are skipped (apt-get install redis-server)');
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A running redis-server of one test file. */
export class RedisServer {
  #process: ChildProcess | null = null;
  readonly url: string;

  private constructor(readonly port: number, readonly dir: string) {
    this.url = `redis://127.0.0.1:${port}/0`;
  }

  /** Start a server on a free port (no persistence: a restart loses everything). */
  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), mkdtempSync(join(tmpdir(), 'narrascope-redis-')));
    await server.#launch();
    return server;
  }

  async #launch(): Promise<void> {
    this.#process = spawn(REDIS_SERVER as string, ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const client = this.client({ retryStrategy: () => null, maxRetriesPerRequest: 0, lazyConnect: true });
      try {
        await client.connect();
        await client.ping();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        client.disconnect();
      }
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  /** A client for checks (key counts, memory). */
  client(options: RedisOptions = {}): Redis {
    const client = new Redis(this.port, '127.0.0.1', { maxRetriesPerRequest: null, ...options });
    client.on('error', () => undefined);
    return client;
  }

  /** Kill the server (SIGKILL: nothing saved) and start it again on the same port, empty. */
  async restart(downMs = 500): Promise<void> {
    await this.stop();
    await new Promise((r) => setTimeout(r, downMs));
    await this.#launch();
  }

  /** Stop the server. */
  async stop(): Promise<void> {
    const child = this.#process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.#process = null;
  }
}
