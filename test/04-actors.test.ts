import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, test } from 'vitest';
import { segment } from '../src/03-segment/index.js';
import { tagActors } from '../src/04-actors/index.js';
import type { Actor, ActorKind, Mention, MentionForm } from '../src/types/index.js';

const SEED = fileURLToPath(new URL('../../shared/seed/crocus-city-hall-attack.txt', import.meta.url));

function analyse(text: string): Actor[] {
  return tagActors(segment({ id: 't', outlet: null, date: null, title: null, url: null, text, dropped: [] }));
}

/** The actor holding the `nth` mention whose text is `mention`. */
function actorOf(actors: readonly Actor[], mention: string, nth = 0): Actor | undefined {
  let seen = 0;
  for (const a of actors) for (const m of a.mentions) if (m.text === mention && seen++ === nth) return a;
  return undefined;
}

function mentionOf(actors: readonly Actor[], mention: string, nth = 0): Mention | undefined {
  return actors.flatMap((a) => a.mentions).filter((m) => m.text === mention).sort((a, b) => a.start - b.start)[nth];
}

/** Invariants every output must keep, whatever the text. */
function expectWellFormed(text: string, actors: readonly Actor[]): void {
  const all = actors.flatMap((a) => a.mentions).sort((a, b) => a.start - b.start);
  for (const m of all) expect(text.slice(m.start, m.end)).toBe(m.text);
  for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBeGreaterThanOrEqual(all[i - 1]!.end);
  actors.forEach((a, i) => {
    expect(a.id).toBe(`a${i + 1}`);
    expect(a.mentions.every((m) => m.actorId === a.id)).toBe(true);
    expect(a.mentions.map((m) => m.start)).toEqual([...a.mentions.map((m) => m.start)].sort((x, y) => x - y));
    if (i > 0) expect(a.mentions[0]!.start).toBeGreaterThan(actors[i - 1]!.mentions[0]!.start);
  });
}

describe.skipIf(!existsSync(SEED))('actors: the seed article', () => {
  const text = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
  const actors = analyse(text);

  it('keeps offsets, order and ids consistent', () => expectWellFormed(text, actors));

  it('merges Kremlin spokesman Dmitry Peskov with both "he"', () => {
    const peskov = actorOf(actors, 'Dmitry Peskov');
    expect(peskov).toMatchObject({ kind: 'person', name: 'Dmitry Peskov', roles: ['Kremlin spokesman'] });
    expect(mentionOf(actors, 'Dmitry Peskov')?.role).toBe('Kremlin spokesman');
    const he = peskov?.mentions.filter((m) => m.form === 'pronoun').map((m) => text.slice(m.start, m.start + 16));
    expect(he).toEqual(['he was not aware', 'he told reporter']);
  });

  const table: [mention: string, nth: number, kind: ActorKind, name: string, form: MentionForm][] = [
    ['Moscow', 0, 'state', 'Russia', 'metonym'],
    ['Russia', 0, 'state', 'Russia', 'name'],
    ['Kremlin', 0, 'state', 'Russia', 'metonym'],
    ['Tehran', 0, 'state', 'Iran', 'metonym'],
    ['The Iranian side', 0, 'state', 'Iran', 'description'],
    ['Reuters', 0, 'media', 'Reuters', 'name'],
    ['the news agency', 0, 'media', 'Reuters', 'description'],
    ['three sources familiar with the matter', 0, 'anonymous', 'three sources familiar with the matter', 'description'],
    ['one of the sources', 0, 'anonymous', 'three sources familiar with the matter', 'description'],
    ['ISIS-Khorasan', 0, 'group', 'ISIS-K', 'name'],
    ['ISIS-K', 0, 'group', 'ISIS-K', 'name'],
    ['Islamic State', 0, 'group', 'Islamic State', 'name'],
    ['Vladimir Putin', 0, 'person', 'Vladimir Putin', 'name'],
    ['Aleksandr Bortnikov', 0, 'person', 'Aleksandr Bortnikov', 'name'],
    ['FSB', 0, 'organisation', 'Federal Security Service', 'name'],
    ['EU', 0, 'organisation', 'European Union', 'name'],
  ];
  it.each(table)('%s (#%i) -> %s %s', (mention, nth, kind, name, form) => {
    expect(actorOf(actors, mention, nth)).toMatchObject({ kind, name });
    expect(mentionOf(actors, mention, nth)?.form).toBe(form);
  });

  it('keeps roles as attributes', () => {
    expect(mentionOf(actors, 'Vladimir Putin')?.role).toBe('President');
    expect(actorOf(actors, 'Aleksandr Bortnikov')?.roles).toEqual(['head of Russia’s Federal Security Service']);
    expect(actorOf(actors, 'FSB')?.aliases).toContain('FSB');
  });

  it('merges the actors it should', () => {
    expect(actorOf(actors, 'Moscow')).toBe(actorOf(actors, 'Russia'));
    expect(actorOf(actors, 'Tehran')).toBe(actorOf(actors, 'The Iranian side'));
    expect(actorOf(actors, 'Reuters')).toBe(actorOf(actors, 'the news agency'));
    expect(actorOf(actors, 'ISIS-K')).toBe(actorOf(actors, 'ISIS-Khorasan'));
  });
});

/** [rule, text, mention, kind, canonical name, mention form, role?] */
const rules: [string, string, string, ActorKind, string, MentionForm, string?][] = [
  ['organisation head word: conference', 'The House Republican Conference voted on Tuesday, aides said.', 'House Republican Conference', 'organisation', 'House Republican Conference', 'name'],
  ['organisation head word: caucus', 'Members of the Freedom Caucus said they would oppose the bill.', 'Freedom Caucus', 'organisation', 'Freedom Caucus', 'name'],
  ['title before name', 'Kremlin spokesman Dmitry Peskov said the claims were false.', 'Dmitry Peskov', 'person', 'Dmitry Peskov', 'name', 'Kremlin spokesman'],
  ['demonym + title', 'Iranian President Massoud Pezeshikian says Iran is ready.', 'Massoud Pezeshikian', 'person', 'Massoud Pezeshikian', 'name', 'Iranian President'],
  ['apposition after', 'Aleksandr Bortnikov, the head of the FSB, said the attack was planned.', 'Aleksandr Bortnikov', 'person', 'Aleksandr Bortnikov', 'name', 'head of the FSB'],
  ['title inside a run', 'Former Secretary of State Hillary Clinton said she would testify.', 'Hillary Clinton', 'person', 'Hillary Clinton', 'name', 'Former Secretary of State'],
  ['title inside a run after an acronym', 'It happened, according to NYPD Commissioner James O’Neill.', 'James O’Neill', 'person', 'James O’Neill', 'name', 'NYPD Commissioner'],
  ['possessive kept out of the name', 'It is Mr. Putin\'s. Nobody else has it.', 'Putin', 'person', 'Putin', 'name'],
  ['headline-case line keeps a first-name-led name', 'Stealth Over Health: Hillary Clinton Was Headed to ER\n\nThe Post reports that she left.', 'Hillary Clinton', 'person', 'Hillary Clinton', 'name'],
  ['apposition before, possessive', 'Putin\'s spokesman, Dmitry Peskov, said Moscow would respond.', 'Dmitry Peskov', 'person', 'Dmitry Peskov', 'name', 'Putin\'s spokesman'],
  ['name particles', 'Ursula von der Leyen said the bloc would respond.', 'Ursula von der Leyen', 'person', 'Ursula von der Leyen', 'name'],
  ['inverted speech verb confirms a name', '“We will not sign,” said Kerimov.', 'Kerimov', 'person', 'Kerimov', 'name'],
  ['according to confirms a name', 'According to Kerimov, the plan had failed.', 'Kerimov', 'person', 'Kerimov', 'name'],
  ['speech verb confirms a name', 'Kerimov said the plan had failed.', 'Kerimov', 'person', 'Kerimov', 'name'],
  ['plural demonym', 'Americans say the economy is improving.', 'Americans', 'generic', 'Americans', 'description'],
  ['metonym: White House', 'The White House declined to comment.', 'White House', 'state', 'United States', 'metonym'],
  ['metonym: Kyiv', 'Kyiv rejected the offer on Tuesday.', 'Kyiv', 'state', 'Ukraine', 'metonym'],
  ['metonym: Downing Street', 'Downing Street said the talks would continue.', 'Downing Street', 'state', 'United Kingdom', 'metonym'],
  ['metonym: Beijing', 'Beijing responded angrily to the report.', 'Beijing', 'state', 'China', 'metonym'],
  ['metonym: Brussels', 'Brussels warned that sanctions would follow.', 'Brussels', 'organisation', 'European Union', 'metonym'],
  ['state side', 'The Iranian side denied any role.', 'The Iranian side', 'state', 'Iran', 'description'],
  ['state government', 'Officials said the US government was not consulted.', 'the US government', 'state', 'United States', 'description'],
  ['acronym alias', 'The U.S. and the UK imposed sanctions.', 'U.S.', 'state', 'United States', 'name'],
  ['group', 'Hamas said the ceasefire had collapsed.', 'Hamas', 'group', 'Hamas', 'name'],
  ['media', 'Fox News reported the story first.', 'Fox News', 'media', 'Fox News', 'name'],
  ['media with article', 'The New York Post reports that she was taken home.', 'The New York Post', 'media', 'New York Post', 'name'],
  ['organisation by head word', 'The Crimean Defence Council voted on Monday.', 'Crimean Defence Council', 'organisation', 'Crimean Defence Council', 'name'],
  ['region outside a locative', 'Texas sued the administration on Friday.', 'Texas', 'organisation', 'Texas', 'name'],
  ['anonymous with qualifier', 'The deal is off, two people familiar with the talks said.', 'two people familiar with the talks', 'anonymous', 'two people familiar with the talks', 'description'],
  ['anonymous with relative clause', 'An official who spoke on condition of anonymity said the talks failed.', 'An official who spoke on condition of anonymity', 'anonymous', 'An official who spoke on condition of anonymity', 'description'],
  ['unnamed spokesperson', 'A spokesperson for the European Commission said no request came.', 'A spokesperson for the European Commission', 'anonymous', 'A spokesperson for the European Commission', 'description'],
  ['anonymous bare', 'A source said the meeting was cancelled.', 'A source', 'anonymous', 'A source', 'description'],
  ['anonymous officials', 'Officials said the border would reopen.', 'Officials', 'anonymous', 'Officials', 'description'],
  ['anonymous affiliated official', 'A Russian official said the talks had stalled.', 'A Russian official', 'anonymous', 'A Russian official', 'description'],
  ['anonymous senior officials', 'Two senior officials said the plan was dropped.', 'Two senior officials', 'anonymous', 'Two senior officials', 'description'],
  ['generic affiliated officials', 'US officials said the strike was legal.', 'US officials', 'generic', 'US officials', 'description'],
  ['generic collective', 'Experts warned that prices would rise.', 'Experts', 'generic', 'Experts', 'description'],
  ['generic with quantifier', 'But some critics say the law goes too far.', 'some critics', 'generic', 'some critics', 'description'],
  ['document', 'A Bloomberg poll found that most voters disagree.', 'A Bloomberg poll', 'document', 'A Bloomberg poll', 'description'],
  ['document with adjective', 'A new report reveals the scale of the problem.', 'A new report', 'document', 'A new report', 'description'],
];

describe('actors: one rule per sentence', () => {
  it.each(rules)('%s: %s', (_rule, text, mention, kind, name, form, role) => {
    const actors = analyse(text);
    expectWellFormed(text, actors);
    expect(actorOf(actors, mention)).toMatchObject({ kind, name });
    expect(mentionOf(actors, mention)?.form).toBe(form);
    expect(mentionOf(actors, mention)?.role).toBe(role);
  });
});

/** [rule, text, first mention, second mention (same actor), second's occurrence] */
const merges: [string, string, string, string, number][] = [
  ['surname', 'Sergei Lavrov spoke on Monday. Lavrov added that talks were possible.', 'Sergei Lavrov', 'Lavrov', 0],
  ['surname that is also a country', 'Rep. Jim Jordan spoke on Monday. Jordan said the vote would fail.', 'Jim Jordan', 'Jordan', 0],
  ['surname before full name', 'Lavrov warns West\n\nRussian Foreign Minister Sergei Lavrov said on Monday that talks were possible.', 'Lavrov', 'Sergei Lavrov', 0],
  ['pronoun: subject of the sentence', 'Peskov said he was not aware of any warnings.', 'Peskov', 'he', 0],
  ['pronoun: previous sentence', '“We do not know,” Angela Merkel said. She added that talks would go on.', 'Angela Merkel', 'She', 0],
  ['pronoun: gender', 'Donald Trump attacked Hillary Clinton on Monday. She said he was unfit.', 'Hillary Clinton', 'She', 0],
  ['pronoun: gender (male)', 'Donald Trump attacked Hillary Clinton on Monday. She said he was unfit.', 'Donald Trump', 'he', 0],
  ['pronoun: honorific', 'Mr. Johnson spoke to reporters. He said the vote would go ahead.', 'Johnson', 'He', 0],
  ['metonym and state', 'Moscow denied the report. Russia has long rejected such claims.', 'Moscow', 'Russia', 0],
  ['partitive source', 'Reuters cited three sources familiar with the matter. One of the sources said it was true.', 'three sources familiar with the matter', 'One of the sources', 0],
  ['definite source', 'A senior official said the talks failed. The official did not give details.', 'A senior official', 'The official', 0],
  ['media description', 'Reuters reported the deal, citing a source. The news agency did not name the buyer.', 'Reuters', 'The news agency', 0],
  ['group description', 'Hamas rejected the plan. The militant group said it would not disarm.', 'Hamas', 'The militant group', 0],
  ['document definite', 'A Gallup poll found support had fallen. The poll surveyed 1,000 adults.', 'A Gallup poll', 'The poll', 0],
  ['title description', 'Kremlin spokesman Dmitry Peskov declined to comment. The spokesman said later that Moscow would respond.', 'Dmitry Peskov', 'The spokesman', 0],
  ['abbreviation in brackets', 'The Crimean Defence Council (CDC) met on Monday. The CDC said it would appeal.', 'Crimean Defence Council', 'CDC', 1],
  ['title description, new actor when nothing fits', 'Republican presidential nominee Donald Trump spoke. The Democratic presidential nominee replied. The Democratic presidential nominee added more.', 'The Democratic presidential nominee', 'The Democratic presidential nominee', 1],
  ['name suffix with particle', 'Mayor Bill de Blasio spoke first. De Blasio said the city was safe.', 'Bill de Blasio', 'De Blasio', 0],
  ['apostrophes folded', 'NYPD Commissioner James O’Neill spoke. “No comment,” said O\'Neill.', 'James O’Neill', "O'Neill", 0],
  ['pronoun: unnamed spokeswoman', 'The Justice Department declined to comment, a spokeswoman said. She did not elaborate.', 'a spokeswoman', 'She', 0],
  ['short newspaper name', 'The New York Post reports the story. The Post has learned more.', 'The New York Post', 'The Post', 0],
  ['organisation description', 'The Environmental Protection Agency issued a rule. Texas sued the agency.', 'Environmental Protection Agency', 'the agency', 0],
  ['title description with modifiers', 'Kremlin spokesman Dmitry Peskov spoke. The Kremlin spokesman later said more.', 'Dmitry Peskov', 'The Kremlin spokesman', 0],
  ['generic repeated', 'Experts disagree. Some experts say the rules are clear.', 'Experts', 'Some experts', 0],
  // A pronoun outside a quotation never points to a person named inside it.
  ['pronoun: not into a quotation', 'Sen. Jim DeMint said Steele must apologize.\n\n"Chairman Steele needs to apologize to our troops," he said.', 'Jim DeMint', 'he', 0],
  ['pronoun: not into a quotation, same sentence', '“This is not about Congressman Sestak,” Issa said, adding that he wants answers.', 'Issa', 'he', 0],
  ['pronoun: a quotation of several sentences is one turn', 'The campaign was over, Mr. Trump tweeted.\n\n“Why are they not investigating? It is a witch hunt. It is rigged. Ask them why!” he added.', 'Trump', 'he', 0],
  ['pronoun: typewriter quotes', "Senator Tom Harkin spoke first. ''Mr. Jones is wrong,'' he said.", 'Tom Harkin', 'he', 0],
  ['pronoun: inside a quotation, a person quoted', '“I told Mr. Jones that he was wrong,” Harkin said.', 'Jones', 'he', 0],
  // Definite descriptions by title, party and state (US party labels).
  ['title abbreviation: the senator', 'Sen. Susan Collins spoke on Sunday. The senator said she had doubts.', 'Susan Collins', 'The senator', 0],
  ['party and title: the Republican senator', 'Senator Susan Collins spoke. Phil Novack, a spokesman for Collins, confirmed that the Republican senator said no.', 'Susan Collins', 'the Republican senator', 0],
  ['party label: the Arizona Republican', 'Sen. John McCain, R-Ariz., said the comments were wrong. The Arizona Republican said Steele must go.', 'John McCain', 'The Arizona Republican', 0],
  ['party label in brackets', 'Sen. Maria Lopez (D-N.M.) objected. Rep. Tom Hill, R-Ohio, agreed. The New Mexico Democrat said the bill was dead.', 'Maria Lopez', 'The New Mexico Democrat', 0],
  ['party apposition: the Tennessee Democrat', 'Rep. Steve Cohen, a Tennessee Democrat, spoke. The Republican plan failed, the Tennessee Democrat said.', 'Steve Cohen', 'the Tennessee Democrat', 0],
  ['party and state of an elected official never labelled', 'Sen. Lindsey Graham, an ardent supporter, said the term was apt. “This is a lynching,” the South Carolina Republican said.', 'Lindsey Graham', 'the South Carolina Republican', 0],
  ['state after "of"', 'Michael Steele spoke first. Jim Smith of Ohio, a dentist, said no. The Ohio Republican said the word was apt.', 'Jim Smith', 'The Ohio Republican', 0],
  ['pronoun: a named subject before a pronoun of the sentence', 'Hooper told the Post the checks would be late. Asked about his name on the checks, Trump said he did not mind.', 'Trump', 'he', 0],
  ['the lawmaker is a representative', 'Rep. Nancy Pelosi, D-Calif., objected. The lawmaker said the bill was dead.', 'Nancy Pelosi', 'The lawmaker', 0],
  ['a ranking word describes the same kind', 'Republican Sen. Ann Lowe, who faces a tough race, was the first Republican senator to call on Reed to withdraw.', 'Ann Lowe', 'the first Republican senator', 0],
  ['definite title to an unnamed source', 'A Treasury Department spokeswoman denied any delay. “There is no delay,” the spokeswoman said.', 'A Treasury Department spokeswoman', 'the spokeswoman', 0],
  // A name the article confirms as a person somewhere (title, speech verb) is that person everywhere.
  ['name confirmed by a title', 'President Obama spoke on Monday. In a written statement, Obama asked the agency to act.', 'Obama', 'Obama', 1],
  ['acronym confirmed by a speech verb', 'AARP said on Friday it was open to cuts. Yet AARP reassured labor groups that nothing had changed.', 'AARP', 'AARP', 1],
  ['name confirmed by a speech verb', 'Trying to quell the furor, Steele issued a statement. Steele said he was sorry.', 'Steele', 'Steele', 1],
];

/** [rule, text, mention, mention that must be another actor (or no actor)] */
const apart: [string, string, string, string][] = [
  ['party contradicts', 'Sen. John McCain, R-Ariz., spoke first. The Arizona Democrat said the plan was dead.', 'John McCain', 'The Arizona Democrat'],
  ['state contradicts', 'Rep. Adam Kinzinger, R-Ill., spoke first. The South Carolina Republican said the term was apt.', 'Adam Kinzinger', 'The South Carolina Republican'],
  ['a party noun before a noun is no description', 'Sen. John McCain, R-Ariz., spoke first. The Republican plan failed.', 'John McCain', 'The Republican'],
  ['"another" says it is someone else', 'Sen. Ann Lowe spoke first. Another Republican senator said the plan was bad.', 'Ann Lowe', 'Another Republican senator'],
  ['a person who is no official and was never labelled', 'Michael Steele spoke first. The Ohio Republican said the term was apt.', 'Michael Steele', 'The Ohio Republican'],
];

describe('actors: descriptions that do not fit', () => {
  it.each(apart)('%s: %s', (_rule, text, first, second) => {
    const actors = analyse(text);
    expectWellFormed(text, actors);
    expect(actorOf(actors, first)).toBeDefined();
    expect(actorOf(actors, second)).not.toBe(actorOf(actors, first));
  });
});

describe('actors: merging', () => {
  it.each(merges)('%s: %s', (_rule, text, first, second, nth) => {
    const actors = analyse(text);
    expectWellFormed(text, actors);
    const a = actorOf(actors, first);
    expect(a).toBeDefined();
    expect(actorOf(actors, second, nth)).toBe(a);
  });

  it('does not give a description to an actor whose role does not fit', () => {
    const actors = analyse('Republican presidential nominee Donald Trump spoke. The Democratic presidential nominee replied.');
    expect(actorOf(actors, 'The Democratic presidential nominee')).not.toBe(actorOf(actors, 'Donald Trump'));
    expect(actorOf(actors, 'Donald Trump')?.roles).toEqual(['Republican presidential nominee']);
  });
});

/** [rule, text, text that must not be a mention] */
const negatives: [string, string, string][] = [
  ['capital in a locative phrase', 'The delegation arrived in Tehran on Monday.', 'Tehran'],
  ['region in a locative phrase', 'The rally was held in Texas on Sunday.', 'Texas'],
  ['place of origin', 'The Afghanistan-based offshoot claimed the attack.', 'Afghanistan'],
  ['headline-case line', 'Stealth Over Health: Critics Face Backlash\n\nThe plan was dropped.', 'Stealth Over Health'],
  ['non-person sources', 'Energy sources are scarce this winter.', 'Energy sources'],
  ['compound sources', 'It could speed the shift to renewable energy sources.', 'sources'],
  ['lower-case acronym word', 'Tell us what you think.', 'us'],
  ['demonym alone', 'Russian troops crossed the border.', 'Russian'],
  ['demonym-like word before a noun', 'The index closed lower, as did all the major European stock markets.', 'European'],
  ['organisation description without that head', 'Connecticut’s tax commissioner says the agency acted lawfully.', 'the agency'],
  ['place before an unclosed apposition', 'At a press conference in Chelsea, the mayor also said it was too early.', 'Chelsea'],
  ['apposition is not an unnamed spokesman', 'Dmitry Peskov, a Kremlin spokesman, said no.', 'a Kremlin spokesman'],
  ['calendar word', 'Tuesday said it all for the campaign.', 'Tuesday'],
  ['unconfirmed capitalised run', 'The concert at Crocus City Hall was sold out.', 'Crocus City Hall'],
  ['a law, even before a speech verb', 'Critics said the Logan Act says nothing about it.', 'Logan Act'],
  ['a building', 'Gunmen stormed Crocus City Hall, officials said.', 'Crocus City Hall'],
  ['a party noun alone', 'Another Republican, Sen. Lindsey Graham, defended the word.', 'Republican'],
  ['a name across a paragraph break', 'She teaches at Rutgers University in New Brunswick, N.J.\n\nParty preference trumps gender, she says.', 'N.J.\n\nParty'],
];

describe('actors: what is not an actor', () => {
  it.each(negatives)('%s: %s', (_rule, text, notMention) => {
    const actors = analyse(text);
    expectWellFormed(text, actors);
    expect(actors.flatMap((a) => a.mentions).some((m) => m.text === notMention)).toBe(false);
  });
});

describe('actors: known gaps', () => {
  test.fails('a region used as a place without a preposition is still tagged ("Texas is hot")', () => {
    const actors = analyse('Texas is hot in August.');
    expect(actorOf(actors, 'Texas')).toBeUndefined();
  });
  test.fails('plural pronouns are not resolved ("they" -> the officials)', () => {
    const actors = analyse('US officials met on Monday. They said the talks went well.');
    expect(actorOf(actors, 'They')).toBe(actorOf(actors, 'US officials'));
  });
});

describe('actors: options', () => {
  it('can leave pronouns out', () => {
    const text = 'Peskov said he was not aware of any warnings.';
    const actors = tagActors(segment({ id: 't', outlet: null, date: null, title: null, url: null, text, dropped: [] }), { pronouns: false });
    expect(actors.flatMap((a) => a.mentions).some((m) => m.form === 'pronoun')).toBe(false);
  });
});

describe('US party-and-state labels after a lawmaker name no actor', () => {
  it.each([
    ['House Speaker John Boehner, R-Ohio, condemned the remark.', 'John Boehner', 'Ohio'],
    ['Sen. Susan Collins (R-Maine) said she had doubts.', 'Susan Collins', 'Maine'],
    ['Rep. Nancy Pelosi, D-Calif., said the bill would pass.', 'Nancy Pelosi', 'Calif'],
  ])('%j: %s is a person, %s no actor', (text, person, state) => {
    const actors = analyse(text);
    expect(actorOf(actors, person)?.kind).toBe('person');
    expect(actors.some((a) => a.name.includes(state))).toBe(false);
    expectWellFormed(text, actors);
  });

  it('keeps the state where it is a name of its own', () => {
    expect(actorOf(analyse('Ohio sued the agency on Monday.'), 'Ohio')).toBeDefined();
  });
});
