// Divergence maths with hand-computed values.
import { describe, expect, it } from 'vitest';
import { framingDistance, jensenShannon } from '../src/08-report/index.js';

const m = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('Jensen-Shannon divergence (base 2)', () => {
  it.each([
    ['identical', { a: 1, b: 1 }, { a: 2, b: 2 }, 0],
    ['disjoint', { a: 1 }, { b: 1 }, 1],
    // P = (1, 0), Q = (1/2, 1/2), M = (3/4, 1/4): 1/2 log2(4/3) + 1/2 (1/2 log2(2/3) + 1/2 log2(2)) = 0.311
    ['half overlap', { a: 1 }, { a: 1, b: 1 }, 0.311],
    ['both empty', {}, {}, 0],
    ['one empty', { a: 1 }, {}, 1],
  ])('%s', (_, p, q, value) => expect(jensenShannon(m(p), m(q))).toBeCloseTo(value, 3));
});

describe('framing distance', () => {
  it('averages the per-actor divergence over the actors both outlets quote', () => {
    // Bortnikov: "suggested" (hedging) vs "stated" (neutral) = 1; Peskov: "said" in both = 0.
    const a = new Map([['bortnikov', m({ hedging: 1 })], ['peskov', m({ neutral: 2 })], ['only-a', m({ denial: 1 })]]);
    const b = new Map([['bortnikov', m({ neutral: 1 })], ['peskov', m({ neutral: 1 })]]);
    expect(framingDistance(a, b)).toBe(0.5);
  });
  it('is null when no actor is quoted by both', () => {
    expect(framingDistance(new Map([['x', m({ neutral: 1 })]]), new Map([['y', m({ neutral: 1 })]]))).toBeNull();
  });
});
