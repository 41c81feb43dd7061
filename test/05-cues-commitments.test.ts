import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tagCommitments } from '../src/05-cues/commitments/index.js';
import { evaluateVeridicality } from '../src/eval/veridicality.js';
import { analyzeArticle } from '../src/pipeline/analyze-article.js';
import type { PredicateCommitment } from '../src/types/index.js';
import { doc } from './05-cues-support.js';

/** The commitment of the predicate `lemma` in `text` (fails when the finder misses it). */
function commitment(text: string, lemma: string): PredicateCommitment {
  const hit = tagCommitments(doc(text), []).find((c) => c.lemma === lemma);
  if (!hit) throw new Error(`no predicate "${lemma}" found in: ${text}`);
  return hit;
}

describe('clause-embedding predicates: what is found', () => {
  // [sentence, lemma, kind, complement type, clause text, negated, person, tense]
  const cases: [string, string, PredicateCommitment['kind'], 'that' | 'to', string, boolean, string, string][] = [
    ['She realized that the plant had closed.', 'realize', 'verb', 'that', 'the plant had closed', false, 'third', 'past'],
    ['She did not realize that the plant had closed.', 'realize', 'verb', 'that', 'the plant had closed', true, 'third', 'past'],
    ["I don't think the plan will work.", 'think', 'verb', 'that', 'the plan will work', true, 'first', 'present'],
    ['It seems that the talks failed.', 'seem', 'verb', 'that', 'the talks failed', false, 'impersonal', 'present'],
    ['He was not aware that the law had changed.', 'aware', 'adjective', 'that', 'the law had changed', true, 'third', 'past'],
    ['She is sure that he left early.', 'sure', 'adjective', 'that', 'he left early', false, 'third', 'present'],
    ['Nobody mentioned the fact that the dam was old.', 'fact', 'noun', 'that', 'the dam was old', false, 'third', 'present'],
    ['Nike declined to be a sponsor.', 'decline', 'verb', 'to', 'to be a sponsor', false, 'third', 'past'],
    ['The mayor will reveal that the budget is empty, aides said.', 'reveal', 'verb', 'that', 'the budget is empty, aides said', false, 'third', 'future'],
    ['The budget is empty, he claimed, and the mayor knows that it is.', 'know', 'verb', 'that', 'it is', false, 'third', 'present'],
  ];
  it.each(cases)('%s', (text, lemma, kind, complementType, clause, negated, person, tense) => {
    const c = commitment(text, lemma);
    expect({ kind: c.kind, complementType: c.complementType, clause: c.clause.text, negated: c.environment.negated, person: c.environment.person, tense: c.environment.tense })
      .toEqual({ kind, complementType, clause, negated, person, tense });
    // The clause span points into the text.
    expect(text.slice(c.clause.start, c.clause.end)).toBe(c.clause.text);
  });

  it('finds nothing where no clause is embedded', () => {
    expect(tagCommitments(doc('She knew him well. The claim was rejected.'), [])).toEqual([]);
  });
});

describe('clause-embedding predicates: how committed the writer is', () => {
  const w = (text: string, lemma: string): number => commitment(text, lemma).writerCommitment;

  it('a factive keeps the writer committed under negation; a report verb does not', () => {
    const realized = w('She realized that the plant had closed.', 'realize');
    const notRealized = w('She did not realize that the plant had closed.', 'realize');
    const notSaid = w('She did not say that the plant had closed.', 'say');
    expect(realized).toBeGreaterThan(0.5);
    expect(notRealized).toBeGreaterThan(0.2);
    expect(notRealized).toBeGreaterThan(notSaid);
    expect(Math.abs(notSaid)).toBeLessThan(0.2);
  });

  it('"revealed that" vouches for the clause more than "claimed that"', () => {
    expect(w('Officials revealed that the mine was unsafe.', 'reveal')).toBeGreaterThan(w('Officials claimed that the mine was unsafe.', 'claim') + 0.2);
  });

  it('"I don\'t think" makes the writer doubt the clause, as its subject', () => {
    const c = commitment("I don't think the plan will work.", 'think');
    expect(c.environment.firstPerson).toBe(true);
    expect(c.writerCommitment).toBeLessThan(0);
    expect(c.writerCommitment).toBe(c.subjectCommitment);
  });

  it('"it seems that" is weaker than a factive and stronger than a negated belief', () => {
    const seems = w('It seems that the talks failed.', 'seem');
    expect(seems).toBeGreaterThan(0);
    expect(seems).toBeLessThan(w('It is clear that the talks failed.', 'clear') + 0.3);
    expect(seems).toBeLessThan(w('She realized that the talks failed.', 'realize'));
  });

  it('adjective and noun predicates are scored: "not aware that" still presupposes, "the claim that" does not vouch', () => {
    expect(w('He was not aware that the law had changed.', 'aware')).toBeGreaterThan(0);
    expect(w('He repeated the claim that the vote was rigged.', 'claim')).toBeLessThan(w('He ignored the fact that the vote was rigged.', 'fact'));
  });

  it('a negative-prefix adjective is its base negated: "unlikely" doubts, "not unlikely" leans as "likely"', () => {
    const likely = w('It is likely that the talks will resume.', 'likely');
    const unlikely = w('It is unlikely that the talks will resume.', 'unlikely');
    expect(unlikely).toBeLessThan(0);
    expect(likely).toBeGreaterThan(unlikely + 0.4);
    expect(w('It is not unlikely that the talks will resume.', 'unlikely')).toBeCloseTo(likely, 1);
    expect(w('It is impossible that the talks will resume.', 'impossible')).toBeLessThan(w('It is possible that the talks will resume.', 'possible'));
  });

  it('"managed to" vouches for the event, "declined to" does not', () => {
    expect(w('He managed to escape.', 'manage')).toBeGreaterThan(w('He declined to escape.', 'decline') + 0.2);
  });

  it('modal and question frames weaken a non-factive, not a factive in a question', () => {
    const plain = w('He said that the vote was rigged.', 'say');
    expect(Math.abs(w('He may have said that the vote was rigged.', 'say'))).toBeLessThan(Math.abs(plain));
    expect(w('Did she realize that the plant had closed?', 'realize')).toBe(w('She realized that the plant had closed.', 'realize'));
  });

  it('the analysis output carries the commitments and links a predicate to its attribution cue', () => {
    const text = 'The minister said that the plant would close. Residents were not aware that it was unsafe.';
    const result = analyzeArticle({ id: 'a', outlet: null, date: null, title: null, url: null, text, dropped: [] });
    const said = result.commitments.find((c) => c.lemma === 'say');
    const aware = result.commitments.find((c) => c.lemma === 'aware');
    expect(said?.clause.text).toBe('the plant would close');
    expect(said?.cueId).toBe(result.cues.find((c) => c.lemma === 'say')?.id);
    expect(aware?.environment.negated).toBe(true);
    expect(aware?.clause.text).toBe('it was unsafe');
  });
});

const VERIDICALITY = '../shared/corpora/verb_veridicality/verb_veridicality_evaluation.tsv';
describe.skipIf(!existsSync(VERIDICALITY))('veridicality eval on held-out verbs (Ross & Pavlick 2019)', () => {
  it('correlates with crowd ratings on verbs never seen in fitting, and covers most targets', () => {
    const report = evaluateVeridicality(VERIDICALITY);
    expect(report.heldOutVerbs).toBeGreaterThan(15);
    expect(report.covered / report.targets).toBeGreaterThan(0.85);
    // Issue 17's target on the fixed held-out split (0.605 on 2026-11-28 with WordNet relatives;
    // 0.528 before); published rule-based system: 0.41. The fit is deterministic.
    expect(report.rCovered).toBeGreaterThan(0.6);
    expect(report.rModel).toBeGreaterThan(0.6);
    expect(report.rCovered).toBeGreaterThan(report.rNegationOnly);
  }, 60_000);
});
if (!existsSync(VERIDICALITY)) console.warn(`skipping the veridicality eval test: ${VERIDICALITY} not found (../shared is absent)`);

describe('clause-embedding predicates: a noun that takes the clause', () => {
  it('"repeated the claim that P" scores the noun, not the verb', () => {
    const found = tagCommitments(doc('He repeated the claim that the vote was rigged.'), []);
    expect(found.map((c) => [c.lemma, c.kind, c.clause.text])).toEqual([['claim', 'noun', 'the vote was rigged']]);
  });
});
