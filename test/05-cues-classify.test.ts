import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyCue } from '../src/05-cues/classify.js';
import type { StanceClass } from '../src/types/index.js';
import { candidate, doc } from './05-cues-support.js';
import { SEED, SHARED } from './support/paths.js';
import { join } from 'node:path';

describe('classifyCue: stance class from the lexicon', () => {
  // [sentence, cue words, expected class, expected lemma]
  const cases: [string, string, StanceClass, string][] = [
    ['Peskov said the report was false.', 'said', 'neutral', 'say'],
    ['The minister told reporters it was over.', 'told', 'neutral', 'tell'],
    ['The US and the EU have insisted that ISIS-K was behind it.', 'insisted', 'insistence', 'insist'],
    ['Bortnikov suggested that the US may be linked.', 'suggested', 'hedging', 'suggest'],
    ['Officials are signaling that the findings point elsewhere.', 'signaling', 'hedging', 'signal'],
    ['The group claimed responsibility for the attack.', 'claimed', 'distancing', 'claim'],
    ['The Kremlin denied that it had been warned.', 'denied', 'denial', 'deny'],
    ['Moscow accused Kyiv of planning the attack.', 'accused', 'accusation', 'accuse'],
    ['Analysts questioned whether the group acted alone.', 'questioned', 'doubt', 'question'],
    ['Documents revealed that Iran had warned Russia.', 'revealed', 'endorsing', 'reveal'],
    ['The FSB confirmed that four men were detained.', 'confirmed', 'endorsing', 'confirm'],
    ['She admitted that mistakes were made.', 'admitted', 'endorsing', 'admit'],
    ['He stressed that the investigation continues.', 'stressed', 'insistence', 'stress'],
    ['The ministry rejected the allegations.', 'rejected', 'denial', 'reject'],
    ['Critics blamed the security services.', 'blamed', 'accusation', 'blame'],
    ['Some experts doubt that the account is complete.', 'doubt', 'doubt', 'doubt'],
    ['The report hinted that more arrests would follow.', 'hinted', 'hedging', 'hint'],
    ['The lawsuit alleges that the company lied.', 'alleges', 'distancing', 'allege'],
  ];
  it.each(cases)('%s -> %s is %s', (text, words, expected, lemma) => {
    const d = doc(text);
    const cue = classifyCue(d, candidate(d, words), 'c1');
    expect(cue.stanceClass).toBe(expected);
    expect(cue.lemma).toBe(lemma);
  });

  it('classifies "according to" as neutral, with the phrase as its span', () => {
    const d = doc('According to Reuters, Iran warned Russia.');
    const cue = classifyCue(d, candidate(d, 'according to', { key: 'according to' }), 'c1');
    expect(cue).toMatchObject({ stanceClass: 'neutral', lemma: 'according to', spans: [{ text: 'According to' }] });
  });

  it('gives unknown keys the neutral class with moderate commitment', () => {
    const d = doc('The spokesman harrumphed that nothing had happened.');
    const cue = classifyCue(d, candidate(d, 'harrumphed', { key: 'harrumph' }), 'c1');
    expect(cue).toMatchObject({ stanceClass: 'neutral', lemma: 'harrumph', sourceCommitment: 0.5, reporterCommitment: 0 });
  });

  it('keeps every span equal to the original text it covers, across fragments', () => {
    const text = 'Did Peskov really say that?';
    const d = doc(text);
    const did = candidate(d, 'did').tokenRanges[0];
    const say = candidate(d, 'say').tokenRanges[0];
    if (!did || !say) throw new Error('test: tokens not found');
    const cue = classifyCue(d, { tokenRanges: [did, say], key: 'say' }, 'c1');
    expect(cue.spans.map((s) => s.text)).toEqual(['Did', 'say']);
    for (const s of cue.spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('throws a RangeError for token ranges outside the article', () => {
    const d = doc('He said so.');
    expect(() => classifyCue(d, { tokenRanges: [[10, 12]], key: 'say' }, 'c1')).toThrow(RangeError);
  });
});

describe('classifyCue: context rules', () => {
  // [sentence, cue words, key, expected class, expected lemma, expected first span text]
  const cases: [string, string, string, StanceClass, string, string][] = [
    ['Moscow appears to be skeptical about the narrative.', 'appears', 'appear', 'doubt', 'skeptical', 'appears to be skeptical about'],
    ['The minister seemed deeply unconvinced by the evidence.', 'seemed', 'seem', 'doubt', 'unconvinced', 'seemed deeply unconvinced'],
    ['The general looked confident that the line would hold.', 'looked', 'look', 'insistence', 'confident', 'looked confident'],
    ['The outcome appears to be in doubt.', 'appears', 'appear', 'hedging', 'appear', 'appears'],
    ['The new data cast doubt on the official account.', 'cast', 'cast', 'doubt', 'cast doubt', 'cast doubt'],
    ['She pointed out that the law had changed.', 'pointed', 'point', 'endorsing', 'point out', 'pointed out'],
    ['He made it clear that he would not resign.', 'made', 'make', 'insistence', 'make it clear', 'made it clear'],
    ['The senators raised questions about the deal.', 'raised', 'raise', 'doubt', 'raise questions', 'raised questions'],
    ['The opposition called for an inquiry.', 'called', 'call', 'neutral', 'call for', 'called for'],
    ['The envoy expressed concern about the findings.', 'expressed', 'express', 'doubt', 'express concern', 'expressed concern'],
    ['The ministry took issue with the report.', 'took', 'take', 'doubt', 'take issue', 'took issue'],
    ['The senator doubled down on his claim.', 'doubled', 'double', 'insistence', 'double down', 'doubled down'],
    ['The spokesman laughed off the suggestion.', 'laughed', 'laugh', 'denial', 'laugh off', 'laughed off'],
  ];
  it.each(cases)('%s -> %s', (text, words, key, expected, lemma, spanText) => {
    const d = doc(text);
    const cue = classifyCue(d, candidate(d, words, { key }), 'c1');
    expect(cue.stanceClass).toBe(expected);
    expect(cue.lemma).toBe(lemma);
    expect(cue.spans[0]?.text).toBe(spanText);
  });
});

const SEED_PATHS = [SEED, join(SHARED, 'seed', 'crocus-city-hall-attack.txt')];
const seedPath = SEED_PATHS.find((p) => existsSync(p));

describe.skipIf(!seedPath)('classifyCue: the seed article', () => {
  const d = doc(seedPath ? readFileSync(seedPath, 'utf8') : '');
  // [cue words, nth occurrence, key, class, span text]
  const cases: [string, number, string, StanceClass, string][] = [
    ['insisted', 0, 'insist', 'insistence', 'insisted'],
    ['suggested', 0, 'suggest', 'hedging', 'suggested'],
    ['signaling', 0, 'signal', 'hedging', 'signaling'],
    ['appears', 0, 'appear', 'doubt', 'appears to be skeptical about'],
    ['stated', 0, 'state', 'neutral', 'stated'],
    ['reported', 0, 'report', 'neutral', 'reported'],
    ['told', 0, 'tell', 'neutral', 'told'],
    ['claimed', 1, 'claim', 'distancing', 'claimed'],
  ];
  it.each(cases)('%s (#%i) -> %s', (words, nth, key, expected, spanText) => {
    const cue = classifyCue(d, candidate(d, words, { nth, key }), 'c1');
    expect(cue.stanceClass).toBe(expected);
    expect(cue.spans[0]?.text).toBe(spanText);
  });

  it('reads "The US and the EU have insisted" as a firm, non-negated claim', () => {
    const cue = classifyCue(d, candidate(d, 'insisted', { key: 'insist' }), 'c1');
    expect(cue.environment).toEqual({ negated: false, modal: false, question: false, conditional: false, firstPerson: false });
    expect(cue.sourceCommitment).toBeGreaterThan(0.8);
  });

  it('does not read the quoted "I do not know" as the writer speaking, but as negated', () => {
    const cue = classifyCue(d, candidate(d, 'know', { key: 'know' }), 'c1');
    expect(cue.environment.negated).toBe(true);
    expect(cue.environment.firstPerson).toBe(false);
  });
});

describe('classifyCue: detector ranges that already hold the continuation', () => {
  it('reads "pointed out" and "appears to be skeptical" the same whether the range is the verb or the whole phrase', () => {
    const d = doc('She pointed out that Moscow appears to be skeptical.');
    const out = classifyCue(d, candidate(d, 'pointed out', { key: 'point' }), 'c1');
    expect(out).toMatchObject({ stanceClass: 'endorsing', lemma: 'point out', spans: [{ text: 'pointed out' }] });
    const skeptical = classifyCue(d, candidate(d, 'appears to be skeptical', { key: 'appear' }), 'c2');
    expect(skeptical).toMatchObject({ stanceClass: 'doubt', lemma: 'skeptical', spans: [{ text: 'appears to be skeptical' }] });
  });
});

describe('classifyCue: fallbacks', () => {
  it('reads a known word inside the range when the key is unknown: "was not aware about"', () => {
    const d = doc('Peskov said he was not aware about any warnings.');
    const cue = classifyCue(d, candidate(d, 'was not aware about', { key: 'about' }), 'c1');
    expect(cue).toMatchObject({ lemma: 'aware', stanceClass: 'endorsing', environment: { negated: true } });
    expect(cue.reporterCommitment).toBeGreaterThan(0); // factive: the warnings are presupposed
  });

  it('caps the writer commitment with a distancing adverb: "reportedly attributed"', () => {
    const d = doc('The Iranian side reportedly attributed the attack to ISIS-K.');
    const plain = doc('The Iranian side attributed the attack to ISIS-K.');
    expect(classifyCue(d, candidate(d, 'attributed'), 'c1').reporterCommitment).toBeLessThanOrEqual(-0.2);
    expect(classifyCue(plain, candidate(plain, 'attributed'), 'c1').reporterCommitment).toBe(0);
  });
});

describe('classifyCue: known misses (one entry per key, no word-sense disambiguation)', () => {
  it.fails('reads "charged" as billing, not accusation, in "The firm charged customers a fee"', () => {
    const d = doc('The firm charged customers a fee.');
    expect(classifyCue(d, candidate(d, 'charged'), 'c1').stanceClass).toBe('neutral');
  });
  it.fails('reads perceptual "saw that" as endorsing, not the opinion sense of "sees X as"', () => {
    const d = doc('The guard saw that the door was open.');
    expect(classifyCue(d, candidate(d, 'saw'), 'c1').stanceClass).toBe('endorsing');
  });
});
