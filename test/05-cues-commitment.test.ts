import { describe, expect, it } from 'vitest';
import { classifyCue } from '../src/05-cues/classify.js';
import { adjustCommitment } from '../src/05-cues/commitment.js';
import type { CueEnvironment } from '../src/types/index.js';
import { candidate, doc } from './05-cues-support.js';

const NONE: CueEnvironment = { negated: false, modal: false, question: false, conditional: false, firstPerson: false };
const classify = (text: string, words: string, key?: string) => {
  const d = doc(text);
  return classifyCue(d, candidate(d, words, key === undefined ? {} : { key }), 'c1');
};

describe('cue environment', () => {
  // [sentence, cue words, key, environment flags that must be set (all others false)]
  const cases: [string, string, string, (keyof CueEnvironment)[]][] = [
    ['Peskov said the report was false.', 'said', 'say', []],
    ['Peskov did not say whether Iran warned Russia.', 'say', 'say', ['negated']],
    ["Peskov didn't confirm the report.", 'confirm', 'confirm', ['negated']],
    ['The Kremlin never denied that it had been warned.', 'denied', 'deny', ['negated']],
    ['He refused to confirm the number of victims.', 'confirm', 'confirm', ['negated']],
    ['Nobody denied that the warning came.', 'denied', 'deny', ['negated']],
    ['She may have suggested that the US was involved.', 'suggested', 'suggest', ['modal']],
    ['Officials could not confirm the report.', 'confirm', 'confirm', ['modal', 'negated']],
    ['We can confirm that four suspects were detained.', 'confirm', 'confirm', ['firstPerson']],
    ['The Kremlin no longer denies that it was warned.', 'denies', 'deny', ['negated']],
    ['Moscow, however, appears to be skeptical.', 'appears', 'appear', []],
    ['Did Peskov deny that Iran warned Russia?', 'deny', 'deny', ['question']],
    ['If she admitted it, the case would close.', 'admitted', 'admit', ['conditional']],
    ['The case will close unless he confirms the story.', 'confirms', 'confirm', ['conditional']],
    ['If the report is true, Peskov said, the FSB failed.', 'said', 'say', []],
    ['I think the attack was planned abroad.', 'think', 'think', ['firstPerson']],
    ['We believe the warning was ignored.', 'believe', 'believe', ['firstPerson']],
    ['In my view, the warning was ignored.', 'in my view', 'in my view', ['firstPerson']],
    ['“I do not know anything about this,” he told reporters.', 'know', 'know', ['negated']],
    ['He asked: “Did Iran warn Russia?”', 'asked', 'ask', []],
  ];
  it.each(cases)('%s', (text, words, key, flags) => {
    const cue = classify(text, words, key);
    const expected = { ...NONE };
    for (const f of flags) expected[f] = true;
    expect(cue.environment).toEqual(expected);
  });
});

describe('commitment in context', () => {
  it('factive vs non-factive under negation: "did not reveal" keeps the writer committed, "did not claim" does not', () => {
    const reveal = classify('The minister did not reveal that Iran had warned Russia.', 'reveal');
    const claim = classify('The minister did not claim that Iran had warned Russia.', 'claim');
    expect(reveal.reporterCommitment).toBeGreaterThan(0.5);
    expect(claim.reporterCommitment).toBeLessThanOrEqual(0);
    const confirm = classify('The minister did not confirm that Iran had warned Russia.', 'confirm');
    expect(confirm.reporterCommitment).toBeLessThanOrEqual(0); // confirm is veridical, not factive
  });

  it('negation flips the source: "did not say" is weakly against, "never denied" weakly for', () => {
    expect(classify('Peskov did not say that Iran warned Russia.', 'say').sourceCommitment).toBeLessThan(0);
    expect(classify('Peskov never denied that Iran warned Russia.', 'denied').sourceCommitment).toBeGreaterThan(0);
    expect(classify('Peskov denied that Iran warned Russia.', 'denied').sourceCommitment).toBeLessThan(-0.5);
  });

  it('modal and conditional shrink both scores toward 0', () => {
    const plain = classify('The minister admitted that Iran had warned Russia.', 'admitted');
    const modal = classify('The minister may have admitted that Iran had warned Russia.', 'admitted');
    const conditional = classify('If the minister admitted that Iran had warned Russia, he would resign.', 'admitted');
    for (const shrunk of [modal, conditional]) {
      expect(Math.abs(shrunk.sourceCommitment)).toBeLessThan(Math.abs(plain.sourceCommitment));
      expect(Math.abs(shrunk.reporterCommitment)).toBeLessThan(Math.abs(plain.reporterCommitment));
      expect(shrunk.sourceCommitment).toBeGreaterThan(0);
    }
  });

  it('a question keeps the writer committed for factives only', () => {
    const factive = classify('Did the minister reveal that Iran had warned Russia?', 'reveal');
    const plain = classify('Did the minister say that Iran had warned Russia?', 'say');
    expect(factive.environment.question).toBe(true);
    expect(factive.reporterCommitment).toBeGreaterThan(0.5);
    expect(factive.sourceCommitment).toBeLessThan(0.5);
    expect(plain.sourceCommitment).toBeLessThan(0.3);
  });

  it('first person makes the writer the source: reporter = source', () => {
    const cue = classify('We believe the warning was ignored.', 'believe');
    expect(cue.reporterCommitment).toBe(cue.sourceCommitment);
    expect(cue.sourceCommitment).toBeGreaterThan(0);
  });

  it('orders the base scores as the lexicon intends: insist > say > suggest > 0 > deny', () => {
    const score = (text: string, words: string) => classify(text, words).sourceCommitment;
    const insist = score('They insisted it was true.', 'insisted');
    const say = score('They said it was true.', 'said');
    const suggest = score('They suggested it was true.', 'suggested');
    const deny = score('They denied it was true.', 'denied');
    expect(insist).toBeGreaterThan(say);
    expect(say).toBeGreaterThan(suggest);
    expect(suggest).toBeGreaterThan(0);
    expect(deny).toBeLessThan(-0.5);
    expect(classify('They said it was true.', 'said').reporterCommitment).toBe(0);
    expect(classify('They claimed it was true.', 'claimed').reporterCommitment).toBeLessThan(-0.2);
    expect(classify('They revealed it was true.', 'revealed').reporterCommitment).toBeGreaterThan(0.6);
  });

  // [rule, base, environment, expected {source, reporter}]
  const table: [string, { sourceCommitment: number; reporterCommitment: number; factive: boolean }, Partial<CueEnvironment>, [number, number]][] = [
    ['no environment', { sourceCommitment: 0.7, reporterCommitment: 0, factive: false }, {}, [0.7, 0]],
    ['negated factive', { sourceCommitment: 0.9, reporterCommitment: 0.7, factive: true }, { negated: true }, [-0.45, 0.7]],
    ['negated distancing', { sourceCommitment: 0.8, reporterCommitment: -0.4, factive: false }, { negated: true }, [-0.4, -0.2]],
    ['negated veridical', { sourceCommitment: 0.9, reporterCommitment: 0.7, factive: false }, { negated: true }, [-0.45, 0]],
    ['question factive', { sourceCommitment: 0.9, reporterCommitment: 0.7, factive: true }, { question: true }, [0.27, 0.7]],
    ['question plain', { sourceCommitment: 0.7, reporterCommitment: 0.1, factive: false }, { question: true }, [0.21, 0.03]],
    ['modal', { sourceCommitment: 0.4, reporterCommitment: 0.2, factive: false }, { modal: true }, [0.2, 0.1]],
    ['modal factive', { sourceCommitment: 0.9, reporterCommitment: 0.8, factive: true }, { modal: true }, [0.45, 0.4]],
    ['conditional + modal', { sourceCommitment: 0.8, reporterCommitment: 0, factive: false }, { conditional: true, modal: true }, [0.2, 0]],
    ['first person', { sourceCommitment: 0.35, reporterCommitment: -0.2, factive: false }, { firstPerson: true }, [0.35, 0.35]],
    ['first person negated', { sourceCommitment: 0.8, reporterCommitment: 0.8, factive: true }, { firstPerson: true, negated: true }, [-0.4, -0.4]],
  ];
  it.each(table)('adjustCommitment: %s', (_rule, base, env, [source, reporter]) => {
    expect(adjustCommitment(base, { ...NONE, ...env })).toEqual({ sourceCommitment: source, reporterCommitment: reporter });
  });
});
