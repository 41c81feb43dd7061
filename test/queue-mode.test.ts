/**
 * Queue mode end to end with a real redis-server: the output of `analyze --queue` and
 * `compare --queue` is byte for byte that of a local run; Redis holds a bounded number of keys
 * during the run and none of the run's jobs or results after; an unreachable queue fails fast.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { ROOT } from './support/paths.js';
import { REDIS_SERVER, RedisServer, freePort } from './support/redis.js';
import { spawnCli, spawnWorker, stopProcess, type Spawned } from './support/queue.js';
import { syntheticJsonl } from './support/synthetic.js';
import { tempDir, writeTemp } from './support/temp.js';

describe.skipIf(!REDIS_SERVER)('queue mode (real redis-server)', () => {
  let redis: RedisServer;
  let worker: Spawned;
  const dir = tempDir();
  // 300 invented articles, one exact duplicate (flagged by the producer) and one broken line.
  const lines = syntheticJsonl(300, 120).split('\n');
  lines.splice(200, 0, lines[10] ?? '');
  const input = writeTemp(dir, 'batch.jsonl', lines.join('\n'));

  beforeAll(async () => {
    redis = await RedisServer.start();
    worker = spawnWorker(redis.url, {}, 2);
  });
  afterAll(async () => {
    await stopProcess(worker);
    await redis.stop();
  });

  it('writes the bytes of a local run, with a bounded number of Redis keys, and leaves none behind', async () => {
    const local = runCli(['analyze', input, '--workers', '1', '--quiet', '--out', join(dir, 'local.jsonl'), '--failures', join(dir, 'local-failures.jsonl')]);
    expect(local.status).toBe(1); // the broken line
    const client = redis.client();
    let maxKeys = 0;
    const sampler = setInterval(() => void client.dbsize().then((n) => { maxKeys = Math.max(maxKeys, n); }), 20);
    const queued = spawnCli(['analyze', input, '--queue', redis.url, '--queue-batch', '16', '--queue-jobs', '4', '--out', join(dir, 'queued.jsonl'), '--failures', join(dir, 'queued-failures.jsonl')]);
    const status = await queued.exited;
    clearInterval(sampler);
    // 301 articles read, 7 of them duplicates flagged by the producer: 294 analysed by the worker.
    // Batches of at most 16: 19 jobs when every batch fills; a slow input flushes smaller ones.
    const jobs = Number(/queue: 294 articles in (\d+) jobs/.exec(queued.stderr)?.[1]);
    expect(jobs).toBeGreaterThanOrEqual(19);
    expect(jobs).toBeLessThanOrEqual(294);
    expect(status).toBe(1);
    expect(readFileSync(join(dir, 'queued.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'local.jsonl'), 'utf8'));
    expect(readFileSync(join(dir, 'queued-failures.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'local-failures.jsonl'), 'utf8'));
    // At most 4 jobs (a hash each), their results and a few BullMQ bookkeeping keys at any time:
    // the count must not grow with the input (a key per article would be 294 and more). 28 was
    // the most seen on a quiet machine; under heavy load finished jobs' keys outlive them a while
    // (30 and 45 seen), hence the margin.
    expect(maxKeys).toBeGreaterThan(0);
    expect(maxKeys).toBeLessThan(64);
    const left = await client.keys('*');
    expect(left.filter((k) => k.startsWith('narrascope:'))).toEqual([]);
    expect(left.filter((k) => /^bull:[^:]+:[0-9a-f]{16}\.\d+$/.test(k))).toEqual([]); // no job hash
    client.disconnect();
  });

  it('compare --queue writes the report of a local compare', () => {
    const corpus = join(ROOT, 'corpora', 'crocus-outlets');
    const local = runCli(['compare', corpus, '--format', 'json', '--workers', '1', '--quiet']);
    const queued = runCli(['compare', corpus, '--format', 'json', '--queue', redis.url, '--quiet']);
    expect(queued.status).toBe(local.status);
    expect(queued.stdout.length).toBeGreaterThan(1000);
    const stamp = (report: string): string => report.replace(/"generatedAt": "[^"]+"/, '"generatedAt": ""');
    expect(stamp(queued.stdout)).toBe(stamp(local.stdout));
  });

  it('track --queue writes the rows of a local track', () => {
    const corpus = join(ROOT, 'corpora', 'crocus-outlets');
    const claim = ['--claim', 'Islamic State claimed responsibility for the attack'];
    const local = runCli(['track', ...claim, corpus, '--workers', '1', '--quiet']);
    const queued = runCli(['track', ...claim, corpus, '--queue', redis.url, '--quiet']);
    expect(local.status).toBe(0);
    expect(queued.status).toBe(0);
    expect(queued.stdout.split('\n').length).toBeGreaterThan(4);
    expect(queued.stdout).toBe(local.stdout);
  });

  it('an unreachable queue: a clear error within seconds, exit 1, no output file', async () => {
    const port = await freePort(); // nothing listens there
    const out = join(dir, 'never.jsonl');
    const started = Date.now();
    const run = runCli(['analyze', input, '--queue', `redis://127.0.0.1:${port}/0`, '--out', out]);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`cannot reach the queue at redis://127.0.0.1:${port}/0`);
    expect(existsSync(out)).toBe(false);
  });

  it('a URL that is not a Redis URL is a usage error', () => {
    const run = runCli(['analyze', input, '--queue', 'http://localhost:6379']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('must start with redis:// or rediss://');
  });
});
