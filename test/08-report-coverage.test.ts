// How an outlet covers a narrative, judged from the evidence coverage.ts gathers
// (src/08-report/coverage.ts `judgeCoverage`): one table row per rule, on hand-made evidence (the
// dev-set effect is measured by `eval narratives` and scripts/omission-errors.ts).
import { describe, expect, it } from 'vitest';
import { agreementOf, coverageEvidence, judgeAll, judgeCoverage, type CoverageEvidence } from '../src/08-report/coverage.js';
import { AGREES } from '../src/08-report/omissions.js';
import { claimRelations } from '../src/07-narratives/index.js';
import type { Narrative, NarrativeAnalysis, NarrativeClaim } from '../src/types/index.js';

const relation = (agree: number, disagree: number, discuss: number) => ({ agree, disagree, discuss, unrelated: Math.max(0, 1 - agree - disagree - discuss) });
const near = (cosine: number, r = relation(0, 0, 0)) => ({ tellingId: 'c1', claimId: 'c9', cosine, relation: r });
const evidence = (over: Partial<CoverageEvidence>): CoverageEvidence => ({ silent: false, body: { agree: 0, disagree: 0 }, nearest: [], ...over });

describe('coverage: what an outlet does with a narrative', () => {
  it.each([
    ['its claim is among the narrative\'s telling claims', evidence({ member: 'tells' }), 'tells'],
    ['its claim is among the narrative\'s disputing claims', evidence({ member: 'disputes' }), 'disputes'],
    ['the model reads one of its articles as supporting the narrative', evidence({ body: { agree: 0.8, disagree: 0 } }), 'tells'],
    ['the model reads one of its articles as disputing it', evidence({ body: { agree: 0.1, disagree: 0.7 } }), 'disputes'],
    ['a claim in much the same words (cosine 0.62), clustered elsewhere', evidence({ nearest: [near(0.62)] }), 'discusses'],
    // "the panel's plans to allow the committee's counsels ... to question Barr" in an outlet that
    // calls the spokeswoman "Justice officials": the words carry it whoever is named.
    ['much the same words in an outlet that never names the narrative\'s actors', evidence({ silent: true, nearest: [near(0.62)] }), 'discusses'],
    ['the model reads a nearby claim as discussing it', evidence({ nearest: [near(0.15, relation(0.1, 0.1, 0.7))] }), 'discusses'],
    // On claims sharing few words the model finds a discussion of nearly any claim on the topic.
    ['a model "discussion" in an outlet silent on the narrative\'s actors', evidence({ silent: true, nearest: [near(0.15, relation(0.1, 0.1, 0.7))] }), 'omits'],
    ['only a rival claim (the model: disagree) sharing few words', evidence({ nearest: [near(0.2, relation(0.05, 0.85, 0.05))] }), 'omits'],
    ['nothing near at all', evidence({}), 'omits'],
    ['a few shared words (cosine 0.2) and no model reading', evidence({ nearest: [near(0.2)] }), 'omits'],
  ] as const)('%s: %s', (_, e, expected) => expect(judgeCoverage(e)).toBe(expected));

  it('honours the threshold for the model readings', () => {
    const e = evidence({ nearest: [near(0.1, relation(0.1, 0.1, 0.6))] });
    expect(judgeCoverage(e, 0.5)).toBe('discusses');
    expect(judgeCoverage(e, 0.7)).toBe('omits');
  });
});

describe('coverage: the model\'s agreement, read by the omission tests', () => {
  it('keeps the highest agree of the outlet\'s nearest claims, 0 without any, and judges as before', () => {
    const evidence = new Map([['Outlet A', new Map<string, CoverageEvidence>([
      ['n1', { silent: true, body: { agree: 0, disagree: 0 }, nearest: [near(0.1, relation(0.3, 0.1, 0.1)), near(0.12, relation(0.72, 0.1, 0.1))] }],
      ['n2', { member: 'tells', silent: false, body: { agree: 0, disagree: 0 }, nearest: [] }],
    ])]]);
    expect(agreementOf(evidence).get('Outlet A')).toEqual(new Map([['n1', 0.72], ['n2', 0]]));
    // An agreeing claim alone leaves the coverage `omits`: whether to state it is omissions.ts's call.
    expect(judgeAll(evidence).get('Outlet A')).toEqual(new Map([['n1', 'omits'], ['n2', 'tells']]));
  });
});

// Test 6 of omissions.ts reads the model's agreement on every claim of the outlet where the verdict
// is `omits`, not only on its five nearest in words (a side told through other voices shares few
// words with the narrative's claim). Real relation model, made-up sentences: outlet B has ten
// claims; the one the model reads as agreeing most is not among the five nearest in words.
describe('coverage: agreement read on every claim of the outlet', () => {
  const claim = (id: string, outlet: string, text: string): NarrativeClaim => ({
    id, articleId: `${outlet}-1`, outlet, start: 0, end: text.length, text, sentence: 0, stance: 'asserts', voice: 'attributed', commitment: 1,
  });
  const told = claim('a1', 'A', 'The mayor is holding up the flood relief payments so that his name can be printed on every cheque.');
  const outletB = ['The payments office closes early on Fridays.', 'The mayor said nothing about the payments on Tuesday.', 'His office did not comment on the cheque.',
    'The relief budget is not yet settled, the mayor said.', 'The town hall will be repainted next spring.', 'The mayor visited the flood zone on Tuesday.',
    'The flood did not reach the school, the mayor said.', 'The mayor has no plans to resign, his spokesman said.', 'The name of the new bridge is not yet chosen.',
    'The flood waters are holding steady at the dam.'].map((text, k) => claim(`b${k + 1}`, 'B', text));
  // A side (whole-sides.ts): outlet C's spokesman denies it. Only sides are read in full.
  const denial = claim('c1', 'C', 'The payments are not held up, a spokesman said.');
  const narrative: Narrative = { id: 'n1', event: 'e1', question: 'q1', answer: 'held up', label: 'held up', claimIds: ['a1'], disputingClaimIds: ['c1'], backers: [], disputers: [], outlets: ['A', 'C'] };
  const analysis: NarrativeAnalysis = { event: 'e1', claims: [told, denial, ...outletB], questions: [], narratives: [narrative], conflicts: [], background: [], skippedClaims: 0 };
  const relations = claimRelations();
  const e = coverageEvidence([], analysis, ['A', 'B'], { relations });
  const b = e.get('B')?.get('n1');

  it('the verdict is `omits`, and no claim among the nearest in words agrees', () => {
    expect(b && judgeCoverage(b)).toBe('omits');
    expect(b?.nearest.length).toBe(5);
    expect(Math.max(...(b?.nearest ?? []).map((x) => x.relation.agree))).toBeLessThan(AGREES);
  });
  it('the agreement is read on every claim all the same, one outside the nearest, and reaches test 6', () => {
    expect(b?.agreeing?.agree).toBeGreaterThanOrEqual(AGREES);
    expect(b?.nearest.some((x) => x.claimId === b.agreeing?.claimId)).toBe(false);
    expect(agreementOf(e).get('B')?.get('n1')).toBe(b?.agreeing?.agree);
  });
  it('an outlet that tells the narrative in its own claims is not read this way, nor a possible fragment', () => {
    expect(e.get('A')?.get('n1')?.member).toBe('tells');
    expect(e.get('A')?.get('n1')?.agreeing).toBeUndefined();
    const fragment = coverageEvidence([], { ...analysis, narratives: [{ ...narrative, disputingClaimIds: [] }] }, ['A', 'B'], { relations });
    expect(fragment.get('B')?.get('n1')?.agreeing).toBeUndefined();
  });
});
