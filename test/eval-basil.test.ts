// The BASIL evaluation: scoring functions by hand, the reader, and a short run when ../shared is present.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateBasil } from '../src/eval/basil.js';
import { parseBasilRecord } from '../src/eval/basil-read.js';
import { auc, bestThreshold, prfAt, signAgreement } from '../src/eval/basil-score.js';
import { SHARED } from './support/paths.js';

const BASIL = join(SHARED, 'corpora', 'basil', 'basil_articles_annotated.jsonl');
const HAS_BASIL = existsSync(BASIL);
if (!HAS_BASIL) console.warn(`narrascope tests: ${BASIL} not found; the BASIL run is skipped.`);

describe('scores', () => {
  it.each([
    [[0.9, 0.1], [true, false], 1],
    [[0.1, 0.9], [true, false], 0],
    [[0.5, 0.5], [true, false], 0.5],
    // positives 0.8, 0.4; negatives 0.6, 0.2: pairs won 1 + 1 + 0 + 1 = 3 of 4
    [[0.8, 0.4, 0.6, 0.2], [true, true, false, false], 0.75],
  ])('auc(%j, %j) = %d', (scores, labels, value) => expect(auc(scores, labels)).toBe(value));

  it('gives P/R/F1 at a threshold and finds the best one', () => {
    const scores = [0.9, 0.8, 0.3, 0.2];
    const labels = [true, false, true, false];
    expect(prfAt(scores, labels, 0.5)).toEqual({ threshold: 0.5, precision: 50, recall: 50, f1: 50 });
    expect(bestThreshold(scores, labels)).toEqual({ threshold: 0.3, precision: 66.7, recall: 100, f1: 80 }); // P 2/3, R 1
  });

  it('agrees on signs only where both scores are non-zero', () => {
    expect(signAgreement([{ predicted: 1, gold: 2 }, { predicted: -1, gold: 1 }, { predicted: 0, gold: -1 }, { predicted: 1, gold: 0 }]))
      .toEqual({ agreement: 50, compared: 2, coverage: 66.7 });
  });
});

describe('reader', () => {
  it('rebuilds the text with sentence offsets and locates spans by paragraph and sentence', () => {
    const a = parseBasilRecord({
      triplet_uuid: 't1', source: 'NYT', uuid: 'u1', title: 'T', main_entities: ['Barack Obama'],
      body_paragraphs: [['First sentence.', 'Second one.'], ['Third.']],
      phrase_level_annotations: [{ bias: 'inf', polarity: 'neg', target: 'Barack_Obama', paragraph_sentence: [1, 0] }],
    }, 1);
    expect(a.article.text).toBe('First sentence. Second one.\n\nThird.');
    expect(a.outlet).toBe('nyt');
    expect(a.sentences.map((s) => a.article.text.slice(s.start, s.end))).toEqual(['First sentence.', 'Second one.', 'Third.']);
    expect(a.spans).toEqual([{ bias: 'inf', polarity: 'neg', target: 'Barack_Obama', sentence: 2 }]);
  });
});

describe.skipIf(!HAS_BASIL)('BASIL run', () => {
  it('scores every sentence of the first events, AUC in [0, 1]', async () => {
    const r = await evaluateBasil({ file: BASIL, limit: 3 });
    expect(r.events).toBe(3);
    expect(r.articles).toBe(9);
    expect(r.sentences).toBeGreaterThan(50);
    expect(r.positives).toBeGreaterThan(0);
    expect(r.auc).toBeGreaterThanOrEqual(0);
    expect(r.auc).toBeLessThanOrEqual(1);
    expect(r.framing.compared).toBeGreaterThanOrEqual(0);
  });
});
