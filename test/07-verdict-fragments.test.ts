// Table tests of the verdict rule of the narratives stage: a claim's valence (AFINN-165, a negator
// turning the next rated words round), and the join of narratives that pass one verdict on one
// thing, told by different speakers in their own words. Made-up sentences only.
import { describe, expect, it } from 'vitest';
import { joinLinkedSides, joinVerdictFragments, readSide, sameVerdict } from '../src/07-narratives/fragments.js';
import { sameVerdict as sameSign, valenceOf } from '../src/07-narratives/valence.js';
import { contentStems, vectorize, type ClaimFeatures, type Contradiction, type Side } from '../src/07-narratives/index.js';
import type { SideConflict } from '../src/07-narratives/sides.js';
import type { NarrativeClaim, QuestionKind } from '../src/types/index.js';

describe('valenceOf', () => {
  it.each([
    ['The senator\'s remarks were offensive and hurtful', -1],
    ['That word is a disgrace and he must apologize', -1],
    ['The tariffs will hurt farmers across the state', -1],
    ['That is not acceptable from a member of Congress', -1],
    ['The decision was a great victory for working families', 1],
    ['His comment was not wrong', 1],
    ['The payments are scheduled to go out on Thursday', 0],
  ])('%s -> sign %i', (text, sign) => {
    expect(Math.sign(valenceOf(text))).toBe(sign);
  });
  it('tells the same verdict, opposite verdicts, and no verdict', () => {
    expect(sameSign(-3, -1)).toBe(1);
    expect(sameSign(-3, 2)).toBe(-1);
    expect(sameSign(0, 2)).toBe(0);
  });
});

let id = 0;
function claim(text: string, actorId: string, question: QuestionKind = 'truth'): ClaimFeatures {
  const c: NarrativeClaim = { id: `c${id}`, articleId: `a${id % 3}`, outlet: null, sentence: id, start: id * 100, end: id * 100 + text.length, text, stance: 'asserts', voice: 'attributed', commitment: 0.7, actorId };
  id++;
  return { claim: c, words: contentStems(text), entities: new Set(), agency: false, culprits: new Set(), exclusive: false, openQuestion: false, polarity: 1, nameWords: new Set(), question, numbers: [] };
}
const side = (telling: number[]): Side => ({ cluster: telling[0] ?? 0, telling: [...telling], disputing: [], disputedBy: new Set() });

// Three critics of a congressman's slur, each in their own words; his defender; and an unrelated
// complaint about the weather on the day of the vote.
const features = [
  claim('Young\'s offensive remark about immigrants was wrong and he must apologize', 'boehner'),
  claim('The remark was offensive and hurtful to immigrants', 'boehner'),
  claim('There is no excuse for such an offensive remark about immigrants', 'cornyn'),
  claim('It was a hurtful, offensive remark about immigrants, a disgrace', 'hinojosa'),
  claim('Young meant no harm and his remark was taken out of context', 'young'),
  claim('The storm made the roads dangerous and flights were cancelled', 'forecaster'),
  claim('Heavy rain caused terrible flooding downtown', 'mayor'),
];
const valences = features.map((f) => valenceOf(f.claim.text));
const tfidf = vectorize(features);

describe('sameVerdict', () => {
  const read = (telling: number[]) => readSide(telling, features, valences, tfidf);
  it.each([
    ['two critics condemning the same remark', [0, 1], [2], true],
    ['a third critic in other words', [0, 1], [3], true],
    ['a critic and a condemnation of something else (the storm)', [0, 1], [6], false],
    ['a critic and the defender who condemns nothing', [0, 1], [4], false],
  ])('%s', (_, a, b, same) => {
    expect(sameVerdict(read(a), read(b))).toBe(same);
  });
  it('reads the words, not the actors: two condemnations of different things that name one country stay apart', () => {
    const withUs = (f: ClaimFeatures): ClaimFeatures => ({ ...f, entities: new Set(['us']) });
    const pair = [withUs(claim('Sanctions would harm it', 'economist')), withUs(claim('Riyadh threatened retaliation', 'ministry'))];
    const v = pair.map((f) => valenceOf(f.claim.text));
    const t = vectorize(pair);
    expect(v.every((x) => x < 0)).toBe(true);
    expect(sameVerdict(readSide([0], pair, v, t), readSide([1], pair, v, t))).toBe(false);
  });
  it('keeps apart two sides answering two different specific questions', () => {
    const a = { ...read([0, 1]), questions: new Set(['responsibility']) };
    const b = { ...read([2]), questions: new Set(['knowledge']) };
    expect(sameVerdict(a, b)).toBe(false);
  });
});

describe('joinVerdictFragments', () => {
  const fresh = (): Side[] => [side([0, 1]), side([2]), side([3]), side([4]), side([5]), side([6])];
  it('joins the critics\' one-speaker narratives into one, leaving the defender and the weather alone', () => {
    const sides = fresh();
    const kept = sides.map(() => true);
    const conflicts: SideConflict[] = [{ a: 0, b: 3, total: 1, evidence: [] }, { a: 2, b: 3, total: 1, evidence: [] }];
    const joined = joinVerdictFragments(sides, kept, conflicts, features, new Map(), valences, tfidf);
    expect(joined).toBe(2);
    expect(sides[0]?.telling).toEqual([0, 1, 2, 3]);
    expect(kept).toEqual([true, false, false, true, true, true]);
    // The critics' conflict with the defender is one conflict of the joined narrative.
    expect(conflicts.map((c) => [c.a, c.b])).toEqual([[0, 3]]);
  });
  it('never joins two narratives whose claims contradict each other, or whose speakers do elsewhere', () => {
    const direct = fresh();
    const keptDirect = direct.map(() => true);
    const contradiction: Contradiction = { signal: 'denial', weight: 0.8, disputing: 'a' };
    joinVerdictFragments(direct, keptDirect, [], features, new Map([['2,3', contradiction]]), valences, tfidf);
    expect(keptDirect.slice(0, 3)).toEqual([true, false, true]);
    // Cornyn (claim 2) and Hinojosa (3) oppose each other through other claims of theirs (2 vs 3
    // above); with claims 0-1 in between, Hinojosa may join the first narrative only if Cornyn has not.
    const sides = fresh();
    const kept = sides.map(() => true);
    joinVerdictFragments(sides, kept, [], features, new Map([['2,3', contradiction]]), valences, tfidf);
    expect(sides[0]?.telling).toEqual([0, 1, 2]);
    expect(sides[2]?.telling).toEqual([3]);
  });
  it('leaves sides that are not narratives where they are', () => {
    const sides = fresh();
    const kept = [true, false, true, true, true, true];
    joinVerdictFragments(sides, kept, [], features, new Map(), valences, tfidf);
    expect(sides[1]?.telling).toEqual([2]);
    expect(sides[0]?.telling).toEqual([0, 1, 3]);
  });
});

describe('joinLinkedSides: average linkage over sides (an option, off by default)', () => {
  // Two outlets tell "the bridge must close" in other words (claims 0-1 and 2), a third
  // outlet's engineer says it is safe (3), and a claim answers another question (4).
  const linked = [
    claim('The bridge must close until the cracks are repaired', 'P1'),
    claim('Inspectors want traffic off the span at once', 'P1'),
    claim('Drivers should stay off the bridge, the mayor said', 'P2'),
    claim('The bridge is safe for traffic, the engineer said', 'P3'),
    claim('The repairs will cost four million dollars', 'P4', 'count'),
    claim('The council knew of the cracks last year', 'P5', 'knowledge'),
  ];
  // Mean edges: 0-1 with 2 lean a little apart (-0.1); everything else far apart.
  const w = (i: number, j: number): number => ([i, j].sort().join() === '0,2' || [i, j].sort().join() === '1,2' ? -0.1 : [i, j].sort().join() === '4,5' ? 0.2 : -0.8);
  const fresh = (): Side[] => [side([0, 1]), side([2]), side([3]), side([4]), side([5])];
  it.each([
    ['joins two pieces of one side that lean a little apart', -0.2, new Map(), [[0, 1, 2], [], [3], [4], [5]]],
    ['leaves them apart under a stricter link', 0, new Map(), [[0, 1], [2], [3], [4], [5]]],
    ['never joins sides whose claims contradict each other', -0.2, new Map([['1,2', { signal: 'denial', weight: 0.8, disputing: 'a' } as Contradiction]]), [[0, 1], [2], [3], [4], [5]]],
  ] as const)('%s', (_, link, contradictions, expected) => {
    const sides = fresh();
    const kept = sides.map(() => true);
    joinLinkedSides(sides, kept, [], linked, contradictions, w, link);
    expect(sides.map((s) => s.telling)).toEqual(expected);
  });
  it('never joins two sides answering two different specific questions, however close', () => {
    const sides = fresh();
    joinLinkedSides(sides, sides.map(() => true), [], linked, new Map(), w, -0.2);
    expect(sides[3]?.telling).toEqual([4]);
    expect(sides[4]?.telling).toEqual([5]);
  });
  it('with `sharedSpeaker`, joins only pieces one speaker tells in both', () => {
    // The mayor (P2) going on in other words joins the mayor's side; the inspectors' side (P1)
    // leaning as close does not.
    const mayor = [...linked.slice(0, 5), claim('The mayor added that the span had to be shut', 'P2')];
    const near = (i: number, j: number): number => ([i, j].sort().join() === '2,5' || [i, j].sort().join() === '0,2' || [i, j].sort().join() === '1,2' ? -0.1 : -0.8);
    const sides = [side([0, 1]), side([2]), side([3]), side([4]), side([5])];
    joinLinkedSides(sides, sides.map(() => true), [], mayor, new Map(), near, -0.2, true);
    expect(sides.map((s) => s.telling)).toEqual([[0, 1], [2, 5], [3], [4], []]);
  });
});
