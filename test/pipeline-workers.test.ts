import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultWorkers, defaultWorkersNow, idleCores, SMALL_INPUT_BYTES, workersFor } from '../src/pipeline/workers.js';

describe('default worker count', () => {
  it('gives one worker per idle core, at least one and at most one per core', () => {
    const table: [cores: number, idle: number, workers: number][] = [
      [2, 2, 2], [2, 1.9, 2], [2, 1.5, 2], [2, 1.4, 1], [2, 0.3, 1], [2, 0, 1],
      [1, 1, 1], [16, 6.2, 6], [16, 16, 16], [4, 7, 4],
    ];
    for (const [cores, idle, workers] of table) expect([cores, idle, workersFor(cores, idle)]).toEqual([cores, idle, workers]);
  });

  it('keeps small inputs in the calling thread, whatever the machine', async () => {
    expect(defaultWorkers(SMALL_INPUT_BYTES - 1)).toBe(1);
    expect(await defaultWorkersNow(SMALL_INPUT_BYTES - 1)).toBe(1);
  });

  it('measures idle cores from /proc/stat on Linux, within 0 and the core count', async () => {
    const idle = await idleCores(50);
    if (process.platform !== 'linux') {
      expect(idle).toBeUndefined();
      return;
    }
    expect(idle).toBeGreaterThanOrEqual(0);
    expect(idle).toBeLessThanOrEqual(availableParallelism() + 1e-9);
    const workers = await defaultWorkersNow(SMALL_INPUT_BYTES * 10);
    expect(workers).toBeGreaterThanOrEqual(1);
    expect(workers).toBeLessThanOrEqual(availableParallelism());
  });
});
