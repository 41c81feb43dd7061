// Cross-article actors (src/07-narratives/cross-actors.ts): one person under a nickname and a
// formal name, and institutions that do not speak through their former staff. Tables per rule.
import { describe, expect, it } from 'vitest';
import { mergeActors, sameGivenName, speakersOf } from '../src/07-narratives/index.js';
import { analyzeArticle } from '../src/pipeline/analyze-article.js';
import type { AnalyzedArticle } from '../src/types/index.js';

const article = (id: string, text: string): AnalyzedArticle => analyzeArticle({ id, outlet: id, date: null, title: null, url: null, text, dropped: [] });

describe('7.1 given names that are one name', () => {
  it.each([
    ['Bill', 'William', true], // nickname table
    ['Liz', 'Elizabeth', true],
    ['Dick', 'Richard', true],
    ['Ben', 'Benjamin', true], // a short form that begins the full name
    ['Chris', 'Christopher', true],
    ['Mitt', 'Mitt', true],
    ['Liz', 'Mary', false],
    ['Al', 'Albert', false], // two letters: too short to be sure
    ['John', 'Jonathan', false],
  ] as const)('sameGivenName(%j, %j) = %j', (a, b, same) => expect(sameGivenName(a, b)).toBe(same));
});

describe('7.1 one person across outlets', () => {
  it.each([
    ['Bill Kristol said the war was winnable.', 'William Kristol said the war was lost.', 1],
    ['Ben Jealous said the resolution was needed.', 'Benjamin Todd Jealous said the groups must act.', 1],
    ['Liz Cheney said she opposed it.', 'Mary Cheney said her sister was wrong.', 2],
  ] as const)('%j and %j name %i person(s)', (a, b, count) => {
    const articles = [article('a', a), article('b', b)];
    const people = mergeActors(articles).actors.filter((x) => x.kind === 'person');
    expect(people).toHaveLength(count);
  });
});

describe('7.1b institutions do not speak through their former staff', () => {
  it.each([
    ['The DOJ alumni said the prosecutors had acted bravely.', []],
    ['Staff should report abuses, according to the former department officials.', []],
    ['The Justice Department said the hearing would go ahead.', ['Department of Justice']],
  ] as const)('%j is spoken by %j', (text, names) => {
    const a = article('x', text);
    const attribution = a.attributions[0];
    expect(attribution).toBeDefined();
    const ids = speakersOf(a, attribution!);
    expect(ids.map((id) => a.actors.find((x) => x.id === id)?.name)).toEqual(names);
  });
});
