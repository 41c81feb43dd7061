// Table tests of the narratives stage's proposition layer: polarity on the clause that carries it,
// the question a claim answers, questions in words, denials joining what they deny as disputers,
// rival answers, anaphoric denials, and paraphrases grouped in one narrative.
import { describe, expect, it } from 'vitest';
import {
  buildNarratives, centralClaim, leadingVoices, mergeActors, numbersOf, polarityOf, questionKind, questionText, readStatement, responsibilityQuestion, sharedVoice, sidesOf, splitOpponents,
  yesNoQuestion,
  type ClaimFeatures, type Contradiction,
} from '../src/07-narratives/index.js';
import type { Actor, AnalyzedArticle, Attribution, NarrativeClaim } from '../src/types/index.js';

describe('7.3a polarity is computed on the clause that carries the claim', () => {
  it.each([
    ['he was not aware of any warnings coming from Iran', -1],
    ['there was no indication that Ukraine had been involved', -1],
    ['there is no evidence that the vote was rigged', -1],
    ['the report is not accurate', -1],
    ['the company cannot confirm the figures', -1],
    ['Kyiv denied any involvement in the attack', -1],
    ['Ukraine rejected the accusations as absurd', -1],
    ['the claims are baseless', -1],
    ['We have no reason to doubt the claim', 1],
    ['officials who did not attend said the vote was fair', 1],
    ['the attack was carried out by radical Islamists but its mastermind is not known', 1],
    ['not only the US but also the EU backed the sanctions', 1],
    ['there is no doubt that the attack was planned', 1],
    ['the senator, who never voted for the bill, said it would pass', 1],
    ['If the talks fail, there will be no deal', -1],
    ['that Kyiv helped the gunmen', 1],
    ['there is no question that America must win the war on terror', 1],
    ['it should be something for voters to decide on a state-by-state basis, and not a matter for judges', 1],
    ['the minister, not the president, signed the order', 1],
    ['However, not all of them agreed', -1],
    ['the organization withdraw its "bigoted, false and inflammatory" resolution', 1],
    ['Steele\'s comments "unacceptable" and "inaccurate."', -1],
    // A goal complement with no "that" negates a goal, not the claim; a past or predicted outcome stays negated.
    ['the league must make sure its clubs don\'t tolerate racist chants', 1],
    ['the council voted to ensure the library never closes on weekends', 1],
    ['It is time for the union to act and make sure members do not cross the picket line', 1],
    ['the new fence ensured the cattle were not lost', -1],
    ['the judge retired, ensuring there would be no inquiry', -1],
    ['the injury would ensure he would never play again', -1],
    ['the mayor did not make sure the roads were cleared', -1],
  ] as const)('%j -> %i', (text, value) => expect(polarityOf(text).value).toBe(value));

  it('gives the same polarity to a sentence whatever the span around it (no odd count over a window)', () => {
    const short = 'the minister did not resign';
    const long = `${short}, according to the statement that the ministry published on its website late on Tuesday after a long meeting of the cabinet in the capital`;
    expect(polarityOf(short).value).toBe(-1);
    expect(polarityOf(long).value).toBe(-1);
  });

  it('points at the negation that decided it', () => {
    const p = polarityOf('there was no indication that Ukraine had been involved');
    expect(p.cue).toEqual({ start: 10, end: 12, text: 'no' });
  });

  it('marks a question', () => expect(polarityOf('How come his family does not know which hospital he is in?').question).toBe(true));
});

describe('7.3b the question a claim answers', () => {
  it.each([
    ['ISIS-K claimed responsibility for the massacre', true, 'responsibility'],
    ['Iran warned Russia about a major terrorist operation', false, 'knowledge'],
    ['he was not aware of any warnings', false, 'knowledge'],
    ['the attack killed at least 133 people', false, 'count'],
    ['the US must send more aid to Kyiv', false, 'prescription'],
    ['the attackers had tried to escape toward Ukraine', false, 'origin'],
    ['the investigation was continuing', false, 'truth'],
  ] as const)('%j -> %s', (text, agency, kind) => expect(questionKind(text, agency)).toBe(kind));

  it.each([
    ['killed at least 133 people', [133]],
    ['more than 1,200 troops and 3 million dollars in 2023', [1200, 3e6]],
  ] as const)('numbers of %j', (text, numbers) => expect(numbersOf(text)).toEqual(numbers));
});

describe('7.9 statements read for labels', () => {
  it.each([
    // A clause with a named subject, after its lead-in, speech tag and second sentence are cut.
    ['As I said yesterday, Todd Akin’s comments were offensive and wrong', 'named', 'Todd Akin’s comments were offensive and wrong'],
    ['Freedom means freedom for everyone, she continued. That means that all families count', 'named', 'Freedom means freedom for everyone'],
    ['“Mexico will not pay for a wall,” he said.', 'named', 'Mexico will not pay for a wall'],
    ['He had hired an Internet security company', 'pronoun', 'He had hired an Internet security company'],
    // Fragments: no finite verb, a gerund, a relative clause, a date for a subject, a noun the
    // tagger reads as a verb after a determiner or inside a name.
    ['on the group’s website Tuesday', 'fragment', 'on the group’s website Tuesday'],
    ['Sen. John Cornyn, head of the Senate GOP campaign arm', 'fragment', 'Sen. John Cornyn, head of the Senate GOP campaign arm'],
    ['Tuesday calling on the NAACP to withdraw the proposal', 'fragment', 'Tuesday calling on the NAACP to withdraw the proposal'],
    ['which he estimates would cost about $8 billion', 'fragment', 'which he estimates would cost about $8 billion'],
    ['Mr. Romney who called for Mr. Akin to withdraw', 'fragment', 'Mr. Romney who called for Mr. Akin to withdraw'],
    ['His comment that President Obama subscribed to a phony theology', 'fragment', 'His comment that President Obama subscribed to a phony theology'],
    ['The use of the term by Rep. Don Young', 'fragment', 'The use of the term by Rep. Don Young'],
    ['Why aren’t the Democrats investigating the leaks?', 'fragment', 'Why aren’t the Democrats investigating the leaks?'],
  ] as const)('readStatement(%j) is %s', (statement, form, text) => {
    const read = readStatement(statement);
    expect(read.form).toBe(form);
    expect(read.text).toBe(text);
  });

  it('asks the question from the statement that reads best, in the order given', () => {
    expect(questionText('truth', ['on the group’s website Tuesday', 'He still wished to be mayor', 'The mayor resigned on Friday'])).toBe('Did the mayor resign on Friday?');
    expect(questionText('truth', ['on the group’s website Tuesday', 'He still wished to be mayor'])).toBe('Did he still wish to be mayor?');
  });

  it('picks the central claim among the statements that read best', () => {
    const claim = (text: string, actorId = 'A1'): NarrativeClaim => ({ id: text, articleId: 'a', start: 0, end: text.length, text, actorId, stance: 'asserts', voice: 'attributed' } as unknown as NarrativeClaim);
    const claims = [claim('on the group’s website Tuesday'), claim('The group posted the resolution online'), claim('It was posted on Tuesday')];
    const features = claims.map(() => ({ polarity: 1 }) as unknown as ClaimFeatures);
    // The fragment is the best connected, but a label cannot be made of it.
    const weight = (i: number, j: number): number => (i === 0 || j === 0 ? 1 : 0.1);
    expect(centralClaim([0, 1, 2], claims, features, weight)).toBe(1);
  });
});

describe('7.9 questions in words', () => {
  it.each([
    ['Iran warned Russia about a major terrorist operation', 'Did Iran warn Russia about a major terrorist operation?'],
    ['the attackers had tried to escape toward Ukraine', 'Had the attackers tried to escape toward Ukraine?'],
    ['The investigation was continuing', 'Was the investigation continuing?'],
    ['that the vote was rigged', 'Was the vote rigged?'],
    // Asked in the positive: the negative statement is one of its answers.
    ["Twitter doesn't intend to remove Trump from the service", 'Does Twitter intend to remove Trump from the service?'],
    ["Mexico won't pay for a wall along the U.S. border", 'Will Mexico pay for a wall along the U.S. border?'],
    ["The plans shouldn't be required to cover prenatal testing", 'Should the plans be required to cover prenatal testing?'],
    // Openers that tie the statement to the one before are dropped.
    ['Needless to say, the war in Afghanistan was not a war of choice', 'Was the war in Afghanistan a war of choice?'],
    ['Still, the labor market is less resilient than before', 'Is the labor market less resilient than before?'],
    ['I was talking about the radical environmentalists', 'Was I talking about the radical environmentalists?'],
    // No subject to invert: asked as it stands.
    ['to be fair the plan was late', 'Is it true that to be fair the plan was late?'],
    // A lead-in phrase before a comma is not the clause; a contracted auxiliary is inverted.
    ["As I said yesterday, Todd Akin's comments were offensive", "Were Todd Akin's comments offensive?"],
    ["He'll coerce Mexico into paying for a wall", 'Will he coerce Mexico into paying for a wall?'],
    // "had" as the main verb takes do-support; a title keeps its capital.
    ['My father had a ranch', 'Did my father have a ranch?'],
    ['President Trump will crack down on China', 'Will President Trump crack down on China?'],
    ['The White House tried to win support', 'Did the White House try to win support?'],
    ['NAACP leaders have referenced an incident in March', 'Have NAACP leaders referenced an incident in March?'],
    // A clause needs something after the inverted verb.
    ['There are, of course, those who think we should pull out', 'Is it true that there are, of course, those who think we should pull out?'],
  ])('yesNoQuestion(%j)', (statement, question) => expect(yesNoQuestion(statement)).toBe(question));

  it('asks who was behind the deed the responsibility claims name most', () => {
    expect(responsibilityQuestion(['ISIS-K claimed responsibility for the attack', 'Ukraine may be linked to the attack', 'behind the massacre'])).toBe('Who was behind the attack?');
    expect(responsibilityQuestion(['they did it'])).toBe('Who was behind it?');
    // Only after words of responsibility: neither "closed to the public" nor "for the Tea Party to" names a deed.
    expect(responsibilityQuestion(['Debate was mostly closed to the public', 'called on the Tea Party to repudiate them'])).toBe('Who was behind it?');
    expect(responsibilityQuestion(['officials blamed Moscow for the cyberattack', 'Russia denied involvement in the cyberattack'])).toBe('Who was behind the cyberattack?');
  });
});

/** Features by hand: only what the sides step reads. */
function f(stance: NarrativeClaim['stance'], polarity: 1 | -1, open = false, words = ['protest', 'start', 'fire']): ClaimFeatures {
  const claim: NarrativeClaim = { id: 'c', articleId: 'a', outlet: null, sentence: 0, start: 0, end: 1, text: 'x', stance, voice: 'attributed', commitment: 1 };
  return { claim, words, entities: new Set(), agency: false, culprits: new Set(), exclusive: false, openQuestion: open, polarity, nameWords: new Set(), question: 'truth', numbers: [] };
}

/** "The job market doesn't appear to have the bounce it once did": negated, its negation on "n't". */
const bounce: ClaimFeatures = (() => {
  const text = 'The job market doesn\'t appear to have the bounce it once did';
  const at = text.indexOf("n't");
  const base = f('asserts', -1, false, ['job', 'market', 'appear', 'bounc', 'onc']);
  return { ...base, claim: { ...base.claim, text, end: text.length }, negation: { start: at, end: at + 3, text: "n't" } };
})();

/** "The war was not 'a war of Obama's choosing.' It has been prosecuted by both presidents": a denial with an alternative. */
const correction: ClaimFeatures = (() => {
  const text = 'The war was not ‘a war of Obama’s choosing.’ It has been prosecuted by the United States under Presidents Bush and Obama';
  const at = text.indexOf('not');
  const base = f('asserts', -1, false, ['war', 'choos', 'prosecut', 'presid']);
  return { ...base, claim: { ...base.claim, text, end: text.length }, negation: { start: at, end: at + 3, text: 'not' } };
})();

describe('7.8 sides: a denial joins what it denies as a disputer', () => {
  const denial = (disputing: Contradiction['disputing']): Contradiction => ({ signal: 'denial', weight: 0.9, disputing });
  it.each([
    ['a lone denial joins the claim it denies', [[0], [1]], [f('asserts', 1), f('asserts', -1)], [['0,1', denial('b')]], 1, [[0]], [[1]], 0],
    ['a doubt and an open question join too', [[0, 1], [2]], [f('asserts', 1), f('asserts', 1), f('doubts', -1, true)], [['1,2', denial('b')]], 1, [[0, 1]], [[2]], 0],
    ['a denial that asserts an alternative stays a side and conflicts', [[0], [1, 2]], [f('asserts', 1), f('denies', -1), f('asserts', 1)], [['0,1', denial('b')]], 2, [[0], [1, 2]], [[], []], 1],
    ['a denial that goes on to assert an alternative stays a side and conflicts', [[0], [1]], [f('asserts', 1, false, ['war', 'choos']), correction], [['0,1', denial('b')]], 2, [[0], [1]], [[], []], 1],
    ['a denial with no target stays on its own', [[0], [1]], [f('asserts', 1), f('denies', -1)], [], 2, [[0], [1]], [[], []], 0],
    // "The job market doesn't appear to have the bounce" does not dispute "some weakness in the job market".
    ['a denial aimed at other words does not join', [[0], [1]], [f('asserts', 1, false, ['weak', 'job', 'market']), bounce], [['0,1', denial('b')]], 2, [[0], [1]], [[], []], 0],
  ] as const)('%s', (_, clusters, features, links, sides, telling, disputing, conflicts) => {
    const result = sidesOf(clusters.map((c) => [...c]), features, new Map(links.map(([k, c]) => [k, c])), 0.5);
    expect(result.sides).toHaveLength(sides);
    expect(result.sides.map((s) => s.telling)).toEqual(telling);
    expect(result.sides.map((s) => s.disputing)).toEqual(disputing);
    expect(result.conflicts).toHaveLength(conflicts);
  });
});

describe('7.8 sides are one camp each, and conflicts stand on their leading voices', () => {
  const by = (actorId: string | undefined, polarity: 1 | -1 = 1): ClaimFeatures => {
    const base = f('asserts', polarity);
    return { ...base, claim: { ...base.claim, ...(actorId ? { actorId } : {}) } };
  };
  const denial: Contradiction = { signal: 'denial', weight: 0.9, disputing: 'b' };
  it.each([
    // "compel Mexico to pay" (Trump) and "Mexico will not pay" (Fox) clustered together by their words.
    ['opponents in one cluster are cut apart', [[0, 1, 2, 3]], [by('trump'), by('trump'), by('fox', -1), by(undefined)], [['0,2', denial]], [[0, 1, 3], [2]]],
    ['a speaker with no opponent stays with the leading speaker', [[0, 1, 2, 3]], [by('trump'), by('trump'), by('pence'), by('fox')], [['0,3', denial]], [[0, 1, 2], [3]]],
    ['allies of one camp stay together', [[0, 1, 2]], [by('fox'), by('calderon'), by('trump')], [['0,2', denial], ['1,2', denial]], [[0, 1], [2]]],
    ['a contradiction across clusters splits nothing', [[0], [1]], [by('trump'), by('fox', -1)], [['0,1', denial]], [[0], [1]]],
    ['claims of one speaker never split', [[0, 1]], [by('trump'), by('trump', -1)], [['0,1', denial]], [[0, 1]]],
  ] as const)('%s', (_, clusters, features, links, expected) => {
    expect(splitOpponents(clusters.map((c) => [...c]), features, new Map(links.map(([k, c]) => [k, c])))).toEqual(expected);
  });

  it('leading voices: the speakers with the most claims of a side', () => {
    expect([...leadingVoices([0, 1, 2], [by('steele'), by('steele'), by('kristol')])]).toEqual([0, 1]);
    expect([...leadingVoices([0, 1], [by('steele'), by('kristol')])]).toEqual([0, 1]);
  });

  it('a conflict stands only on what both sides\' leading voices say', () => {
    // Side 0 is Steele's (two claims), Kristol's denial of Steele's claim sits in side 1 (his own).
    const features = [by('steele'), by('steele'), by('kristol', -1), by('kristol', -1), by('mccain')];
    const strong: Contradiction = { signal: 'denial', weight: 0.9, disputing: 'b' };
    expect(sidesOf([[0, 1], [2, 3, 4]], features, new Map([['0,2', strong]]), 0.5).conflicts).toHaveLength(1);
    // Kristol's denial clustered into Steele's side (Steele leads it) is no evidence about that side.
    expect(sidesOf([[0, 1, 2], [3, 4]], features, new Map([['2,4', strong]]), 0.5).conflicts).toHaveLength(0);
  });

  it('the outlet\'s own narration is no evidence of a conflict', () => {
    // Side 0: the outlet's "the committee plans to allow counsels to question Barr" and one quote;
    // side 1: the Justice Department's objection to the plan, and its own format.
    const own = (polarity: 1 | -1 = 1): ClaimFeatures => { const base = by(undefined, polarity); return { ...base, claim: { ...base.claim, voice: 'own' } }; };
    const features = [own(), by('nadler'), by('doj', -1), by('doj')];
    const objection: Contradiction = { signal: 'denial', weight: 0.9, disputing: 'b' };
    expect(sidesOf([[0, 1], [2, 3]], features, new Map([['0,2', objection]]), 0.5).conflicts).toHaveLength(0);
    // The same objection against Nadler's own claim is one.
    expect(sidesOf([[0, 1], [2, 3]], features, new Map([['1,2', objection]]), 0.5).conflicts).toHaveLength(1);
  });

  it('an exclusive answer ("ISIS-K alone") makes a conflict whoever in its side says it', () => {
    // Side 0 is led by Iran and ISIS-K (two claims each); Kirby's "alone" is his only claim there.
    const features = [by('iran'), by('iran'), by('isis'), by('isis'), by('kirby'), by('bortnikov'), by('bortnikov')];
    const alone: Contradiction = { signal: 'exclusivity', weight: 1, disputing: 'both' };
    const rival: Contradiction = { signal: 'rival-agent', weight: 1, disputing: 'both' };
    expect(sidesOf([[0, 1, 2, 3, 4], [5, 6]], features, new Map([['4,5', alone]]), 0.5).conflicts).toHaveLength(1);
    // Another culprit named by the same voice still needs the side's leading voice.
    expect(sidesOf([[0, 1, 2, 3, 4], [5, 6]], features, new Map([['4,5', rival]]), 0.5).conflicts).toHaveLength(0);
    expect(sidesOf([[0, 1, 2, 3, 4], [5, 6]], features, new Map([['0,5', rival]]), 0.5).conflicts).toHaveLength(1);
  });

  it('two sides that share a backer are not rivals', () => {
    expect(sharedVoice(new Set(['trump', 'fox']), new Set(['calderon', 'trump']))).toBe(true);
    expect(sharedVoice(new Set(['trump']), new Set(['fox']))).toBe(false);
  });
});

/** A tiny analysed article by hand: sentences, named actors and attributions with contents. */
function article(id: string, outlet: string, text: string, quotes: { who: string; kind: Actor['kind']; cue: string; cls: 'neutral' | 'denial' | 'hedging'; content: string }[]): AnalyzedArticle {
  const actors: Actor[] = [];
  const attributions: Attribution[] = [];
  const sentences = [...text.matchAll(/[^.]+\./g)].map((m, index) => ({ index, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0], firstToken: 0, endToken: 0, paragraph: index }));
  quotes.forEach((q, i) => {
    const at = text.indexOf(q.who);
    const cueAt = text.indexOf(q.cue, at);
    const contentAt = text.indexOf(q.content, cueAt);
    const sentence = sentences.findIndex((s) => at >= s.start && at < s.end);
    const mention = { start: at, end: at + q.who.length, text: q.who, actorId: `a${i}`, form: 'name' as const };
    actors.push({ id: `a${i}`, name: q.who, kind: q.kind, aliases: [q.who], roles: [], mentions: [mention] });
    attributions.push({
      id: `t${i}`, source: { spans: [{ start: at, end: at + q.who.length, text: q.who }], actorId: `a${i}` },
      cue: { id: `k${i}`, spans: [{ start: cueAt, end: cueAt + q.cue.length, text: q.cue }], lemma: q.cue, stanceClass: q.cls, sourceCommitment: q.cls === 'hedging' ? 0.5 : 1, reporterCommitment: 0.5, environment: { negated: false, modal: false, question: false, conditional: false, firstPerson: false }, sentence },
      content: [{ start: contentAt, end: contentAt + q.content.length, text: q.content }],
    });
  });
  return { id, outlet, date: null, title: null, url: null, text, dropped: [], sentences, actors, cues: attributions.map((a) => a.cue), attributions, claims: [], commitments: [], diagnostics: [] };
}

describe('7.10 narratives end to end on small events', () => {
  const events = {
    paraphrase: [
      article('a', 'A', 'The mayor said the bridge will reopen in May.', [{ who: 'The mayor', kind: 'person', cue: 'said', cls: 'neutral', content: 'the bridge will reopen in May' }]),
      article('b', 'B', 'City engineer Ann Roe said the bridge would open again in May.', [{ who: 'Ann Roe', kind: 'person', cue: 'said', cls: 'neutral', content: 'the bridge would open again in May' }]),
    ],
    denial: [
      article('a', 'A', 'Police Chief Tom Hale said the protesters started the fire.', [{ who: 'Tom Hale', kind: 'person', cue: 'said', cls: 'neutral', content: 'the protesters started the fire' }]),
      article('b', 'B', 'Organizer Maya Lin denied that the protesters started the fire.', [{ who: 'Maya Lin', kind: 'person', cue: 'denied', cls: 'denial', content: 'that the protesters started the fire' }]),
    ],
  };
  const run = (articles: AnalyzedArticle[]) => {
    const actors = mergeActors(articles);
    const analysis = buildNarratives(articles, actors, 'e1');
    const name = (id: string) => actors.actors.find((a) => a.id === id)?.name;
    return { analysis, name };
  };

  it('groups two outlets\' paraphrases of one claim into one narrative', () => {
    const { analysis } = run(events.paraphrase);
    expect(analysis.narratives).toHaveLength(1);
    expect(analysis.narratives[0]?.claimIds).toHaveLength(2);
    expect(analysis.narratives[0]?.outlets).toEqual(['A', 'B']);
  });

  it('keeps one speaker\'s uncontested story as a narrative when two outlets carry it, not a lone quote in one', () => {
    const said = (id: string, outlet: string): AnalyzedArticle => article(id, outlet, 'Senator Rick Santorum said governments should not run the public schools.', [{ who: 'Rick Santorum', kind: 'person', cue: 'said', cls: 'neutral', content: 'governments should not run the public schools' }]);
    const two = run([said('a', 'A'), said('b', 'B')]);
    expect(two.analysis.narratives).toHaveLength(1);
    expect(two.analysis.narratives[0]?.backers.map(two.name)).toEqual(['Rick Santorum']);
    expect(run([said('a', 'A')]).analysis.narratives).toHaveLength(0);
  });

  it('makes a denial a disputer of the claim it denies, in one contested question', () => {
    const { analysis, name } = run(events.denial);
    expect(analysis.narratives).toHaveLength(1);
    const n = analysis.narratives[0];
    expect(n?.backers.map(name)).toEqual(['Tom Hale']);
    expect(n?.disputers.map(name)).toEqual(['Maya Lin']);
    expect(n?.disputingClaimIds).toHaveLength(1);
    expect(analysis.questions[0]?.contested).toBe(true);
    expect(analysis.conflicts).toEqual([]);
  });
});
