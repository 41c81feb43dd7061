import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cosine, embeddingsFromBuffer, encodeEmbeddings, loadEmbeddings } from '../src/adapters/embeddings.js';

describe('embeddings: the committed compact file', () => {
  const vectors = loadEmbeddings();
  it('holds the frequent vocabulary with unit vectors', () => {
    expect(vectors.dim).toBe(100);
    expect(vectors.size).toBeGreaterThan(40_000);
    for (const w of ['the', 'police', 'denied', 'allegedly', 'kremlin']) expect(vectors.row(w), w).toBeGreaterThanOrEqual(0);
    expect(vectors.row('qzxwv')).toBe(-1);
    const v = vectors.vector('police');
    expect(v).toBeDefined();
    expect(cosine(v ?? [], v ?? [])).toBeCloseTo(1, 3);
  });
  it('paraphrases score above unrelated sentences (mean vectors and soft alignment)', () => {
    const a = 'the troops killed three men'.split(' ');
    const b = 'soldiers shot dead three people'.split(' ');
    const c = 'apple releases a new phone'.split(' ');
    expect(cosine(vectors.sentenceVector(a), vectors.sentenceVector(b))).toBeGreaterThan(cosine(vectors.sentenceVector(a), vectors.sentenceVector(c)) + 0.2);
    expect(vectors.alignment(a, b)).toBeGreaterThan(vectors.alignment(a, c) + 0.2);
    expect(vectors.weight(vectors.row('the'))).toBeLessThan(0.05);
    expect(vectors.weight(vectors.row('kremlin'))).toBeGreaterThan(0.8);
  });
  it('worker threads share the buffer instead of copying it', async () => {
    const code = `const { parentPort, workerData } = require('node:worker_threads');
      const view = new Int8Array(workerData.buffer); view[view.length - 1] = 42;
      parentPort.postMessage(workerData.buffer instanceof SharedArrayBuffer);`;
    const copy = new SharedArrayBuffer(vectors.buffer.byteLength);
    new Uint8Array(copy).set(new Uint8Array(vectors.buffer));
    const shared = await new Promise<boolean>((resolve, reject) => {
      const worker = new Worker(code, { eval: true, workerData: { buffer: copy } });
      worker.once('message', (m: boolean) => { resolve(m); void worker.terminate(); });
      worker.once('error', reject);
    });
    expect(shared).toBe(true);
    expect(new Int8Array(copy)[copy.byteLength - 1]).toBe(42); // the worker wrote into our memory
    expect(embeddingsFromBuffer(copy).size).toBe(vectors.size);
  });
  it('round-trips a tiny file and rejects a file of another kind', () => {
    const bytes = encodeEmbeddings(3, [{ word: 'a', rank: 0, vector: [1, 0, 0] }, { word: 'b', rank: 5, vector: [0, 2, 0] }]);
    const tiny = embeddingsFromBuffer(bytes.buffer as ArrayBuffer);
    expect(tiny.row('b')).toBe(1);
    expect(tiny.rowCosine(0, 1)).toBeCloseTo(0, 6);
    expect([...(tiny.vector('b') ?? [])]).toEqual([0, 1, 0]);
    expect(() => embeddingsFromBuffer(new ArrayBuffer(64), 'x.bin')).toThrow(/x.bin is not a narrascope embeddings file/);
  });
});
