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
import type { RunnerTiming } from './parallel.js';

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
  /** CPU time of the worker processes (all their threads) per article, ms (0 when /proc cannot be read). */
  readonly workersCpuMsPerArticle: number;
  /** CPU time of redis-server per article, ms (from its INFO). */
  readonly redisCpuMsPerArticle: number;
  /** Resident memory of the producer (this process) and of each worker, sampled every `rssEvery` articles, MB. */
  readonly producerRssMb: readonly number[];
  readonly workerPeakRssMb: readonly number[];
  /** Per worker process, its resident memory every `rssEvery` articles, MB. */
  readonly workerRssMb: readonly (readonly number[])[];
  /** redis-server's resident memory (its INFO `used_memory_rss`) every `rssEvery` articles, MB. */
  readonly redisRssMb: readonly number[];
}

const BIN = fileURLToPath(new URL('../../bin/narrascope.js', import.meta.url));

async function stats(redis: Redis): Promise<{ commands: number; bytes: number; memory: number; rss: number; cpuMs: number }> {
  const info = await redis.info();
  const field = (name: string): number => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return {
    commands: field('total_commands_processed'),
    bytes: field('total_net_input_bytes') + field('total_net_output_bytes'),
    memory: field('used_memory'),
    rss: field('used_memory_rss'),
    cpuMs: (field('used_cpu_user') + field('used_cpu_sys')) * 1000,
  };
}

/** CPU time of a process (all its threads) so far, ms, from /proc (Linux); 0 elsewhere. */
const cpuMsOf = (pid: number | undefined): number => {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (1/100 s).
    const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
};

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
export async function benchmarkQueue(source: () => Iterable<Article> | AsyncIterable<Article>, url: QueueUrl, processes: number, threadsEach: number, rssEvery = 10_000, onSample?: (line: string) => void): Promise<QueueTiming> {
  const workers = await startWorkers(url, processes, threadsEach);
  const redis = openRedis(url);
  const producer = await QueueProducer.open<AnalyzeTask>(url);
  try {
    let peakKeys = 0;
    let peakMemory = 0;
    const workerPeak = workers.map(() => 0);
    let redisRss = 0;
    const sampler = setInterval(() => {
      void Promise.all([redis.dbsize(), stats(redis)]).then(([keys, s]) => { peakKeys = Math.max(peakKeys, keys); peakMemory = Math.max(peakMemory, s.memory); redisRss = s.rss; }, () => undefined);
      workers.forEach((w, i) => { workerPeak[i] = Math.max(workerPeak[i] ?? 0, rssOf(w.pid)); });
    }, 500);
    const before = await stats(redis);
    const workersCpuBefore = workers.reduce((sum, w) => sum + cpuMsOf(w.pid), 0);
    const start = performance.now();
    const cpu = process.cpuUsage();
    let count = 0;
    const producerRssMb: number[] = [];
    const workerRssMb: number[][] = workers.map(() => []);
    const redisRssMb: number[] = [];
    for await (const item of runAnalysis(source(), { executor: producer, deduplicate: false })) {
      if (item.kind !== 'result' || ++count % rssEvery !== 0) continue;
      producerRssMb.push(Math.round(process.memoryUsage.rss() / 1_048_576));
      workers.forEach((w, i) => workerRssMb[i]?.push(rssOf(w.pid)));
      redisRssMb.push(Math.round(redisRss / 1_048_576));
      onSample?.(`${count} articles, ${Math.round(count / ((performance.now() - start) / 1000))} articles/s: RSS producer ${producerRssMb.at(-1) ?? 0} MB, ${workerRssMb.map((w, i) => `worker ${i + 1} ${w.at(-1) ?? 0} MB`).join(', ')}, redis-server ${redisRssMb.at(-1) ?? 0} MB`);
    }
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    clearInterval(sampler);
    const workersCpu = workers.reduce((sum, w) => sum + cpuMsOf(w.pid), 0) - workersCpuBefore;
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
      workersCpuMsPerArticle: Math.round((workersCpu / Math.max(1, count)) * 100) / 100,
      redisCpuMsPerArticle: Math.round(((after.cpuMs - before.cpuMs) / Math.max(1, count)) * 100) / 100,
      producerRssMb,
      workerPeakRssMb: workerPeak,
      workerRssMb,
      redisRssMb,
    };
  } finally {
    await producer.close();
    await Promise.all(workers.map((w) => new Promise((resolve) => { w.once('exit', resolve); w.kill('SIGTERM'); })));
    redis.disconnect();
  }
}

/** All the CPU a queue row took per article (producer, workers, Redis), ms. */
export const queueCpuMsPerArticle = (t: QueueTiming): number => Math.round((t.producerCpuMsPerArticle + t.workersCpuMsPerArticle + t.redisCpuMsPerArticle) * 100) / 100;

/**
 * The queue rows as text, each with its ratio to the local pool's rate measured in the same run
 * and the ratio of CPU per article (local / queue: what the queue would keep on cores it had to
 * itself, whatever else ran on the machine).
 */
export function formatQueue(timings: readonly QueueTiming[], local: { readonly articlesPerSecond: number; readonly cpuMsPerArticle: number } | null): string {
  return `${timings.map((t) => {
    const label = `queue, ${t.processes} worker process${t.processes > 1 ? 'es' : ''} x ${t.threadsEach} thread${t.threadsEach > 1 ? 's' : ''}`;
    const cpu = queueCpuMsPerArticle(t);
    const ratio = local ? `  ${(t.articlesPerSecond / local.articlesPerSecond).toFixed(2)} x local` : '';
    const cpuRatio = local ? `; local ${local.cpuMsPerArticle}: ${(local.cpuMsPerArticle / cpu).toFixed(2)} x` : '';
    return `${label.padEnd(36)} ${String(t.ms).padStart(7)} ms ${String(t.articlesPerSecond).padStart(8)} articles/s${ratio}  CPU ${cpu} ms/article (producer ${t.producerCpuMsPerArticle}, workers ${t.workersCpuMsPerArticle}, Redis ${t.redisCpuMsPerArticle}${cpuRatio})  Redis: ${t.redisCommandsPerArticle} commands, ${Math.round(t.redisBytesPerArticle / 1024)} KB per article, peak ${t.peakRedisMemoryMb} MB / ${t.peakRedisKeys} keys  worker peak RSS ${t.workerPeakRssMb.join(', ')} MB${t.producerRssMb.length > 1 ? `\n  RSS every ${Math.round(t.articles / t.producerRssMb.length)} articles, MB: producer ${t.producerRssMb.join(' ')}; ${t.workerRssMb.map((w, i) => `worker ${i + 1} ${w.join(' ')}`).join('; ')}; redis-server ${t.redisRssMb.join(' ')}` : ''}`;
  }).join('\n')}\n`;
}

/**
 * Over repeated rounds: per worker-process count, the queue's total time against the local rows'
 * (the same articles each round), as a rate ratio, and the ratio of CPU per article.
 */
export function summariseRounds(local: readonly RunnerTiming[], queue: readonly QueueTiming[]): string {
  const localMs = local.reduce((sum, t) => sum + t.ms, 0);
  const localCpu = local.reduce((sum, t) => sum + t.cpuSeconds * 1000, 0) / Math.max(1, local.reduce((sum, t) => sum + t.articles, 0));
  const counts = [...new Set(queue.map((t) => t.processes))];
  return `${counts.map((processes) => {
    const rows = queue.filter((t) => t.processes === processes);
    const ms = rows.reduce((sum, t) => sum + t.ms, 0);
    const cpu = rows.reduce((sum, t) => sum + queueCpuMsPerArticle(t) * t.articles, 0) / Math.max(1, rows.reduce((sum, t) => sum + t.articles, 0));
    return `over ${rows.length} rounds, queue with ${processes} worker process${processes > 1 ? 'es' : ''} / local: ${(localMs / ms).toFixed(2)} (rate), ${(localCpu / cpu).toFixed(2)} (CPU per article)`;
  }).join('\n')}\n`;
}
