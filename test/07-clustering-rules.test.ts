// Table tests of clustering rules of the narratives stage: a speaker's stray claims join the
// narrative where the speaker already speaks; the pair model never joins two specific questions;
// two warners are two answers; one answer to "who did it?" stays together (in an event about a deed); "officials, who said" speak as the officials.
import { describe, expect, it } from 'vitest';
import { attachSpeakerStrays, pairModelPush, speakersOf, twoAnswers, type ClaimFeatures, type Side } from '../src/07-narratives/index.js';
import { agreement, deedEvent } from '../src/07-narratives/signals.js';
import { speakerGoesOn } from '../src/07-narratives/graph.js';
import { analyzeArticle } from '../src/pipeline/analyze-article.js';
import type { NarrativeClaim } from '../src/types/index.js';

function claim(i: number, over: Partial<NarrativeClaim> = {}): NarrativeClaim {
  return { id: `c${i}`, articleId: 'a', outlet: null, sentence: i, start: i * 10, end: i * 10 + 9, text: `claim ${i}`, stance: 'asserts', voice: 'attributed', commitment: 0.7, ...over };
}
function features(c: NarrativeClaim): ClaimFeatures {
  return { claim: c, words: [], entities: new Set(), agency: false, culprits: new Set(), exclusive: false, openQuestion: false, polarity: c.stance === 'denies' ? -1 : 1, nameWords: new Set(), question: 'truth', numbers: [] };
}
const side = (cluster: number, telling: number[]): Side => ({ cluster, telling: [...telling], disputing: [], disputedBy: new Set() });

describe('attachSpeakerStrays', () => {
  // Claims 0-1: Obama in narrative 0; 2: Wheeler in narrative 1; 3: a lone Obama quote (side 2,
  // not a narrative); 4: a lone Obama denial (side 3); 5: a lone quote of nobody known (side 4).
  const claims = [
    claim(0, { actorId: 'obama' }), claim(1, { actorId: 'obama' }), claim(2, { actorId: 'wheeler' }),
    claim(3, { actorId: 'obama' }), claim(4, { actorId: 'obama', stance: 'denies' }), claim(5, {}),
  ];
  const f = claims.map(features);
  const sidesNow = (): Side[] => [side(0, [0, 1]), side(1, [2]), side(2, [3]), side(3, [4]), side(4, [5])];
  const kept = [true, true, false, false, false];
  const leaning = (w: number) => (i: number, j: number): number => ((i === 3 || j === 3) && (i < 2 || j < 2) ? w : -0.5);

  it.each([
    ['joins its speaker\'s narrative when it leans towards it', 0.2, [0, 1, 3]],
    ['stays out when it leans away from the speaker\'s claims', -0.3, [0, 1]],
  ])('a lone quote %s', (_, w, telling) => {
    const sides = sidesNow();
    attachSpeakerStrays(sides, kept, claims, f, leaning(w), 0);
    expect(sides[0]?.telling).toEqual(telling);
    expect(sides[1]?.telling).toEqual([2]); // another speaker's narrative never takes it
  });
  it('never moves a denial (the speaker would dispute their own narrative) or a claim without a speaker', () => {
    const sides = sidesNow();
    attachSpeakerStrays(sides, kept, claims, f, () => 1, 0);
    expect(sides[3]?.telling).toEqual([4]);
    expect(sides[4]?.telling).toEqual([5]);
  });
  it('never joins the speaker\'s answer to another specific question ("they had warned Moscow" vs "ISIS-K did it")', () => {
    const f2 = f.map((x, i) => ({ ...x, question: i === 3 ? 'knowledge' as const : i < 2 ? 'responsibility' as const : x.question }));
    const sides = sidesNow();
    attachSpeakerStrays(sides, kept, claims, f2, () => 1, 0);
    expect(sides[0]?.telling).toEqual([0, 1]);
    expect(sides[2]?.telling).toEqual([3]);
  });

  it('chooses among the speaker\'s narratives the one its claims lean to most', () => {
    const twoSides = [side(0, [0]), side(1, [1]), side(2, [3])];
    const w = (i: number, j: number): number => ((i === 3 && j === 1) || (i === 1 && j === 3) ? 0.4 : 0.1);
    attachSpeakerStrays(twoSides, [true, true, false], claims, f, w, 0);
    expect(twoSides.map((s) => s.telling)).toEqual([[0], [1, 3], []]);
  });
});

describe('pairModelPush', () => {
  it.each([
    ['two specific questions: never together', 'knowledge', 'responsibility', 0.3, 0],
    ['two specific questions: apart as the model says', 'knowledge', 'responsibility', -0.3, -0.3],
    ['one question', 'responsibility', 'responsibility', 0.3, 0.3],
    ['a specific question and "is it true?"', 'knowledge', 'truth', 0.3, 0.3],
  ] as const)('%s', (_, a, b, push, expected) => expect(pairModelPush(push, { question: a }, { question: b })).toBe(expected));

  // "The rebels alone carried out the bombing" / "the rebels' northern wing was behind the bombing":
  // one answer in two outlets' words; the model may pull them together, never apart.
  it.each([
    ['the same answer: not apart', 'responsibility', 'responsibility', -0.8, true, 0],
    ['the same answer: together as the model says', 'responsibility', 'responsibility', 0.5, true, 0.5],
    ['no same answer: apart as the model says', 'responsibility', 'responsibility', -0.8, false, -0.8],
  ] as const)('%s', (_, a, b, push, same, expected) => expect(pairModelPush(push, { question: a }, { question: b }, same)).toBe(expected));
});

describe('agreement: the same answer to "who did it?" only in an event about a deed', () => {
  const f = (text: string, culprits: string[], polarity: 1 | -1 = 1) => ({ question: 'responsibility', agency: true, culprits: new Set(culprits), polarity, exclusive: false, claim: { text } }) as unknown as ClaimFeatures;
  it.each([
    ['two claims name the deed', ['The rebels carried out the bombing at the market', 'Officials said the militia was behind the ambush'], true],
    ['"responsibility for the attack" and "involved in the shooting"', ['The group claimed responsibility for the attack', 'No one else was involved in the shooting'], true],
    ['one claim names a deed', ['The rebels carried out the bombing', 'The ministry helped the firm win the contract'], false],
    ['agency words with no deed', ['The ministry helped the firm win the contract', 'It is our responsibility to protect savers', 'The agency is allowing banks to convert the funds'], false],
    ['"the group" is no deed', ['Officials said he was behind the group', 'She was involved in the region'], false],
  ] as const)('%s', (_, texts, expected) => expect(deedEvent(texts.map((t) => f(t, ['A1'])))).toBe(expected));

  it.each([
    ['same culprit, same polarity, deed event', ['A1'], ['A1', 'A2'], 1, true, 0.6],
    ['same culprit, no deed event: agency words name no answer', ['A1'], ['A1'], 1, false, 0],
    ['other culprits', ['A1'], ['A2'], 1, true, 0],
  ] as const)('%s', (_, x, y, polarity, deeds, expected) => expect(agreement(f('x', [...x]), f('y', [...y], polarity), deeds)).toBe(expected));
});

describe('twoAnswers: "who warned?" answered by two subjects', () => {
  const k = (subject: string | undefined, entities: string[], question: ClaimFeatures['question'] = 'knowledge') => ({ question, entities: new Set(entities), ...(subject ? { subject } : {}) });
  it.each([
    ['Iran warned Russia / US officials said they had warned Moscow', k('iran', ['iran', 'russia']), k('us', ['us', 'russia']), true],
    ['one warner twice', k('iran', ['iran', 'russia']), k('iran', ['iran']), false],
    ['the other names the first warner ("not aware of any warnings from Iran")', k('iran', ['iran']), k('peskov', ['peskov', 'iran']), false],
    ['a subject unknown', k(undefined, ['russia']), k('iran', ['iran']), false],
    ['another question', k('iran', ['iran'], 'truth'), k('us', ['us'], 'truth'), false],
  ] as const)('%s', (_, a, b, expected) => expect(twoAnswers(a, b)).toBe(expected));
});

describe('speakersOf: a relative pronoun speaks for the mention before it', () => {
  it('"according to US intelligence officials, who said they had warned Moscow" -> the officials', () => {
    const text = 'The group carried out the attack, according to US intelligence officials, who said they had warned Moscow of a planned attack weeks earlier.';
    const article = analyzeArticle({ id: 'a', outlet: null, date: null, title: null, url: null, text, dropped: [] });
    const said = article.attributions.find((t) => t.cue.spans.some((s) => s.text === 'said'));
    expect(said?.source?.spans.map((s) => s.text)).toEqual(['who']);
    const speaker = article.actors.find((a) => a.id === speakersOf(article, said!)[0]);
    expect(speaker?.name).toBe('US intelligence officials');
  });
});

describe('speakerGoesOn: the same speaker going on', () => {
  // "The mayor said the bridge must close. (1) Repairs began in May. (2) She added that drivers
  // should find other routes. (3)" / "... (2) The engineer said it was safe. (3) She added ..."
  const at = (sentence: number, actorId: string, articleId = 'a') => ({ articleId, sentence, actorId });
  it.each([
    ['the next sentence', at(1, 'M'), at(2, 'M'), [], 'next'],
    ['the same sentence', at(1, 'M'), at(1, 'M'), [{ sentence: 1, speaker: 'E' }], 'next'],
    ['two sentences on, narration between', at(1, 'M'), at(3, 'M'), [], 'later'],
    ['two sentences on, the same speaker between', at(1, 'M'), at(3, 'M'), [{ sentence: 2, speaker: 'M' }], 'later'],
    ['two sentences on, another speaker between: a reply, not a turn', at(3, 'M'), at(1, 'M'), [{ sentence: 2, speaker: 'E' }], null],
    ['three sentences on', at(1, 'M'), at(4, 'M'), [], null],
    ['two speakers', at(1, 'M'), at(2, 'E'), [], null],
    ['two articles', at(1, 'M'), at(2, 'M', 'b'), [], null],
  ] as const)('%s', (_, a, b, turns, expected) => expect(speakerGoesOn(a, b, turns, 2)).toBe(expected));
});
