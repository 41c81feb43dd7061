/**
 * `narrascope bench --queue` with a real redis-server: interleaved rounds of the local pool and
 * the queue, each queue row with its rate and CPU ratios, every process's CPU per article, and
 * the `--queue-only` memory samples. The figures themselves belong in the README, not here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_SERVER, RedisServer } from './support/redis.js';
import { spawnCli } from './support/queue.js';

describe.skipIf(!REDIS_SERVER)('bench --queue (real redis-server)', () => {
  let redis: RedisServer;
  beforeAll(async () => { redis = await RedisServer.start(); });
  afterAll(async () => { await redis.stop(); });

  it('times local and queue rows in two rounds (the second queue first) and sums them up', async () => {
    const run = spawnCli(['bench', '--file', 'corpora', '--synthetic', '24', '--workers', '1', '--no-relations', '--queue', redis.url, '--queue-processes', '1', '--queue-rounds', '2']);
    expect(await run.exited, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/round 1: local [\d.]+ articles\/s/);
    expect(run.stdout).toMatch(/round 2 \(queue rows first\): local [\d.]+ articles\/s/);
    const rows = run.stdout.split('\n').filter((line) => line.startsWith('queue, 1 worker process x 1 thread'));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/[\d.]+ x local {2}CPU [\d.]+ ms\/article \(producer [\d.]+, workers [1-9][\d.]*, Redis [\d.]+; local [\d.]+: [\d.]+ x\)/);
    expect(run.stdout).toMatch(/over 2 rounds, queue with 1 worker process \/ local: [\d.]+ \(rate\), [\d.]+ \(CPU per article\)/);
  });

  it('--queue-only prints the memory of the producer, the workers and redis-server as it goes', async () => {
    const run = spawnCli(['bench', '--file', 'corpora', '--synthetic', '40', '--workers', '1', '--no-relations', '--queue', redis.url, '--queue-processes', '1', '--queue-only']);
    expect(await run.exited, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/analyze, 1 worker/); // no local row
    expect(run.stdout).toMatch(/queue, 1 worker process x 1 thread/);
    // A sample every 10 articles (every 10,000 on a long run, 20 on a short one, at least 10 apart).
    const samples = run.stderr.split('\n').filter((line) => /^narrascope bench: \d+ articles, \d+ articles\/s: RSS producer \d+ MB, worker 1 [1-9]\d* MB, redis-server \d+ MB$/.test(line));
    expect(samples.map((line) => line.split(' ')[2])).toEqual(['10', '20', '30', '40']);
    const client = redis.client();
    expect(await client.keys('narrascope:*')).toEqual([]);
    client.disconnect();
  });
});
