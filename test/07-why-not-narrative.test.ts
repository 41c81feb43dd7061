// Table tests of why a side is (not) a narrative, and of the trace the error scripts read
// (`scripts/narrative-errors.ts --fate` counts every gold claim by these reasons).
import { describe, expect, it } from 'vitest';
import { buildNarratives, mergeActors, whyNotNarrative, type NarrativeTrace, type Side } from '../src/07-narratives/index.js';
import { analyzeArticle } from '../src/pipeline/analyze-article.js';
import type { NarrativeClaim } from '../src/types/index.js';

function claim(i: number, over: Partial<NarrativeClaim> = {}): NarrativeClaim {
  return { id: `c${i}`, articleId: 'a', outlet: 'Fox', sentence: i, start: i * 10, end: i * 10 + 9, text: `claim ${i}`, stance: 'asserts', voice: 'attributed', commitment: 0.7, ...over };
}
const side = (telling: number[], over: Partial<Side> = {}): Side => ({ cluster: 0, telling, disputing: [], disputedBy: new Set(), ...over });

describe('whyNotNarrative', () => {
  // 0-1: Trump in Fox and CNN; 2: Trump in Fox again; 3: "officials" (no actor) in Fox and 4 in
  // CNN; 5-6: the outlets' own voice.
  const claims = [
    claim(0, { actorId: 'trump' }), claim(1, { actorId: 'trump', outlet: 'CNN', articleId: 'b' }), claim(2, { actorId: 'trump' }),
    claim(3, { sourceText: 'officials' }), claim(4, { sourceText: 'officials', outlet: 'CNN', articleId: 'b' }),
    claim(5, { voice: 'own' }), claim(6, { voice: 'own', outlet: 'CNN', articleId: 'b' }),
  ];
  it.each([
    ['a named speaker told in two outlets is a narrative', side([0, 1]), false, null],
    ['a named speaker in one outlet only is not', side([0, 2]), false, 'uncontested, one outlet'],
    ['... unless it is in a conflict', side([0, 2]), true, null],
    ['... or disputed', side([0, 2], { disputing: [5] }), false, null],
    ['sources with no actor in two outlets are not', side([3, 4]), false, 'uncontested, no named speaker'],
    ['the outlets\' own voice is background, even in a conflict', side([5, 6]), true, 'no attributed speaker'],
    ['an own-voice claim beside a named speaker in another outlet counts the outlet', side([0, 6]), false, null],
    ['a side with no claim', side([]), false, 'empty'],
  ])('%s', (_, s, contested, reason) => {
    expect(whyNotNarrative(s, claims, contested)).toBe(reason);
  });
});

describe('the narratives trace', () => {
  const article = (id: string, outlet: string, text: string) => analyzeArticle({ id, outlet, date: null, title: null, url: null, text, dropped: [] });
  const articles = [
    article('fox', 'Fox', 'Senator Ted Cruz said the plan would raise taxes on every family. Cruz said the bill was written in secret. The vote is set for Tuesday.'),
    article('cnn', 'CNN', 'Ted Cruz said the plan would raise taxes on families. The White House said the plan would cut taxes for most families. The vote is on Tuesday.'),
  ];
  let trace: NarrativeTrace | undefined;
  const analysis = buildNarratives(articles, mergeActors(articles), 'e1', { trace: (t) => { trace = t; } });

  it('gives every side a reason exactly when it is not a narrative', () => {
    expect(trace).toBeDefined();
    const t = trace as NarrativeTrace;
    expect(t.reasons.map((r) => r === null)).toEqual(t.kept);
    expect(analysis.narratives).toHaveLength(t.kept.filter(Boolean).length);
    expect(t.tellingBefore).toHaveLength(t.sides.length);
  });
  it('puts exactly the claims of kept sides in narratives, and no narrative claim in the background', () => {
    const t = trace as NarrativeTrace;
    const inNarratives = new Set(analysis.narratives.flatMap((n) => [...n.claimIds, ...n.disputingClaimIds]));
    t.sides.forEach((s, k) => {
      for (const i of s.telling) expect(inNarratives.has(t.claims[i]?.id ?? '')).toBe(t.kept[k]);
    });
    for (const id of analysis.background) expect(inNarratives.has(id)).toBe(false);
    expect(t.claims.map((c) => c.id)).toEqual(analysis.claims.map((c) => c.id));
  });
  it('reads edge weights symmetrically from the signed graph', () => {
    const t = trace as NarrativeTrace;
    expect(t.claims.length).toBeGreaterThan(2);
    expect(t.weight(0, 1)).toBe(t.weight(1, 0));
  });
});
