/**
 * `schedule --queue`: two scheduler processes (as on two machines) declare the same job; BullMQ's
 * job scheduler fires it once per tick, whichever process takes the tick runs it, and the job's
 * articles are analysed by a queue worker. Real redis-server, real processes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobStore } from '../src/store/store.js';
import { ROOT } from './support/paths.js';
import { REDIS_SERVER, RedisServer } from './support/redis.js';
import { spawnCli, spawnWorker, stopProcess, waitFor, type Spawned } from './support/queue.js';
import { tempDir } from './support/temp.js';

describe.skipIf(!REDIS_SERVER)('schedule --queue (real redis-server)', () => {
  let redis: RedisServer;
  let worker: Spawned;

  beforeAll(async () => {
    redis = await RedisServer.start();
    worker = spawnWorker(redis.url);
  });
  afterAll(async () => {
    await stopProcess(worker);
    await redis.stop();
  });

  it('two scheduler processes fire each tick once; the runs are recorded and analysed by the worker', async () => {
    const dir = tempDir();
    const jobs = join(dir, 'pipelines');
    mkdirSync(jobs);
    writeFileSync(join(jobs, 'outlets.json'), JSON.stringify({
      name: 'outlets', inputs: [join(ROOT, 'corpora', 'crocus-outlets')], outputs: { directory: '../out', formats: ['json'] },
      schedule: '*/3 * * * * *', store: '../store.db',
    }));
    const schedulers = [spawnCli(['schedule', jobs, '--queue', redis.url]), spawnCli(['schedule', jobs, '--queue', redis.url])];
    const ticks = (): string[] => schedulers.flatMap((s) => [...s.stderr.matchAll(/job outlets: took tick (\S+)/g)].map((m) => m[1] as string));
    await waitFor(() => schedulers.reduce((n, s) => n + (s.stderr.match(/run \d+ succeeded/g)?.length ?? 0), 0) >= 2, 60_000, 'two runs');
    expect(await Promise.all(schedulers.map((s) => stopProcess(s)))).toEqual([0, 0]);
    const taken = ticks();
    expect(taken.length).toBeGreaterThanOrEqual(2);
    expect(new Set(taken).size).toBe(taken.length); // no tick taken twice
    const store = JobStore.open(join(dir, 'store.db'));
    try {
      const runs = store.runs('outlets');
      expect(runs.filter((r) => r.status === 'succeeded').length).toBeGreaterThanOrEqual(2);
      // Every run started comes from a distinct tick: never two runs for one tick.
      expect(runs.length).toBeLessThanOrEqual(taken.length);
    } finally {
      store.close();
    }
    // The first run analysed the articles (one is a duplicate) through the queue: the worker did jobs.
    expect(schedulers.map((s) => s.stderr).join('')).toMatch(/run \d+ succeeded: 5 articles \(4 analysed/);
    await stopProcess(worker);
    expect(worker.stderr).toMatch(/stopped after [1-9]\d* jobs/);
  });
});
