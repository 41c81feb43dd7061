// Who backs and who disputes a narrative, from what each speaker does with its claims (issue 13,
// item 4): a speaker backs what they assert; a relay of someone else's words and a note on why a
// source is unnamed back nothing. Made-up sentences, one table per rule.
import { describe, expect, it } from 'vitest';
import { claimsOf, mergeActors } from '../src/07-narratives/index.js';
import { analyzeArticle } from '../src/pipeline/analyze-article.js';
import type { AnalyzedArticle } from '../src/types/index.js';

const article = (id: string, text: string): AnalyzedArticle => analyzeArticle({ id, outlet: id, date: null, title: null, url: null, text, dropped: [] });

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

/** Every claim of a one-article text, as [speaker name, claim text]. */
function spokenClaims(text: string): [string | undefined, string][] {
  const a = article('x', text);
  const actors = mergeActors([a]);
  return claimsOf(a, actors, { idPrefix: 'c' }).filter((c) => c.voice === 'attributed')
    .map((c) => [actors.actors.find((x) => x.id === c.actorId)?.name, c.text]);
}

describe('7.2 a relay of someone else\'s words backs nothing: the speaker it relays does', () => {
  it.each([
    // "according to" with no content of its own: what is left of the sentence is another speaker's telling.
    ['Mayor Ann Lowe told the council that the bridge would close in May, according to the aide.', 'the aide', 'Ann Lowe'],
    // The relayed words are too short to be a claim: nobody's claim, and not the report's.
    ['“Yikes,” one former Treasury official told colleagues in an email, as described by the report.', 'the report', undefined],
  ] as const)('%j: no claim of %j', (text, relay, speaker) => {
    const claims = spokenClaims(text);
    expect(claims.map(([name]) => name)).not.toContain(relay);
    if (speaker) expect(claims.map(([name]) => name)).toContain(speaker);
  });
  it.each([
    // A cue that is part of the event ("warned") is what the relay asserts: Reuters backs the warning.
    ['Iran warned Russia about a major terrorist operation, Reuters reported on Monday.', 'Reuters', 'Iran warned Russia about a major terrorist operation'],
    ['The bridge will close in May, according to the aide.', 'the aide', 'The bridge will close in May'],
  ] as const)('%j stays the claim of %j', (text, speaker, claim) => {
    expect(spokenClaims(text)).toContainEqual([speaker, claim]);
  });
});

describe('7.2 why a source is unnamed is no claim', () => {
  it.each([
    ['The talks collapsed on Friday, according to the aide, who requested anonymity to discuss the confidential talks.', 'The talks collapsed on Friday'],
    ['Two officials, who spoke on condition of anonymity, said the talks had collapsed.', 'the talks had collapsed'],
    ['Mayor Ann Lowe said the vote was anonymous and the count was rigged.', 'the vote was anonymous and the count was rigged'], // a claim about anonymity stays
  ] as const)('%j: only %j is claimed', (text, claim) => {
    expect(spokenClaims(text).map(([, t]) => t)).toEqual([claim]);
  });
});
