import { describe, expect, it } from 'vitest';
import { Fnc1Error, readFnc1Bodies, readFnc1Stances } from '../src/eval/fnc1-read.js';
import { pairScore, scoreFnc1 } from '../src/eval/fnc1-score.js';
import { tempDir, writeTemp } from './support/temp.js';

const dir = tempDir();

describe('FNC-1 scorer (as the official scorer.py)', () => {
  it.each([
    ['agree', 'agree', 1], ['agree', 'discuss', 0.25], ['disagree', 'unrelated', 0], ['unrelated', 'unrelated', 0.25], ['unrelated', 'agree', 0],
  ] as const)('gold %s, predicted %s: %s', (gold, predicted, score) => {
    expect(pairScore(gold, predicted)).toBe(score);
  });
  it('relative score, macro-F1, per class and confusion', () => {
    const s = scoreFnc1(['agree', 'disagree', 'discuss', 'unrelated'], ['agree', 'agree', 'discuss', 'discuss']);
    expect(s.score).toBe(2.25);
    expect(s.maxScore).toBe(3.25);
    expect(s.relativeScore).toBeCloseTo(69.23, 2);
    expect(s.perClass.agree).toMatchObject({ precision: 0.5, recall: 1, support: 1 });
    expect(s.perClass.disagree.f1).toBe(0);
    expect(s.macroF1).toBeCloseTo((2 / 3 + 0 + 2 / 3 + 0) / 4, 6);
    expect(s.confusion).toEqual([[1, 0, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 1, 0]]);
    expect(() => scoreFnc1(['agree'], [])).toThrow(/1 gold labels but 0 predictions/);
  });
});

describe('FNC-1 reader', () => {
  it('reads quoted multi-line bodies with doubled quotes, and names the line of each row', () => {
    const bodies = readFnc1Bodies(writeTemp(dir, 'b.csv', 'Body ID,articleBody\n1,"First line.\n\nHe said ""no""."\n2,Plain.\n'));
    expect(bodies.get('1')).toBe('First line.\n\nHe said "no".');
    const stances = writeTemp(dir, 's.csv', 'Headline,Body ID,Stance\n"A, b",1,agree\n"Two\nlines",2,unrelated\nC,2,bogus\n');
    expect(() => readFnc1Stances(stances, bodies)).toThrow(new Fnc1Error(`${stances}:5: field "Stance" is "bogus", expected one of agree, disagree, discuss, unrelated`));
    const ok = readFnc1Stances(writeTemp(dir, 's2.csv', 'Headline,Body ID\n"Two\nlines",2\nC,1\n'), bodies);
    expect(ok.labelled).toBe(false);
    expect(ok.pairs.map((p) => [p.headline, p.line])).toEqual([['Two\nlines', 2], ['C', 4]]);
  });
  it('rejects empty files, missing columns and repeated ids', () => {
    expect(() => readFnc1Bodies(writeTemp(dir, 'e.csv', ''))).toThrow(/e.csv:1: empty file/);
    expect(() => readFnc1Bodies(writeTemp(dir, 'm.csv', 'Body ID,text\n1,x\n'))).toThrow(/m.csv:1: missing column "articleBody"/);
    expect(() => readFnc1Bodies(writeTemp(dir, 'r.csv', 'Body ID,articleBody\n1,x\n1,y\n'))).toThrow(/r.csv:3: field "Body ID" repeats 1/);
  });
});
