/**
 * `compare --queue` distributes each event's narratives to the workers, with a real
 * redis-server and real worker processes: the report (JSON, Markdown, HTML) is byte for byte a
 * local compare's, the workers built the events (the producer says how many), and nothing of
 * the run is left in Redis. The worker hands articles to its threads 4 at a time (`--chunk`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/paths.js';
import { REDIS_SERVER, RedisServer } from './support/redis.js';
import { spawnCli, stopProcess, type Spawned } from './support/queue.js';
import { syntheticArticles } from './support/synthetic.js';
import { tempDir, writeTemp } from './support/temp.js';

/** The crocus outlets (front matter + text) as JSONL records of one event. */
function crocusLines(): string[] {
  const folder = join(ROOT, 'corpora', 'crocus-outlets');
  return readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().map((file) => {
    const [, head = '', text = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(join(folder, file), 'utf8')) ?? [];
    const field = (name: string): string | undefined => new RegExp(`^${name}: (.*)$`, 'm').exec(head)?.[1];
    return JSON.stringify({ id: file.replace(/\.txt$/, ''), outlet: field('outlet'), title: field('title'), date: field('date'), event: 'crocus', text });
  });
}

describe.skipIf(!REDIS_SERVER)('compare --queue: narratives built by the workers (real redis-server)', () => {
  let redis: RedisServer;
  let worker: Spawned;
  const dir = tempDir();
  // Seven events: the crocus outlets (real competing narratives), five invented ones of 6
  // articles each, and one whose only article is an exact copy of another (no live article).
  const invented = syntheticArticles(30).map((a, i) => JSON.stringify({ ...a, event: `town-${i % 5}` }));
  const copy = JSON.stringify({ ...(syntheticArticles(1)[0] ?? {}), id: 'copy', event: 'copies' });
  const input = writeTemp(dir, 'events.jsonl', `${[...crocusLines(), ...invented, copy].join('\n')}\n`);

  beforeAll(async () => {
    redis = await RedisServer.start();
    // Articles handed to the threads 4 at a time: the chunked path's joined bytes are checked too.
    worker = spawnCli(['worker', '--queue', redis.url, '--workers', '2', '--chunk', '4']);
  });
  afterAll(async () => {
    await stopProcess(worker);
    await redis.stop();
  });

  it.each(['json', 'md', 'html'])('writes the %s report of a local compare', async (format) => {
    const args = ['compare', input, '--group-by', 'event', '--format', format];
    const env = { SOURCE_DATE_EPOCH: '1764316800' };
    const local = spawnCli([...args, '--workers', '1', '--quiet'], env);
    const queued = spawnCli([...args, '--queue', redis.url], env);
    const [localStatus, status] = await Promise.all([local.exited, queued.exited]);
    expect(status).toBe(localStatus);
    expect(queued.stdout.length).toBeGreaterThan(5000);
    // Six events have live articles; the producer keeps none of them.
    expect(queued.stderr).toContain('narratives of 6 events built by workers');
    expect(queued.stdout).toBe(local.stdout);
    if (format === 'json') {
      const report = JSON.parse(queued.stdout) as { events: unknown[]; narratives: { event: string }[] };
      expect(report.events).toHaveLength(7);
      expect(report.narratives.some((n) => n.event === 'e1')).toBe(true); // the crocus event has narratives
    }
    const client = redis.client();
    expect(await client.keys('narrascope:*')).toEqual([]);
    client.disconnect();
  });
});
