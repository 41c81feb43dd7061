import { describe, expect, it } from 'vitest';
import { evaluatePolnear, formatPolnearReport, parsePolnearLine } from '../src/eval/index.js';
import { outermost, prf, scoreExact, scoreLenient, scoreRelations, type Counts } from '../src/eval/polnear-score.js';
import type { Attribution, Cue } from '../src/types/index.js';
import { HAS_POLNEAR, POLNEAR_DEV } from './support/paths.js';
import { tempDir, writeTemp } from './support/temp.js';

const span = (start: number, end: number) => ({ start, end, text: '' });
const zero = (): Counts => ({ tp: 0, predicted: 0, gold: 0 });

function attribution(source: [number, number] | null, cue: [number, number], content: [number, number][]): Attribution {
  const c: Cue = {
    id: 'c', spans: [span(...cue)], lemma: 'say', stanceClass: 'neutral', sourceCommitment: 0.5, reporterCommitment: 0,
    environment: { negated: false, modal: false, question: false, conditional: false, firstPerson: false }, sentence: 0,
  };
  return { id: 't', source: source ? { spans: [span(...source)], actorId: null } : null, cue: c, content: content.map(([a, b]) => span(a, b)) };
}

describe('PolNeAR scoring', () => {
  it('exact: identical offsets only', () => {
    const c = zero();
    scoreExact([span(0, 5), span(10, 20)], [span(0, 5), span(10, 21)], c);
    expect(c).toEqual({ tp: 1, predicted: 2, gold: 2 });
    expect(prf(c).f1).toBeCloseTo(0.5);
  });

  it('lenient: overlap, one-to-one', () => {
    const c = zero();
    scoreLenient([span(0, 8), span(2, 4)], [span(3, 10)], c);
    expect(c).toEqual({ tp: 1, predicted: 2, gold: 1 });
  });

  it('relation: cue, source and content must overlap; a missing gold source needs a missing prediction', () => {
    const gold = [
      { id: 'E1', source: [span(0, 5)], cue: [span(6, 10)], content: [span(11, 30)], noSource: false },
      { id: 'E2', source: [], cue: [span(40, 45)], content: [span(46, 60)], noSource: true },
    ];
    const c = zero();
    scoreRelations([attribution([0, 3], [6, 10], [[12, 20]]), attribution([35, 39], [40, 45], [[46, 60]])], gold, c);
    expect(c).toEqual({ tp: 1, predicted: 2, gold: 2 });
    const d = zero();
    scoreRelations([attribution(null, [40, 45], [[50, 55]])], gold, d);
    expect(d.tp).toBe(1);
  });

  it('outermost: an attribution whose cue lies inside another content is nested, not scored', () => {
    // "Reuters reported that officials said X": reported [0..25] holds said.
    const outer = attribution([0, 7], [8, 16], [[17, 60]]);
    const inner = { ...attribution([22, 31], [32, 36], [[37, 60]]), id: 't2' };
    const apart = { ...attribution(null, [70, 80], [[81, 90]]), id: 't3' };
    const { outer: kept, nested } = outermost([outer, inner, apart]);
    expect(kept).toEqual([outer, apart]);
    expect(nested).toBe(1);
  });

  it('parses a PolNeAR line and sorts fragments', () => {
    const line = JSON.stringify({
      article: 'a', annotator: 'x', is_primary: true, publisher: 'p', text: 'He said it rained.',
      attributions: [{ id: 'E1', source: [{ start: 0, end: 2, text: 'He' }], cue: [{ start: 3, end: 7, text: 'said' }], content: [{ start: 8, end: 17, text: 'it rained' }] }],
    });
    const record = parsePolnearLine(line, 1);
    expect(record.attributions[0]?.content).toEqual([{ start: 8, end: 17 }]);
    expect(() => parsePolnearLine('{"text": 3}', 7)).toThrow(/line 7/);
  });
});

describe('evaluatePolnear', () => {
  it('scores a small file of sentences written for the test', async () => {
    const text = 'Senator Jane Smith said that the bill would pass.';
    const record = (primary: boolean) => JSON.stringify({
      article: 'a', annotator: primary ? 'x' : 'y', is_primary: primary, publisher: 'p', text,
      attributions: [{ id: 'E1', source: [{ start: 0, end: 18 }], cue: [{ start: 19, end: 23 }], content: [{ start: 24, end: 48 }] }],
    });
    const file = writeTemp(tempDir(), 'mini.jsonl', `${record(true)}\n${record(false)}\n`);
    const report = await evaluatePolnear({ file });
    expect(report.articles).toBe(1);
    expect(report.exact.source.f1).toBe(1);
    expect(report.exact.cue.f1).toBe(1);
    expect(report.exact.content.f1).toBe(1);
    expect(report.relation.f1).toBe(1);
    const table = formatPolnearReport(report);
    expect(table).toContain('exact content');
    expect(table).toContain('BiLSTM-CRF');
  });

  it('rejects a missing file option with a TypeError', async () => {
    await expect(evaluatePolnear({ file: '' })).rejects.toThrow(TypeError);
  });

  it.skipIf(!HAS_POLNEAR)('reaches the target exact-span F1 on the first 25 PolNeAR dev articles (skipped without ../shared/corpora)', async () => {
    const report = await evaluatePolnear({ file: POLNEAR_DEV, limit: 25 });
    expect(report.articles).toBe(25);
    expect(report.exact.source.f1).toBeGreaterThan(0.55);
    expect(report.exact.cue.f1).toBeGreaterThan(0.6);
    expect(report.exact.content.f1).toBeGreaterThan(0.45);
  }, 60_000);
});
