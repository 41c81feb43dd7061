import { describe, expect, it } from 'vitest';
import { tagCommitments } from '../src/05-cues/commitments/index.js';
import { loadCommitmentModel } from '../src/05-cues/commitments/score.js';
import { relativeRating } from '../src/05-cues/commitments/relatives.js';
import type { RatedFrame } from '../src/05-cues/commitments/model.js';
import { doc } from './05-cues-support.js';

describe('the rating a predicate borrows from its WordNet relatives', () => {
  const rated = new Map<string, RatedFrame>([
    ['decline|to', { positive: -0.6, negated: 0.3 }],
    ['agree|to', { positive: 0.5, negated: -0.5 }],
    ['say|that', { positive: 0.4, negated: -0.1 }],
    ['tell|that', { positive: 0.6, negated: 0.1 }],
  ]);
  // [what, relatives, lemma, negated, complement, expected rating]
  const cases: [string, Parameters<typeof relativeRating>[1], string, boolean, 'that' | 'to', number | undefined][] = [
    ['a synonym lends its rating', { to: { decline: 1 } }, 'refuse', false, 'to', -0.6],
    ['and its negated frame', { to: { decline: 1 } }, 'refuse', true, 'to', 0.3],
    ['weights average the relatives', { that: { say: 1, tell: 0.5 } }, 'state', false, 'that', (0.4 + 0.3) / 1.5],
    ['only relatives rated with the same complement count', { to: { say: 1 } }, 'state', false, 'to', undefined],
    ['unrated relatives are skipped', { to: { rebuff: 1, decline: 0.5 } }, 'refuse', false, 'to', -0.6],
    ['no relatives, no rating', undefined, 'refuse', false, 'to', undefined],
    ['never its own rating', { to: { agree: 1 } }, 'agree', false, 'to', undefined],
  ];
  it.each(cases)('%s', (_what, relatives, lemma, negated, complement, expected) => {
    const r = relativeRating(rated, relatives, lemma, { negated, complement });
    if (expected === undefined) expect(r).toBeUndefined();
    else expect(r).toBeCloseTo(expected, 6);
  });
});

describe('the bundled model borrows from WordNet relatives', () => {
  const model = loadCommitmentModel();
  const w = (text: string, lemma: string): number => {
    const hit = tagCommitments(doc(text), [], model).find((c) => c.lemma === lemma);
    if (!hit) throw new Error(`no predicate "${lemma}" in: ${text}`);
    return hit.writerCommitment;
  };

  it('keeps WordNet synonyms among the predicates ("refuse" shares its first sense with "decline")', () => {
    expect(model.inventory['refuse']?.relatives?.to?.['decline']).toBeGreaterThan(0);
    expect(model.inventory['realize']?.relatives?.that?.['recognize']).toBeGreaterThan(0);
  });

  it('"refused to" denies the event, "did not refuse to" does not', () => {
    const refused = w('The council refused to approve the budget.', 'refuse');
    expect(refused).toBeLessThan(0);
    expect(w('The council did not refuse to approve the budget.', 'refuse')).toBeGreaterThan(refused);
    expect(w('The council agreed to approve the budget.', 'agree')).toBeGreaterThan(refused + 0.5);
  });
});
