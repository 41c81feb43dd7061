/**
 * `narrascope bench --queue URL`: the synthetic stream through the queue, with worker processes
 * started here (each `narrascope worker` with its own thread pool), timed like the local runner
 * in the same run, plus what the queue costs Redis per article: commands (round trips), network
 * bytes, and the peak of Redis' memory and key count during the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { runAnalysis } from '../pipeline/run.js';
import type { AnalyzeTask } from '../pipeline/task.js';
import { openRedis, type QueueUrl } from '../queue/connection.js';
import { QueueProducer } from '../queue/producer.js';
import type { Article } from '../types/index.js';

/** One queue row of the benchmark. */
export interface QueueTiming {
  readonly processes: number;
  readonly threadsEach: number;
  readonly articles: number;
  readonly ms: number;
  readonly articlesPerSecond: number;
  /** Redis commands (all clients: producer and workers) per article. */
  readonly redisCommandsPerArticle: number;
  /** Bytes into and out of Redis per article. */
  readonly redisBytesPerArticle: number;
  readonly peakRedisMemoryMb: number;
  readonly peakRedisKeys: number;
  /** CPU time of the producer (this process: reading, clean, ordering, Redis I/O) per article, ms: its own ceiling is 1000 / this. */
  readonly producerCpuMsPerArticle: number;
  /** Resident memory of the producer (this process) and of each worker, sampled every `rssEvery` articles, MB. */
  readonly producerRssMb: readonly number[];
  readonly workerPeakRssMb: readonly number[];
}

const BIN = fileURLToPath(new URL('../../bin/narrascope.js', import.meta.url));

async function stats(redis: Redis): Promise<{ commands: number; bytes: number; memory: number }> {
  const info = await redis.info();
  const field = (name: string): number => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);
  return { commands: field('total_commands_processed'), bytes: field('total_net_input_bytes') + field('total_net_output_bytes'), memory: field('used_memory') };
}

const rssOf = (pid: number | undefined): number => {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
};

/** Start worker processes and wait until each takes jobs. */
async function startWorkers(url: QueueUrl, processes: number, threadsEach: number): Promise<ChildProcess[]> {
  const workers = Array.from({ length: processes }, () => spawn(process.execPath, [BIN, 'worker', '--queue', url.href, '--workers', String(threadsEach)], { stdio: ['ignore', 'ignore', 'pipe'] }));
  await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
    let text = '';
    w.stderr?.on('data', (chunk: Buffer) => { text += chunk.toString(); if (text.includes('taking jobs')) resolve(); });
    w.once('exit', (code) => reject(new Error(`narrascope bench: a worker exited with ${code}: ${text}`)));
  })));
  return workers;
}

/**
 * Time the runner with the queue as its executor and `processes` worker processes of
 * `threadsEach` threads (started before the clock starts; their model loads lazily, as the local
 * pool's does, inside the timed run).
 *
 * @example await benchmarkQueue(() => syntheticArticles(samples, 12000), url, 1, 2)
 */
export async function benchmarkQueue(source: () => Iterable<Article> | AsyncIterable<Article>, url: QueueUrl, processes: number, threadsEach: number, rssEvery = 10_000): Promise<QueueTiming> {
  const workers = await startWorkers(url, processes, threadsEach);
  const redis = openRedis(url);
  const producer = await QueueProducer.open<AnalyzeTask>(url);
  try {
    let peakKeys = 0;
    let peakMemory = 0;
    const workerPeak = workers.map(() => 0);
    const sampler = setInterval(() => {
      void Promise.all([redis.dbsize(), stats(redis)]).then(([keys, s]) => { peakKeys = Math.max(peakKeys, keys); peakMemory = Math.max(peakMemory, s.memory); }, () => undefined);
      workers.forEach((w, i) => { workerPeak[i] = Math.max(workerPeak[i] ?? 0, rssOf(w.pid)); });
    }, 500);
    const before = await stats(redis);
    const start = performance.now();
    const cpu = process.cpuUsage();
    let count = 0;
    const producerRssMb: number[] = [];
    for await (const item of runAnalysis(source(), { executor: producer, deduplicate: false })) {
      if (item.kind === 'result') count++;
      if (count % rssEvery === 0) producerRssMb.push(Math.round(process.memoryUsage.rss() / 1_048_576));
    }
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    clearInterval(sampler);
    const after = await stats(redis);
    const per = (n: number): number => Math.round((n / Math.max(1, count)) * 100) / 100;
    return {
      processes, threadsEach, articles: count, ms: Math.round(ms),
      articlesPerSecond: Math.round((count / (ms / 1000)) * 10) / 10,
      redisCommandsPerArticle: per(after.commands - before.commands),
      redisBytesPerArticle: Math.round((after.bytes - before.bytes) / Math.max(1, count)),
      peakRedisMemoryMb: Math.round((peakMemory / 1_048_576) * 10) / 10,
      peakRedisKeys: peakKeys,
      producerCpuMsPerArticle: Math.round(((used.user + used.system) / 1000 / Math.max(1, count)) * 100) / 100,
      producerRssMb,
      workerPeakRssMb: workerPeak,
    };
  } finally {
    await producer.close();
    await Promise.all(workers.map((w) => new Promise((resolve) => { w.once('exit', resolve); w.kill('SIGTERM'); })));
    redis.disconnect();
  }
}

/** The queue rows as text, each with its ratio to the local pool's rate measured in the same run. */
export function formatQueue(timings: readonly QueueTiming[], localRate: number): string {
  return `${timings.map((t) => {
    const label = `queue, ${t.processes} worker process${t.processes > 1 ? 'es' : ''} x ${t.threadsEach} thread${t.threadsEach > 1 ? 's' : ''}`;
    return `${label.padEnd(36)} ${String(t.ms).padStart(7)} ms ${String(t.articlesPerSecond).padStart(8)} articles/s  ${(t.articlesPerSecond / localRate).toFixed(2)} x local  Redis: ${t.redisCommandsPerArticle} commands, ${Math.round(t.redisBytesPerArticle / 1024)} KB per article, peak ${t.peakRedisMemoryMb} MB / ${t.peakRedisKeys} keys  producer CPU ${t.producerCpuMsPerArticle} ms/article  worker peak RSS ${t.workerPeakRssMb.join(', ')} MB`;
  }).join('\n')}\n`;
}
