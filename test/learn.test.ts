import { describe, expect, it } from 'vitest';
import {
  AveragedWeights, argmax, bucket, decodeModel, encodeModel, hashString, mix, probabilities, RowBuilder, scoreRow,
  seededRandom, shuffleInPlace, trainLogistic, trainPerceptron,
} from '../src/learn/index.js';

/** Toy data: label = which of two words appears; a noise word appears in both. */
function toyRows(n: number): { rows: ReturnType<RowBuilder['build']>; gold: Int32Array } {
  const b = new RowBuilder(12);
  const gold = new Int32Array(n);
  const random = seededRandom(3);
  for (let i = 0; i < n; i++) {
    const y = random() < 0.5 ? 0 : 1;
    gold[i] = y;
    b.add(mix(1, hashString(y === 0 ? 'confirmed' : 'denied')));
    b.add(mix(1, hashString('police')));
    b.addValue(mix(2), y === 0 ? 0.9 : 0.1);
    b.next();
  }
  return { rows: b.build(), gold };
}

describe('learn: hashing and rows', () => {
  it('hashes are stable, non-zero and buckets fall in range', () => {
    expect(hashString('said')).toBe(hashString('said'));
    expect(hashString('said')).not.toBe(hashString('says'));
    expect(mix(3, hashString('say'))).not.toBe(0);
    for (const w of ['a', 'b', 'deny', 'confirm']) {
      const id = bucket(hashString(w), 10);
      expect(id).toBeGreaterThanOrEqual(0);
      expect(id).toBeLessThan(1024);
    }
  });
  it('RowBuilder keeps rows apart and skips zero values', () => {
    const b = new RowBuilder(8);
    b.add(11); b.addValue(12, 0); b.next(); b.add(13); b.add(14); b.next();
    const rows = b.build();
    expect(rows.length).toBe(2);
    expect([...rows.offsets]).toEqual([0, 1, 3]);
    expect(() => new RowBuilder(40)).toThrow(/bits/);
  });
  it('addMix adds the same bucket as add(mix(...)), for every bucket size', () => {
    // The cue tagger's features use addMix; its model was trained with add(mix(...)).
    const values = [0, 1, 2, 7, 255, 65535, 0x7fffffff, -1, -123456789, 0x9e3779b9 | 0];
    for (const bits of [4, 17, 18]) {
      const a = new RowBuilder(bits);
      const b = new RowBuilder(bits);
      let n = 0;
      for (let t = 0; t < 60; t++) {
        for (const x of values) {
          const y = values[(t + n) % values.length] as number;
          const z = values[(t * 3 + n) % values.length] as number;
          a.add(mix(t, x, y, z)); b.addMix(t, x, y, z);
          a.add(mix(t, x)); b.addMix(t, x, 0, 0);
          a.add(mix(t)); b.addMix(t, 0, 0, 0);
          n++;
        }
      }
      a.next(); b.next();
      expect(Array.from(b.build().ids)).toEqual(Array.from(a.build().ids));
      expect(Array.from(b.build().values)).toEqual(Array.from(a.build().values));
    }
  });
  it('the seeded shuffle is deterministic', () => {
    const a = shuffleInPlace([1, 2, 3, 4, 5, 6], seededRandom(9));
    const b = shuffleInPlace([1, 2, 3, 4, 5, 6], seededRandom(9));
    expect(a).toEqual(b);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('learn: training', () => {
  const { rows, gold } = toyRows(200);
  it('the averaged perceptron learns a separable toy task, the same way twice', () => {
    const m1 = trainPerceptron(['yes', 'no'], rows, gold, 12, { epochs: 3 });
    const m2 = trainPerceptron(['yes', 'no'], rows, gold, 12, { epochs: 3 });
    expect(Buffer.from(encodeModel(m1)).equals(Buffer.from(encodeModel(m2)))).toBe(true);
    const out = new Float64Array(2);
    let right = 0;
    for (let i = 0; i < rows.length; i++) if (argmax(scoreRow(m1, rows, i, out)) === gold[i]) right++;
    expect(right).toBe(rows.length);
  });
  it('logistic regression gives probabilities that sum to 1 and favour the gold label', () => {
    const m = trainLogistic(['yes', 'no'], rows, gold, 12, { epochs: 5, classWeights: [1, 2] });
    for (let i = 0; i < 20; i++) {
      const p = probabilities(m, rows, i);
      expect((p[0] ?? 0) + (p[1] ?? 0)).toBeCloseTo(1, 6);
      expect(argmax(p)).toBe(gold[i]);
      expect(p[gold[i] ?? 0]).toBeGreaterThan(0.8);
    }
  });
  it('logistic regression: a row of weight 0 teaches nothing, weight 1 everywhere is the unweighted model', () => {
    const plain = trainLogistic(['yes', 'no'], rows, gold, 12, { epochs: 3 });
    const ones = trainLogistic(['yes', 'no'], rows, gold, 12, { epochs: 3, rowWeights: new Float64Array(rows.length).fill(1) });
    expect(Buffer.from(encodeModel(ones)).equals(Buffer.from(encodeModel(plain)))).toBe(true);
    // Every row weighed 0: the weights never move from 0, so both labels stay equally likely.
    const none = trainLogistic(['yes', 'no'], rows, gold, 12, { epochs: 3, rowWeights: new Float64Array(rows.length) });
    const p = probabilities(none, rows, 0);
    expect(p[0]).toBeCloseTo(0.5, 9);
  });
  it('AveragedWeights averages over steps', () => {
    const b = new RowBuilder(4); b.add(1); b.next();
    const w = new AveragedWeights(['a', 'b'], 4);
    w.update(b.build(), 0, 0, 1); w.tick(); w.tick(); w.tick();
    const avg = w.averaged();
    const raw = w.current;
    const row = bucket(1, 4) * 2;
    expect(raw.weights[row]).toBe(1);
    expect(avg.weights[row]).toBeCloseTo(1 - 1 / 4, 6); // present for 3 of 4 steps
  });
});

describe('learn: model files', () => {
  it('round-trips through the binary format within quantisation error', () => {
    const { rows, gold } = toyRows(100);
    const m = trainLogistic(['agree', 'disagree'], rows, gold, 12, { epochs: 2 });
    const back = decodeModel(encodeModel(m));
    expect(back.labels).toEqual(['agree', 'disagree']);
    let max = 0;
    for (const v of m.weights) max = Math.max(max, Math.abs(v));
    for (let i = 0; i < m.weights.length; i++) expect(Math.abs((back.weights[i] ?? 0) - (m.weights[i] ?? 0))).toBeLessThanOrEqual(max / 32767 + 1e-6);
  });
  it('rejects bytes that are not a model with a clear error', () => {
    expect(() => decodeModel(new Uint8Array(40), 'models/x.bin')).toThrow(/models\/x.bin is not a linear model file/);
  });
});
