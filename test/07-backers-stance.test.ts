// Who backs and who disputes a narrative, from what each speaker does with its claims (issue 13,
// item 4): a critic of a narrative's backer disputes it; a questioner asks, and neither backs nor
// disputes. Made-up sentences, one table per rule.
import { describe, expect, it } from 'vitest';
import { buildNarratives, claimsOf, mergeActors, targetsOf } from '../src/07-narratives/index.js';
import { analyzeArticle } from '../src/pipeline/analyze-article.js';
import type { AnalyzedArticle } from '../src/types/index.js';

const article = (id: string, text: string): AnalyzedArticle => analyzeArticle({ id, outlet: id, date: null, title: null, url: null, text, dropped: [] });

describe('7.10b the target of an accusation', () => {
  it.each([
    ['Speaker Mary Boyd denounced Tom Reed on Friday for using the term.', ['Tom Reed']], // named between cue and content
    ['Sen. Ann Lowe condemned Tom Reed\'s remarks as offensive.', ['Tom Reed']], // the owner of what the content opens with
    ['Tom Reed said the term was common on his ranch.', []], // no accusation
  ] as const)('%j is aimed at %j', (text, names) => {
    const a = article('x', text);
    const actors = mergeActors([a]);
    const claims = claimsOf(a, actors, { idPrefix: 'c' });
    const targets = claims.flatMap((c) => targetsOf(c, a, actors)).map((id) => actors.actors.find((x) => x.id === id)?.name);
    expect(targets).toEqual(names);
  });
});

describe('7.10b a critic of a narrative\'s backer disputes it', () => {
  const texts = [
    'Rep. Tom Reed said the word was a term he used growing up on a ranch. Reed said he meant no disrespect with the term.',
    'Speaker Mary Boyd denounced Reed on Friday for using the term. Reed said he meant no disrespect.',
    'Reed said the term was common on the ranch when he grew up.',
  ];
  it('the critic stands among the claims about the term, as a disputer, and the criticised speaker backs it', () => {
    const articles = texts.map((t, i) => article(`a${i}`, t));
    const actors = mergeActors(articles);
    const name = (id: string): string | undefined => actors.actors.find((x) => x.id === id)?.name;
    const narrative = buildNarratives(articles, actors, 'e1').narratives.find((n) => n.backers.map(name).includes('Tom Reed'));
    expect(narrative).toBeDefined();
    expect(narrative!.backers.map(name)).toEqual(['Tom Reed']);
    expect(narrative!.disputers.map(name)).toContain('Mary Boyd');
    expect(narrative!.claimIds.length).toBeGreaterThan(3); // Boyd's claim is among its claims
  });
});

describe('7.2 the people a speaker cites back the claim, not the place that describes them', () => {
  it.each([
    ['“His own party urged him to quit,” Mr. Hale said in a statement, citing former Ohio senators like Tom Reed and Ann Lowe.', ['Mr. Hale', 'Tom Reed', 'Ann Lowe'], 'Ohio'],
  ] as const)('%j', (text, speakers, notSpeaker) => {
    const a = article('x', text);
    const actors = mergeActors([a]);
    const claim = claimsOf(a, actors, { idPrefix: 'c' }).find((c) => c.voice === 'attributed');
    const names = [claim?.actorId, ...(claim?.coActorIds ?? [])].map((id) => actors.actors.find((x) => x.id === id)?.name);
    for (const s of speakers) expect(names.some((n) => n !== undefined && s.endsWith(n))).toBe(true);
    expect(names).not.toContain(notSpeaker);
    expect(actors.actors.some((x) => x.name === notSpeaker)).toBe(true); // Ohio is an actor, just no speaker
  });
});
