import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bioSpans, detokenize, evaluateCofenetBio } from '../src/eval/cofenet-bio.js';
import { SHARED } from './support/paths.js';

const COFENET_DEV = join(SHARED, 'corpora', 'polnear', 'cofenet_bio', 'valid.jsonl');

describe('CofeNet BIO units', () => {
  it('joins PTB tokens into news text and keeps each token\'s offsets', () => {
    const tokens = ['``', 'We', 'will', 'win', ',', "''", 'Obama', "'s", 'aide', 'said', '.'];
    const { text, offsets } = detokenize(tokens);
    expect(text).toBe("“We will win,” Obama's aide said.");
    offsets.forEach(([start, end], i) => {
      const token = tokens[i] ?? '';
      expect(text.slice(start, end)).toBe(token === '``' ? '“' : token === "''" ? '”' : token);
    });
  });

  it.each([
    [['B-source', 'I-source', 'B-cue', 'B-content', 'I-content', 'O'], { source: ['0:2'], cue: ['2:3'], content: ['3:5'] }],
    // "I-x" after another role (or after O) opens a new span, as BIO readers do.
    [['O', 'I-content', 'I-content', 'B-cue', 'I-source'], { source: ['4:5'], cue: ['3:4'], content: ['1:3'] }],
    [['B-content', 'B-content', 'O'], { source: [], cue: [], content: ['0:1', '1:2'] }],
  ])('reads role spans from BIO labels %j', (labels, expected) => {
    const spans = bioSpans(labels);
    expect({ source: [...spans.source], cue: [...spans.cue], content: [...spans.content] }).toEqual(expected);
  });

  it.skipIf(!existsSync(COFENET_DEV))('scores the first units of the dev split with real spans', async () => {
    const report = await evaluateCofenetBio({ file: COFENET_DEV, limit: 60 });
    expect(report.units).toBe(60);
    expect(report.exact.cue.gold).toBeGreaterThan(10);
    expect(report.exact.cue.f1).toBeGreaterThan(0.4);
    expect(report.exact.source.tp).toBeGreaterThan(0);
  });
});
