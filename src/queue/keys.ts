/**
 * Names in Redis. BullMQ keeps its own keys under `bull:<queue>:`; narrascope's few extra keys
 * (results waiting for their producer, its "done" list and heartbeat, crash counters) live under
 * `narrascope:<queue>:` and are deleted as soon as they are read, or expire.
 */
import { analyzerFingerprint } from '../jobs/fingerprint.js';

/**
 * The analysis queue's name: `narrascope-` and a hash of the installed stage code, data and
 * models. Producers and workers of different narrascope versions therefore never share jobs:
 * a worker could not give the bytes the producer's own version would.
 *
 * @example analysisQueueName() // 'narrascope-9c1e04d2a7b3'
 */
export function analysisQueueName(): string {
  return `narrascope-${analyzerFingerprint({ clean: null, segment: null, cues: {} }).slice(0, 12)}`;
}

/** The queue whose jobs are the ticks of scheduled jobs (`schedule --queue`). */
export const SCHEDULE_QUEUE = 'narrascope-schedule';

/** The extra keys of one queue. */
export class QueueKeys {
  constructor(readonly queue: string) {}

  /** One batch's results (raw text, see codec.ts), until its producer reads them. */
  result(run: string, batch: number): string {
    return `narrascope:${this.queue}:result:${run}:${batch}`;
  }

  /** The list of batch numbers whose results are ready, which the producer waits on. */
  done(run: string): string {
    return `narrascope:${this.queue}:done:${run}`;
  }

  /** Present while the producer of `run` is alive; workers drop the jobs of a dead one. */
  producer(run: string): string {
    return `narrascope:${this.queue}:producer:${run}`;
  }

  /** Per article of a job, how many times a worker died while analysing it. */
  crashes(jobId: string): string {
    return `narrascope:${this.queue}:crashes:${jobId}`;
  }
}
