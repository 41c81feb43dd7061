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
    ['AARP chief executive A. Barry Rand said benefits must not be cut.', 'Barry Rand said the group had not changed its position.', 1], // a leading initial
    ['J. Mary Smith said she opposed it.', 'John Smith said he opposed it.', 2],
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

describe('7.1c an organisation under its name with a legal or coalition suffix', () => {
  it.each([
    ['The St. Louis Tea Party Coalition said the resolution was unfair.', 'A group called the St. Louis Tea Party said the NAACP should withdraw it.', 'St. Louis Tea Party', 1],
    ['The Dallas Tea Party Coalition said the charge was false.', 'The Dallas Tea Party said it would respond.', 'Dallas Tea Party', 1],
    ['The Tea Party Express said the charge was false.', 'The Tea Party said the charge was false.', 'Tea Party', 2], // not a suffix: two groups
  ] as const)('%j and %j: %j is %i organisation(s)', (a, b, bare, count) => {
    const actors = mergeActors([article('a', a), article('b', b)]).actors.filter((x) => x.name.includes(bare) || x.aliases.some((y) => y.includes(bare)));
    expect(actors).toHaveLength(count);
  });
});

describe('7.1d a relative clause or an appositive in the source does not speak', () => {
  it.each([
    // The head before the comma speaks, not the person the clause after it names.
    ['Rick Santorum spoke in Ohio. Santorum, who has pulled ahead of Mitt Romney in polling, said Sunday that he meant environmentalists.', 'Rick Santorum'],
    ['Mary Cheney, the younger sister of Liz Cheney, said her sister was wrong.', 'Mary Cheney'],
    ['Peskov, the Kremlin spokesman, said there was no warning.', 'Peskov'],
    ['The Justice Department, which Bill Barr leads, said the hearing would go ahead.', 'Department of Justice'],
    // After a party label the name is closed, whatever the appositive opens with.
    ['Sen. Tim Scott, R-S.C., Lindsey Graham\'s South Carolina colleague, said the word was wrong.', 'Tim Scott'],
    ['Rep. Mary Smith, D-Calif., Nancy Pelosi\'s closest ally, said the vote would pass.', 'Mary Smith'],
    // No head mention before the comma: the named appositive stays the speaker.
    ['A spokeswoman for the top Republican on the committee, Rep. Doug Collins of Georgia, noted that the testimony is voluntary.', 'Doug Collins'],
    ['Kremlin spokesman Dmitry Peskov said Russia had received no warning.', 'Dmitry Peskov'],
  ] as const)('%j is spoken by %j', (text, name) => {
    const a = article('x', text);
    const attribution = a.attributions.at(-1);
    expect(attribution).toBeDefined();
    expect(a.actors.find((x) => x.id === speakersOf(a, attribution!)[0])?.name).toBe(name);
  });
});

describe('7.1g a place before a party label describes a politician and does not speak', () => {
  const speakerNames = (text: string): (string | undefined)[] => {
    const a = article('x', text);
    const attribution = a.attributions.at(-1);
    return attribution ? speakersOf(a, attribution).map((id) => a.actors.find((x) => x.id === id)?.name) : [];
  };
  it.each([
    // "Carolina" is a first name: the run read as a person "Carolina Democrat", who spoke for Clyburn.
    ['House Majority Whip James Clyburn, South Carolina Democrat who is African American, said the president was wrong.', ['James Clyburn']],
    ['Rep. Steve Cohen, a Tennessee Democrat, said the comparison was offensive.', ['Steve Cohen']],
    // Nobody named: the state is no speaker either (before: "Carolina Republican").
    ['Critics were loud. "This is a lynching in every sense," the South Carolina Republican said.', []],
  ] as const)('%j is spoken by %j', (text, names) => {
    expect(speakerNames(text)).toEqual(names);
  });

  it('makes no person of "Carolina Republican"', () => {
    const a = article('x', 'Sen. Lindsey Graham spoke. "It is a lynching," the South Carolina Republican said.');
    expect(a.actors.map((x) => x.name)).not.toContain('Carolina Republican');
    expect(a.actors.map((x) => x.name)).toContain('Lindsey Graham');
  });
});

describe('7.1i people named side by side with "and" all speak', () => {
  it.each([
    ['Two other Republican senators, John McCain and Rand Paul, said they would vote against the bill.', ['John McCain', 'Rand Paul']],
    ['Marco Rubio and Jeff Flake, members of the Foreign Relations Committee, said Congress would act.', ['Marco Rubio', 'Jeff Flake']],
    ['Kremlin spokesman Dmitry Peskov said Russia had received no warning.', ['Dmitry Peskov']], // one person
    ['Mary Cheney, the younger sister of Liz Cheney, said her sister was wrong.', ['Mary Cheney']], // an appositive, no list
  ] as const)('%j is spoken by %j', (text, names) => {
    const a = article('x', text);
    const attribution = a.attributions.at(-1);
    expect(attribution).toBeDefined();
    expect(speakersOf(a, attribution!).map((id) => a.actors.find((x) => x.id === id)?.name)).toEqual(names);
  });
});

describe('7.1e a description the source writes in full is an alias of the actor it names', () => {
  it.each([
    ['Net neutrality supporters hailed the plan as a victory.', 'Net neutrality supporters'],
    ['Many open internet activists have argued that the law requires it.', 'open internet activists'],
    ['The NAACP met on Tuesday. NAACP leaders said the resolution was needed.', 'NAACP leaders'], // an institution's people speaking as it
  ] as const)('%j: %j', (text, alias) => {
    const a = article('x', text);
    const speaker = speakersOf(a, a.attributions.at(-1)!)[0];
    const cross = mergeActors([a]);
    const actor = cross.actors.find((x) => x.id === cross.idOf('x', speaker));
    expect(actor?.aliases).toContain(alias);
  });
});

describe('7.1f a news organisation relays the claim of the person its content opens with', () => {
  it.each([
    ['According to The New York Times, Mary Cheney took to Facebook to rebuke her sister.', 'Mary Cheney'],
    ['Mary Cheney criticized her sister\'s stance on Friday, The New York Times reported.', 'Mary Cheney'],
    ['The New York Times reported that the talks had failed.', 'The New York Times'], // nobody else acts: its own report
  ] as const)('%j is backed by %j', (text, name) => {
    const a = article('x', text);
    const attribution = a.attributions.find((x) => /Times/.test(x.source?.spans[0]?.text ?? ''));
    expect(attribution).toBeDefined();
    expect(a.actors.find((x) => x.id === speakersOf(a, attribution!)[0])?.name).toBe(name);
  });
});

describe('7.1j a document speaks for whoever issued it', () => {
  it.each([
    ['"We will keep fighting," the union president Mary Jones said in a written statement announcing the vote.', 'a written statement', 'Mary Jones'], // the verb's medium
    ['The Farmers Union said in a statement that the strike would go ahead. The statement added that talks had failed.', 'The statement', 'Farmers Union'], // a later "the statement"
    ['In a memo, the lawyer Ann Wu wrote that no offer was made. The memo said the job was unpaid.', 'The memo', 'Ann Wu'], // a sentence the document opens
    ['Tom Bell\'s memo said the job was unpaid.', 'Tom Bell\'s memo', 'Tom Bell'], // its possessor
    ['A letter from the Farmers Union warned that prices would fall.', 'A letter from the Farmers Union', 'Farmers Union'], // "from" its issuer
    ['The agency said in a report released Friday that the plan failed. But the report, by agency counsel Robert Bauer, concluded that the claims were false.', 'the report, by agency counsel Robert Bauer,', 'Robert Bauer'], // a stated author beats the medium
    ['The report said the economy grew.', 'The report', 'The report'], // nobody issued it in the text: the document itself
  ] as const)('%j: %j speaks for %j', (text, source, name) => {
    const a = article('x', text);
    const attribution = a.attributions.find((x) => x.source?.spans.map((s) => s.text).join(' ') === source);
    expect(attribution).toBeDefined();
    expect(speakersOf(a, attribution!).map((id) => a.actors.find((x) => x.id === id)?.name)).toEqual([name]);
  });
});

describe('7.1k in a coordinated source the conjuncts speak, not actors named in a modifier of one', () => {
  it.each([
    ['The US and the EU have insisted that the group was responsible.', ['United States', 'European Union']], // conjuncts
    ['Britain, France and Germany said the deal must be kept.', ['United Kingdom', 'France', 'Germany']],
    ['Some sheriffs and police officers in rural counties bordering Colorado have complained that they see more drugs.', ['police officers']], // a place in a modifier
  ] as const)('%j is spoken by %j', (text, names) => {
    const a = article('x', text);
    const attribution = a.attributions.at(-1);
    expect(attribution).toBeDefined();
    expect(speakersOf(a, attribution!).map((id) => a.actors.find((x) => x.id === id)?.name)).toEqual(names);
  });
});

describe('7.1l the agent of a passive question asks and claims nothing', () => {
  it.each([
    ['And when questioned by senators about the chance of giving the firm any access to the market, company officials never volunteered the plan.', 'senators', []],
    ['Asked by reporters whether he would resign, the mayor said no.', 'reporters', []],
    ['Lawmakers questioned whether the license gave Iran access.', 'Lawmakers', ['Lawmakers']], // an active doubt still speaks
  ] as const)('%j: %j -> %j', (text, source, names) => {
    const a = article('x', text);
    const attribution = a.attributions.find((x) => x.source?.spans[0]?.text === source);
    expect(attribution).toBeDefined();
    expect(speakersOf(a, attribution!).map((id) => a.actors.find((x) => x.id === id)?.name)).toEqual(names);
  });
});
