// Unit tests of the narratives stage, one table per step.
import { describe, expect, it } from 'vitest';
import {
  agreement, assertsAlternative, contradiction, correlationClusters, cosine, denial, denialScope, mergeActors, oneStatement, pointedDenial, nameKey, openQuestion, rivalAgent, speakersOf,
  shorten, stanceOf, trimSpan, vectorize, contentStems, type ClaimFeatures,
} from '../src/07-narratives/index.js';
import { analyzeArticle } from '../src/pipeline/analyze-article.js';
import type { Actor, AnalyzedArticle, NarrativeClaim } from '../src/types/index.js';

/** A claim's features by hand: only what the signal under test reads. */
let nextClaim = 0;
function f(over: Partial<Omit<ClaimFeatures, 'entities' | 'culprits' | 'nameWords'>> & { entities?: string[]; culprits?: string[]; stance?: NarrativeClaim['stance'] } = {}): ClaimFeatures {
  // Each claim its own stretch of text: two claims on one span are one statement.
  const at = 10 * nextClaim++;
  const claim: NarrativeClaim = { id: `c${at}`, articleId: 'a', outlet: null, sentence: 0, start: at, end: at + 1, text: 'x', stance: over.stance ?? 'asserts', voice: 'attributed', commitment: 0.7 };
  return {
    claim, words: over.words ?? [], entities: new Set(over.entities ?? []), agency: over.agency ?? false,
    culprits: new Set(over.culprits ?? []), exclusive: over.exclusive ?? false, openQuestion: over.openQuestion ?? false,
    polarity: over.polarity ?? 1, nameWords: new Set(), question: over.question ?? (over.agency ? 'responsibility' : 'truth'), numbers: [],
  };
}

describe('7.1 cross-article actor names', () => {
  it.each([
    ['The Kremlin', 'kremlin'],
    ['Russia’s', 'russia'],
    ['  Dmitry   Peskov ', 'dmitry peskov'],
  ])('nameKey(%j) = %j', (name, key) => expect(nameKey(name)).toBe(key));
});

describe('7.2 claims', () => {
  it.each([
    ['neutral', false, 'asserts'], ['endorsing', false, 'asserts'], ['hedging', false, 'hedges'],
    ['denial', false, 'denies'], ['doubt', false, 'doubts'], ['neutral', true, 'doubts'], ['denial', true, 'hedges'],
  ] as const)('a %s cue (negated: %s) gives stance %s', (cls, negated, stance) => expect(stanceOf(cls, negated)).toBe(stance));

  it('trims a span to its words, keeping quotes', () => {
    const text = '  “I do not know,” he said';
    const end = text.indexOf('”') + 1;
    expect(trimSpan(text, 0, end + 1)).toEqual({ start: 2, end, text: '“I do not know,”' });
    expect(trimSpan(text, 0, 2)).toBeNull();
  });
});

describe('7.4 similarity', () => {
  it('is 1 for the same words, 0 for disjoint ones, and weighs shared event words less', () => {
    const [a, b, c, d] = vectorize([
      f({ words: ['iran', 'warn', 'attack'] }), f({ words: ['iran', 'warn', 'attack'] }),
      f({ words: ['ukrain', 'link', 'attack'] }), f({ words: ['moscow'] }),
    ]);
    expect(cosine(a!, b!)).toBeCloseTo(1, 5);
    expect(cosine(a!, d!)).toBe(0);
    expect(cosine(a!, c!)).toBeGreaterThan(0);
    expect(cosine(a!, c!)).toBeLessThan(0.3);
  });

  it('counts shared actors as terms', () => {
    const [a, b] = vectorize([f({ entities: ['A1'] }), f({ entities: ['A1'] })]);
    expect(cosine(a!, b!)).toBeCloseTo(1, 5);
  });
});

describe('7.5 contradiction signals', () => {
  const iranWarned = f({ entities: ['Iran', 'Russia'], words: ['iran', 'tip', 'russia', 'terrorist', 'oper'] });
  const peskov = f({ entities: ['Iran'], words: ['awar', 'warn', 'iran'], polarity: -1, stance: 'doubts' });
  const isisAlone = f({ agency: true, culprits: ['ISIS-K'], exclusive: true });
  const isisClaimed = f({ agency: true, culprits: ['ISIS-K'] });
  const ukraineLinked = f({ agency: true, culprits: ['Ukraine', 'US'], stance: 'hedges' });
  const kyivDenies = f({ agency: true, culprits: ['Ukraine'], polarity: -1, stance: 'denies' });
  const mastermindOpen = f({ agency: true, openQuestion: true });

  it.each([
    ['"Iran warned Russia" vs "Peskov: not aware of any warnings"', iranWarned, peskov, 'denial'],
    ['"ISIS-K was the sole culprit" vs "US, UK and Ukraine may be linked"', isisAlone, ukraineLinked, 'exclusivity'],
    ['"ISIS-K claimed responsibility" vs "Ukraine may be linked"', isisClaimed, ukraineLinked, 'rival-agent'],
    ['"Kyiv denied any involvement" vs "Ukraine may be linked"', kyivDenies, ukraineLinked, 'denial'],
    ['"true mastermind yet to be established" vs "ISIS-K was the sole culprit"', mastermindOpen, isisAlone, 'open-question'],
  ])('%s', (_, a, b, signal) => {
    expect(contradiction(a, b, 0.35)?.signal).toBe(signal);
    expect(contradiction(b, a, 0.35)?.signal).toBe(signal);
  });

  it.each([
    ['"ISIS-K claimed it" and "ISIS-K was the sole culprit"', isisClaimed, isisAlone],
    ['"Kyiv denied any involvement" and "ISIS-K claimed it"', kyivDenies, isisClaimed],
    ['"mastermind yet to be established" and hedged "Ukraine may be linked"', mastermindOpen, ukraineLinked],
    ['a denial off the topic', f({ polarity: -1, entities: ['X'], words: ['a', 'b'] }), f({ entities: ['Y'], words: ['c', 'd', 'e', 'f'] })],
    ['a denial of a bare name', f({ polarity: -1, entities: ['X'], words: ['a', 'b'] }), f({ entities: ['X'], words: ['sen', 'sander'] })],
  ])('no contradiction: %s', (_, a, b) => expect(contradiction(a, b, 0)).toBeNull());

  it('rival agents only on the same question and deed', () => {
    expect(rivalAgent(isisClaimed, ukraineLinked, false)).toBeNull();
    expect(rivalAgent(isisClaimed, ukraineLinked, true, 0.2)).toBeNull(); // different deeds in few shared words
    expect(rivalAgent(isisClaimed, ukraineLinked, true, 0.35)?.signal).toBe('rival-agent');
    expect(rivalAgent(isisAlone, ukraineLinked, true, 0.05)?.signal).toBe('exclusivity');
  });
  it('denial strength grows with similarity', () => expect(denial(iranWarned, peskov, 0.4)).toBeGreaterThan(denial(iranWarned, peskov, 0.1)));
  it('an open question does not doubt a hedged answer', () => expect(openQuestion(mastermindOpen, ukraineLinked)).toBe(0));
  it('agreement: same answer, same polarity; ruling out a rival agrees, denying one\'s own role does not', () => {
    expect(agreement(isisClaimed, isisAlone)).toBeGreaterThan(0);
    expect(agreement(f({ agency: true, culprits: ['Ukraine'], polarity: -1 }), isisAlone)).toBeGreaterThan(0); // "no indication that Ukraine was involved"
    expect(agreement(kyivDenies, isisAlone)).toBe(0); // "Kyiv denied any involvement"
    expect(agreement(isisClaimed, ukraineLinked)).toBe(0);
  });
});

describe('7.5 a denial is aimed at what it negates', () => {
  /** Features of a claim as the stage reads its text: stems, names (capitalised words), its negation. */
  const read = (text: string, question: ClaimFeatures['question'] = 'truth'): ClaimFeatures => {
    const base = f({ words: contentStems(text), question });
    const claim = { ...base.claim, articleId: base.claim.id, text, end: base.claim.start + text.length };
    const cue = text.match(/n't\b|\b(?:not|no|never|inaccurate|false)\b/);
    const names = new Set(contentStems(text.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).join(' ')));
    return { ...base, claim, nameWords: names, polarity: cue ? -1 : 1, ...(cue ? { negation: { start: claim.start + (cue.index ?? 0), end: claim.start + (cue.index ?? 0) + cue[0].length, text: cue[0] } } : {}) };
  };
  it.each([
    ['the negated predicate is in the other claim', 'Mexico will not pay for a wall along the border', 'Trump would compel Mexico to pay for the wall', true],
    ['a frame word is skipped ("not aware of any warnings")', 'he was not aware of any warnings', 'officials warned about an attack', true],
    ['a frame verb with an object is the predicate ("did not know the woman")', 'he did not know the woman who received the photo', 'the photo was sent to a Seattle woman', false],
    ['only the negated predicate counts, not the rest of the clause', 'Mexico will not pay for a wall along the border', 'his plan to build a giant wall along the border', false],
    ['a shared subject is not a shared proposition', "The job market doesn't appear to have the bounce it once did", 'some weakness in the job market', false],
    ['two judgements of the same comments share only a noun of speech', 'the comments were inaccurate', 'the comments are utterly irresponsible', false],
    ['a falsity judgement reaches the thing it judges', 'the reports of a deal are false', 'the two sides reached a deal', true],
  ] as const)('%s', (_, negative, positive, aimed) => expect(pointedDenial(read(negative), read(positive))).toBe(aimed));

  it.each([
    ['both negate the same predicate ("no delay" / "there is absolutely no delay")', 'there will be no delay to make that happen', 'the checks are going out on time and as planned, there is absolutely no delay', false],
    ['both say the position has not changed, one after a dash', 'the group\'s position had not changed in any substantive way', 'Stay tuned -- our position has not changed on pensions', false],
    ['the other claim negates another word, not the denied one', 'the plan will not cause a delay', 'officials said there was no doubt the plan would cause a delay', true],
  ] as const)('same negation agrees: %s', (_, negative, positive, aimed) => expect(pointedDenial(read(negative), read(positive))).toBe(aimed));
  it.each([
    ['refuse', 'to provide details about who approached him', false],
    ['decline', 'to discuss it', false],
    ['reject', 'the overture and ran for the seat anyway', false],
    ['refuse', 'to step down from the race', true],
    ['deny', 'to provide details about who approached him', true],
  ] as const)('a refusal to speak denies nothing: %s %s -> aimed %s', (cue, text, aimed) => {
    const neg = read(text);
    const refusal = { ...neg, polarity: -1 as const, claim: { ...neg.claim, stance: 'denies' as const, cueLemma: cue } };
    expect(pointedDenial(refusal, read('The governor approached him to provide details of a post and to discuss the overture; he should step down from the race'))).toBe(aimed);
  });
  it('within one specific question about the same actors the question is the aim', () => {
    const withIran = (x: ClaimFeatures): ClaimFeatures => ({ ...x, entities: new Set(['Iran']) });
    expect(pointedDenial(withIran(read('he was not told anything', 'knowledge')), withIran(read('Iran tipped Russia off', 'knowledge')))).toBe(true);
    expect(pointedDenial(read('he was not told anything', 'knowledge'), read('Iran tipped Russia off', 'knowledge'))).toBe(false);
  });
  it('reaches words taken by anaphora', () => {
    const rejected = read('Kyiv did not accept the accusations');
    expect(denialScope({ ...rejected, words: [...rejected.words, 'gunmen'] })).toContain('gunmen');
  });
  it.each([
    ['one stretch of one article', f({ words: ['a'] }), null, true],
    ['a claim that quotes the other whole', read('I don\'t question the president\'s faith'), read('"I\'ve repeatedly said I don\'t question the president\'s faith," he said'), true],
    ['the same words denied by another speaker are a denial', f({ stance: 'denies' }), f(), false],
    ['negating the quoted words is a denial', read('“a war of Obama’s choosing.”'), read('the war in Afghanistan was not ‘a war of Obama’s choosing.’'), false],
  ] as const)('one statement: %s', (_, a, b, same) => {
    const other = b ?? { ...a, claim: { ...a.claim, id: 'other' } };
    expect(oneStatement(a, other)).toBe(same);
  });
  it.each([
    ['a correction in the next sentence', 'the war in Afghanistan was not ‘a war of Obama’s choosing.’ It has been prosecuted by the United States under Presidents Bush and Obama', true],
    ['a correction after ", but"', 'he would not go that far, but said Steele must apologize to the troops', true],
    ['a pure denial', 'Kyiv had nothing to do with the attack', false],
    ['a denial with a negative second sentence', 'he was not aware of any warnings. Nobody told him anything about it', false],
    ['a short tag after the denial', 'we will not pay. Never', false],
  ] as const)('asserts an alternative: %s', (_, text, expected) => expect(assertsAlternative(read(text))).toBe(expected));

  it('an indirect question is never denied', () => expect(denial(read('whether he still wished to be mayor'), read('he did not wish to be mayor anymore'), 0.5)).toBe(0));
});

describe('7.7 correlation clustering', () => {
  const matrix = (n: number, edges: [number, number, number][]): Float64Array => {
    const w = new Float64Array(n * n);
    for (const [i, j, v] of edges) { w[i * n + j] = v; w[j * n + i] = v; }
    return w;
  };
  it.each([
    ['two positive pairs', 4, [[0, 1, 1], [2, 3, 1], [0, 2, -1]], [[0, 1], [2, 3]]],
    ['a negative edge keeps a triangle apart', 3, [[0, 1, 0.5], [1, 2, 0.5], [0, 2, -2]], [[0, 1], [2]]],
    ['weak positives outweigh nothing', 3, [[0, 1, 0.1], [1, 2, 0.1], [0, 2, 0.1]], [[0, 1, 2]]],
    ['no edges: singletons', 2, [], [[0], [1]]],
  ] as const)('%s', (_, n, edges, clusters) => {
    expect(correlationClusters(n, matrix(n, edges.map((e) => [...e] as [number, number, number])))).toEqual(clusters);
  });
});

describe('7.9 labels', () => {
  it.each([
    ['that ISIS-K was the sole culprit behind the Crocus City Hall attack', 'ISIS-K was the sole culprit behind the Crocus City Hall attack'],
    ['"ISIS-K alone bears responsibility,"', 'ISIS-K alone bears responsibility'],
    ['one two three four five six seven eight nine ten eleven twelve thirteen', 'One two three four five six seven eight nine ten eleven twelve…'],
  ])('shorten(%j)', (text, label) => expect(shorten(text)).toBe(label));
});

describe('7.1 merging actors across articles', () => {
  const actor = (id: string, name: string, kind: Actor['kind'], aliases: string[] = [name]): Actor => ({ id, name, kind, aliases, roles: [], mentions: [] });
  const article = (id: string, actors: Actor[]): AnalyzedArticle => ({
    id, outlet: id, date: null, title: null, url: null, text: '', dropped: [], sentences: [], actors, cues: [], attributions: [], claims: [], commitments: [], diagnostics: [],
  });
  const merged = mergeActors([
    article('a', [actor('a1', 'Dmitry Peskov', 'person'), actor('a2', 'Russia', 'state', ['Kremlin', 'Moscow']), actor('a3', 'Qassem Soleimani', 'person')]),
    article('b', [actor('b1', 'Dmitry Peskov', 'person'), actor('b2', 'Russia', 'state', ['Russia']), actor('b3', 'Qasem Soleimani', 'person'), actor('b4', 'Soleimani', 'person')]),
    article('c', [actor('c1', 'Kremlin', 'organisation', ['Kremlin']), actor('c2', 'US officials', 'generic')]),
  ]);
  it.each([
    ['the same name in two outlets', 'a', 'a1', 'b', 'b1'],
    ['a state and its metonym used as a name', 'a', 'a2', 'c', 'c1'],
    ['two spellings of one person', 'a', 'a3', 'b', 'b3'],
    ['a surname and the full name', 'a', 'a3', 'b', 'b4'],
  ])('merges %s', (_, x, xi, y, yi) => expect(merged.idOf(x, xi)).toBe(merged.idOf(y, yi)));
  it('keeps a person apart from the state he speaks for', () => expect(merged.idOf('a', 'a1')).not.toBe(merged.idOf('a', 'a2')));
});

describe('correlationClusters matches the full-scan greedy it replaced', () => {
  // The original O(n³) algorithm, kept here as the reference.
  function reference(size: number, weights: Float64Array): number[][] {
    const members: (number[] | null)[] = Array.from({ length: size }, (_, i) => [i]);
    const between = Float64Array.from(weights);
    for (;;) {
      let best = 0; let bi = -1; let bj = -1;
      for (let i = 0; i < size; i++) {
        if (!members[i]) continue;
        for (let j = i + 1; j < size; j++) {
          if (!members[j]) continue;
          const w = between[i * size + j] ?? 0;
          if (w > best + 1e-12) { best = w; bi = i; bj = j; }
        }
      }
      if (bi < 0) break;
      (members[bi] as number[]).push(...(members[bj] as number[]));
      members[bj] = null;
      for (let k = 0; k < size; k++) {
        if (k === bi || !members[k]) continue;
        const w = (between[bi * size + k] ?? 0) + (between[bj * size + k] ?? 0);
        between[bi * size + k] = w; between[k * size + bi] = w;
      }
    }
    return members.filter((m): m is number[] => m !== null).map((m) => m.sort((a, b) => a - b)).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  }

  it.each([5, 17, 40, 120])('on random signed graphs of %i nodes (with ties)', (size) => {
    let state = size * 7919;
    const random = (): number => { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; return state / 2 ** 32; };
    for (let trial = 0; trial < 20; trial++) {
      const weights = new Float64Array(size * size);
      for (let i = 0; i < size; i++) {
        for (let j = i + 1; j < size; j++) {
          // Coarse values make exact ties common, the hard case for the row-best bookkeeping.
          const w = Math.round((random() - 0.6) * 8) / 4;
          weights[i * size + j] = w;
          weights[j * size + i] = w;
        }
      }
      expect(correlationClusters(size, weights)).toEqual(reference(size, weights));
    }
  });
});

describe('7.1b speakers of an attribution', () => {
  it.each([
    ['More than 1,100 former Department of Justice officials called on Barr to resign.', []],
    ['A former Justice Department prosecutor said the request was cheap.', []],
    ['Former President Barack Obama said it was wrong.', ['Barack Obama']],
  ] as const)('%j is spoken by %j', (text, names) => {
    const article = analyzeArticle({ id: 'x', outlet: null, date: null, title: null, url: null, text, dropped: [] });
    const attribution = article.attributions[0];
    expect(attribution).toBeDefined();
    const ids = speakersOf(article, attribution!);
    expect(ids.map((id) => article.actors.find((a) => a.id === id)?.name)).toEqual(names);
  });
});
