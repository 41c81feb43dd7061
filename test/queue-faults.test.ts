/**
 * The queue's faults, each with a real redis-server and real worker processes: a worker killed
 * with -9 mid-run, an article that kills every worker that touches it, Redis restarted (empty)
 * mid-run, a producer killed with -9 and resumed. Every run must end with the bytes of a local
 * run (every article exactly once), minus only the article that could not be analysed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_SERVER, RedisServer } from './support/redis.js';
import { spawnCli, spawnWorker, stopProcess, waitFor, type Spawned } from './support/queue.js';
import { syntheticJsonl } from './support/synthetic.js';
import { tempDir, writeTemp } from './support/temp.js';

const QUEUE_FLAGS = ['--queue-batch', '8', '--queue-jobs', '4'];
const linesOf = (file: string): number => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0);

/** Worker processes that are started again whenever they die (as systemd's Restart= would). */
class WorkerFleet {
  readonly started: Spawned[] = [];
  #stopping = false;

  constructor(private readonly url: string, private readonly env: Record<string, string> = {}) {}

  start(count: number): this {
    for (let i = 0; i < count; i++) this.#spawn();
    return this;
  }

  #spawn(): void {
    const worker = spawnWorker(this.url, this.env);
    this.started.push(worker);
    void worker.exited.then(() => { if (!this.#stopping) this.#spawn(); });
  }

  /** Everything the workers printed. */
  get stderr(): string {
    return this.started.map((w) => w.stderr).join('');
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.started.map((w) => stopProcess(w)));
  }
}

describe.skipIf(!REDIS_SERVER)('queue faults (real redis-server, real worker processes)', () => {
  let redis: RedisServer;
  let fleet: WorkerFleet;
  const dir = tempDir();
  const articles = syntheticJsonl(160).split('\n').filter((line) => line !== '');
  const input = writeTemp(dir, 'batch.jsonl', `${articles.join('\n')}\n`);
  // The same articles and, after the 50th, one that kills every worker process that analyses it.
  const poison = JSON.stringify({ id: 'poison', outlet: 'West', text: 'Ida Moss, the harbour master, said on Monday that the ferry would sail. "We are ready," Moss said.' });
  const poisoned = writeTemp(dir, 'poisoned.jsonl', `${[...articles.slice(0, 50), poison, ...articles.slice(50)].join('\n')}\n`);
  const expected = join(dir, 'local.jsonl');
  const expectedPoisoned = join(dir, 'local-poisoned.jsonl');
  let n = 0;
  const outFile = (): string => join(dir, `out-${++n}.jsonl`);

  beforeAll(async () => {
    redis = await RedisServer.start();
    // Two worker processes for all the tests, restarted whenever they die.
    fleet = new WorkerFleet(redis.url, { NARRASCOPE_TEST_CRASH_ARTICLE: 'poison' }).start(2);
    // The local runs to compare with (the poison only kills queue workers, through the test hook).
    const local = [spawnCli(['analyze', input, '--workers', '1', '--quiet', '--out', expected]), spawnCli(['analyze', poisoned, '--workers', '1', '--quiet', '--out', expectedPoisoned])];
    expect(await Promise.all(local.map((run) => run.exited))).toEqual([0, 0]);
  });
  afterAll(async () => {
    await fleet.stop();
    await redis.stop();
  });

  it('a worker killed with -9 mid-run: its jobs go to another worker, every article once', async () => {
    const out = outFile();
    const producer = spawnCli(['analyze', input, '--queue', redis.url, ...QUEUE_FLAGS, '--out', out]);
    await waitFor(() => linesOf(out) >= 20, 30_000, 'the first results');
    fleet.started[0]?.child.kill('SIGKILL');
    expect(await producer.exited).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(expected, 'utf8'));
    // The dead worker's jobs were taken over after its lock ran out (BullMQ's stalled-job check).
    expect(fleet.stderr).toMatch(/stalled 1 time\(s\) before/);
  });

  it('an article that kills its worker three times is a failure; the run goes on', async () => {
    const out = outFile();
    const failures = join(dir, 'failures.jsonl');
    const producer = spawnCli(['analyze', poisoned, '--queue', redis.url, ...QUEUE_FLAGS, '--out', out, '--failures', failures]);
    expect(await producer.exited).toBe(1);
    const want = readFileSync(expectedPoisoned, 'utf8').split('\n').filter((line) => line === '' || (JSON.parse(line) as { id: string }).id !== 'poison').join('\n');
    expect(readFileSync(out, 'utf8')).toBe(want);
    const failed = readFileSync(failures, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; line: number; reason: string });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ id: 'poison', line: 51 });
    expect(failed[0]?.reason).toContain('died 3 times');
    expect(producer.stderr).toContain('article "poison" failed');
  });

  it('Redis restarted mid-run (empty): producer and workers reconnect, lost jobs are sent again', async () => {
    const out = outFile();
    // More jobs outstanding (12) than the workers hold (2 x 2): some wait in Redis and are lost.
    const producer = spawnCli(['analyze', input, '--queue', redis.url, '--queue-batch', '8', '--queue-jobs', '12', '--out', out]);
    await waitFor(() => linesOf(out) >= 30, 30_000, 'the first results');
    await redis.restart(1000);
    expect(await producer.exited).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(expected, 'utf8'));
    expect(producer.stderr).toMatch(/sent again after Redis lost them/);
  });

  it('a producer killed with -9, then --resume: only the missing articles are queued again', async () => {
    const out = outFile();
    const first = spawnCli(['analyze', input, '--queue', redis.url, ...QUEUE_FLAGS, '--out', out]);
    await waitFor(() => linesOf(out) >= 40, 30_000, 'the first results');
    first.child.kill('SIGKILL');
    await first.exited;
    const resumed = spawnCli(['analyze', input, '--queue', redis.url, ...QUEUE_FLAGS, '--out', out, '--resume']);
    expect(await resumed.exited).toBe(0);
    const all = readFileSync(out, 'utf8');
    expect(all).toBe(readFileSync(expected, 'utf8'));
    const done = Number(/resuming after (\d+) articles/.exec(resumed.stderr)?.[1]);
    expect(done).toBeGreaterThanOrEqual(40);
    // What was queued again: the articles after the resume point that are not duplicates.
    const missing = all.trim().split('\n').slice(done).filter((line) => !line.includes('"duplicateOf":')).length;
    expect(resumed.stderr).toContain(`queue: ${missing} articles in`);
  });
});
