import { describe, expect, it } from 'vitest';
import { segment } from '../src/03-segment/index.js';
import { tagCues } from '../src/05-cues/index.js';
import { extractAttributions, type AttributionResult } from '../src/06-attributions/index.js';
import { wholeQuoteMarks, withoutTrailingComma } from '../src/06-attributions/span-edges.js';
import type { Actor, Cue, Segmented } from '../src/types/index.js';

const seg = (text: string): Segmented => segment({ id: 't', outlet: null, date: null, title: null, url: null, text, dropped: [] });

const neutral: Omit<Cue, 'id' | 'lemma' | 'spans'> = {
  stanceClass: 'neutral', sourceCommitment: 0.5, reporterCommitment: 0, sentence: 0,
  environment: { negated: false, modal: false, question: false, conditional: false, firstPerson: false },
};

function run(text: string, actors: readonly Actor[] = []): AttributionResult {
  const s = seg(text);
  return extractAttributions(s, actors, tagCues(s));
}

/** Attributions as plain text triples, for readable expectations. */
function triples(text: string): { source: string[] | null; cue: string[]; content: string[] }[] {
  return run(text).attributions.map((a) => ({
    source: a.source ? a.source.spans.map((s) => s.text) : null,
    cue: a.cue.spans.map((s) => s.text),
    content: a.content.map((s) => s.text),
  }));
}

describe('extractAttributions: one pattern per row (sentences written for the test)', () => {
  // [pattern, sentence, expected source, cue, content]; PolNeAR conventions: content keeps "that"
  // and quote marks, drops the sentence's final period.
  const cases: [string, string, string[] | null, string[], string[]][] = [
    ['X said that Y', 'Senator Jane Smith said that the bill would pass.', ['Senator Jane Smith'], ['said'], ['that the bill would pass']],
    ['X said Y (no "that")', 'He said the vote would happen next week.', ['He'], ['said'], ['the vote would happen next week']],
    ['quote first, pronoun source', '“We will win this election,” she said.', ['she'], ['said'], ['“We will win this election,”']],
    ['inverted "said X" with apposition', '“The deal is dead,” said Maria Lopez, a spokeswoman for the union.', ['Maria Lopez, a spokeswoman for the union'], ['said'], ['“The deal is dead,”']],
    ['multi-sentence quote', '“We are not leaving. We will stay until the end,” the protesters chanted.', ['the protesters'], ['chanted'], ['“We are not leaving. We will stay until the end,”']],
    ['long source with titles', 'Longtime Democratic pollster Pat Caddell said the race was tightening.', ['Longtime Democratic pollster Pat Caddell'], ['said'], ['the race was tightening']],
    ['X told Z that Y', 'Mr. Jones told reporters that the plan was dead.', ['Mr. Jones'], ['told'], ['that the plan was dead']],
    ['according to X, Y', 'According to three officials, the talks collapsed on Monday.', ['three officials'], ['According to'], ['the talks collapsed on Monday']],
    ['according to X, Y (Y tagged as a second source)', 'According to the police, the suspect fled the scene.', ['the police'], ['According to'], ['the suspect fled the scene']],
    // The sentence-wide cue features (detect-sentence.ts): no "said" in the sentence, and
    // "support" its most cue-like word, the first verb of its clause.
    ['an attitude verb with no speech verb in the sentence', 'A growing number of governors support expanding the program.', ['A growing number of governors'], ['support'], ['expanding the program']],
    ['an attitude verb with a noun phrase object', 'Two of the candidates support a ban on assault weapons.', ['Two of the candidates'], ['support'], ['a ban on assault weapons']],
    ['parenthetical cue splits the content', 'The plan, officials said, will cost $2 billion.', ['officials'], ['said'], ['The plan', 'will cost $2 billion']],
    ['documents as sources', 'A new poll shows Clinton leading by five points.', ['A new poll'], ['shows'], ['Clinton leading by five points']],
    ['denial with "that"', 'The White House denied that the president had met the ambassador.', ['The White House'], ['denied'], ['that the president had met the ambassador']],
  ];
  it.each(cases)('%s', (_pattern, text, source, cue, content) => {
    expect(triples(text)).toEqual([{ source, cue, content }]);
  });

  // Coordinated reports are two relations side by side: the first content stops before ", and".
  const coordinated: [string, string, string[][]][] = [
    ['"X warned that A, and Y said B"', 'The mayor warned that the bridge would close, and residents said they were worried.',
      [['The mayor', 'warned', 'that the bridge would close'], ['residents', 'said', 'they were worried']]],
    ['"X argued that A, and Y replied that B"', 'The senator argued that taxes were too high, and her opponent replied that they were too low.',
      [['The senator', 'argued', 'that taxes were too high'], ['her opponent', 'replied', 'that they were too low']]],
    ['"X said A, and Y told Z that B"', 'Police said the suspect had fled, and witnesses told reporters that he was armed.',
      [['Police', 'said', 'the suspect had fled'], ['witnesses', 'told', 'that he was armed']]],
  ];
  it.each(coordinated)('coordinated reports: %s', (_pattern, text, expected) => {
    expect(triples(text)).toEqual(expected.map(([source, cue, content]) => ({ source: [source], cue: [cue], content: [content] })));
  });

  // "X, who CUE ..., said Y": the relative clause keeps "who" as its source, the outer cue the
  // noun phrase before it.
  const relative: [string, string, string, string, string][] = [
    ['"who has criticized"', 'The senator, who has criticized the plan, said it would fail.', 'The senator', 'said', 'it would fail'],
    ['"which denied"', 'The company, which denied any wrongdoing, said it would appeal.', 'The company', 'said', 'it would appeal'],
    ['"who declined", subject with a preposition', 'A spokesman for the ministry, who declined to give his name, said the talks would resume.', 'A spokesman for the ministry', 'said', 'the talks would resume'],
  ];
  it.each(relative)('relative clause with a cue before the main cue: %s', (_pattern, text, source, cue, content) => {
    const outer = triples(text).find((t) => t.cue[0] === cue);
    expect(outer).toEqual({ source: [source], cue: [cue], content: [content] });
  });
  // Known miss since the sentence-wide cue features (2026-11-28, branch attrib3): the cue tagger
  // no longer reads "denied" inside the dashed relative clause as a cue (a near-certain "said"
  // stands in the sentence), so the relative-subject repair does not fire and the source is the
  // whole noun phrase, as PolNeAR draws appositives ("The governor -- who has denied any
  // wrongdoing --"); the comma form with "criticized" still passes above.
  it.fails('relative clause with a cue before the main cue: "-- who has denied --", the clause set off by typed dashes', () => {
    const outer = triples('The governor -- who has denied any wrongdoing -- said he would not resign.').find((t) => t.cue[0] === 'said');
    expect(outer).toEqual({ source: ['The governor'], cue: ['said'], content: ['he would not resign'] });
  });
  // "said" before a bare noun subject, after a subject wink tags as an adjective ("chief"): a
  // known miss of earlier models; the model retrained in the fourth session finds it (a side
  // effect of retraining, not of a rule).
  it('"The chief said officers had ..." finds "said"', () => {
    expect(triples('The chief said officers had acted lawfully.').map((t) => t.cue)).toEqual([['said']]);
  });
  // Known miss: with no commas around the relative clause the cue tagger does not find "said".
  it.fails('"Officials who asked not to be named said Y" finds "said" with its source', () => {
    const outer = triples('Officials who asked not to be named said the deal was close.').find((t) => t.cue[0] === 'said');
    expect(outer).toEqual({ source: ['Officials'], cue: ['said'], content: ['the deal was close'] });
  });

  // A hyphen with spaces around it is a dash (The New York Times types " - "): before, "The plan -
  // officials" was read as one source.
  it('a spaced hyphen sets off a parenthetical report like a dash', () => {
    const [only] = triples('The plan - officials said - will cost $2 billion.');
    expect(only?.source).toEqual(['officials']);
    expect(only?.cue).toEqual(['said']);
  });

  // Two apostrophes as quote marks (The New York Times in PolNeAR): before they were read as
  // quotes, the quote's second sentence was lost ("''We" and "''").
  it('a quote in typewriter marks over two sentences stays one content', () => {
    expect(triples("''We are not leaving. We will stay until the end,'' the protesters chanted.")).toEqual([
      { source: ['the protesters'], cue: ['chanted'], content: ["''We are not leaving. We will stay until the end,''"] },
    ]);
  });

  it('"X warned:" followed by quoted paragraphs links every paragraph', () => {
    const text = 'The governor warned:\n\n“Anyone who breaks the curfew will be arrested.”\n\n“We will not tolerate violence.”';
    expect(triples(text)).toEqual([
      { source: ['The governor'], cue: ['warned:'], content: ['“Anyone who breaks the curfew will be arrested.”', '“We will not tolerate violence.”'] },
    ]);
  });

  it('"X, citing Z, reported Y": two relations, the citing one nested, the source shared', () => {
    const { attributions } = run('Reuters, citing three sources, reported that the deal had been signed.');
    const [citing, reported] = attributions;
    expect(citing?.cue.spans[0]?.text).toBe('citing');
    expect(citing?.content.map((s) => s.text)).toEqual(['three sources']);
    expect(reported?.cue.spans[0]?.text).toBe('reported');
    expect(reported?.source?.spans.map((s) => s.text)).toEqual(['Reuters']);
    expect(reported?.content.map((s) => s.text)).toEqual(['that the deal had been signed']);
    expect(citing?.parentId).toBe(reported?.id);
  });

  it('"Y, X reported" still finds Y when a relative clause inside it looks like a cue', () => {
    const text = 'Iran had warned Russia days before the concert hall attack, which claimed the lives of over 140, the agency reported on Monday.';
    const reported = run(text).attributions.find((a) => a.cue.lemma === 'report');
    expect(reported?.source?.spans.map((s) => s.text)).toEqual(['the agency']);
    expect(reported?.content.map((s) => s.text)).toEqual(['Iran had warned Russia days before the concert hall attack, which claimed the lives of over 140']);
  });

  it('a cue right after a short content nests in it: the outer content runs on', () => {
    const text = 'The spokesman said he was not aware of any warnings before the attack.';
    const s = seg(text);
    const cue = (words: string, lemma: string, id: string): Cue => {
      const start = text.indexOf(words);
      return { ...neutral, id, lemma, spans: [{ start, end: start + words.length, text: words }] };
    };
    const { attributions } = extractAttributions(s, [], [cue('said', 'say', 'c1'), cue('was not aware of', 'aware', 'c2')]);
    expect(attributions[0]?.content.map((x) => x.text)).toEqual(['he was not aware of any warnings before the attack']);
    expect(attributions[1]?.content.map((x) => x.text)).toEqual(['any warnings before the attack']);
    expect(attributions[1]?.parentId).toBe(attributions[0]?.id);
  });

  it.each([
    ['The agency reported that a decision on the new sanctions against the shipping company was described as imminent by diplomats.', 'reported', 'report', 'was described as', 'describe',
      'that a decision on the new sanctions against the shipping company was described as imminent by diplomats'],
    ['The minister said the long-delayed report on the collapse of the bridge in the capital appeared to blame the contractor.', 'said', 'say', 'appeared to', 'appear',
      'the long-delayed report on the collapse of the bridge in the capital appeared to blame the contractor'],
  ])('a sourceless cue after a long content nests in it too: %s', (text, outerWords, outerLemma, innerWords, innerLemma, content) => {
    const cue = (words: string, lemma: string, id: string): Cue => {
      const start = text.indexOf(words);
      return { ...neutral, id, lemma, spans: [{ start, end: start + words.length, text: words }] };
    };
    const { attributions } = extractAttributions(seg(text), [], [cue(outerWords, outerLemma, 'c1'), cue(innerWords, innerLemma, 'c2')]);
    expect(attributions[0]?.content.map((x) => x.text)).toEqual([content]);
    expect(attributions[1]?.parentId).toBe(attributions[0]?.id);
  });

  it('a nested attribution keeps both: the outer content whole, the inner relation inside it', () => {
    const { attributions } = run('Reuters reported that officials said the talks had collapsed.');
    const [reported, said] = attributions;
    expect(reported?.source?.spans.map((s) => s.text)).toEqual(['Reuters']);
    expect(reported?.content.map((s) => s.text)).toEqual(['that officials said the talks had collapsed']);
    expect(said?.cue.spans.map((s) => s.text)).toEqual(['said']);
    expect(said?.source?.spans.map((s) => s.text)).toEqual(['officials']);
    expect(said?.content.map((s) => s.text)).toEqual(['the talks had collapsed']);
    expect(said?.parentId).toBe(reported?.id);
  });

  it('a content never goes to a cue inside it (given cues: the outer one gets the whole clause)', () => {
    const text = 'The newspaper wrote that the minister told aides he would resign.';
    const s = seg(text);
    const cue = (words: string, lemma: string, id: string): Cue => {
      const start = text.indexOf(words);
      return { ...neutral, id, lemma, spans: [{ start, end: start + words.length, text: words }] };
    };
    const { attributions } = extractAttributions(s, [], [cue('wrote', 'write', 'c1'), cue('told', 'tell', 'c2')]);
    const [wrote, told] = attributions;
    expect(wrote?.content.map((x) => x.text)).toEqual(['that the minister told aides he would resign']);
    for (const c of told?.content ?? []) expect(c.start).toBeGreaterThanOrEqual(text.indexOf('told'));
    expect(told?.parentId).toBe(wrote?.id);
  });

  it('links the source to the actor whose mention is nearest the cue', () => {
    const text = 'The head of Russia’s security service, Aleksandr Bortnikov, suggested that the US was involved.';
    const actor = (id: string, name: string, start: number): Actor => ({
      id, name, kind: 'person', aliases: [name], roles: [], mentions: [{ actorId: id, start, end: start + name.length, text: name, form: 'name' }],
    });
    const actors = [actor('a1', 'Russia', text.indexOf('Russia')), actor('a2', 'Aleksandr Bortnikov', text.indexOf('Aleksandr'))];
    const suggested = run(text, actors).attributions.find((a) => a.cue.lemma === 'suggest');
    expect(suggested?.source?.actorId).toBe('a2');
  });

  it('links the source to an actor whose mention overlaps it', () => {
    const text = 'Senator Jane Smith said that the bill would pass.';
    const actor: Actor = {
      id: 'a1', name: 'Jane Smith', kind: 'person', aliases: ['Jane Smith'], roles: ['Senator'],
      mentions: [{ actorId: 'a1', start: 8, end: 18, text: 'Jane Smith', form: 'name' }],
    };
    expect(run(text, [actor]).attributions[0]?.source?.actorId).toBe('a1');
    expect(run(text).attributions[0]?.source?.actorId).toBeNull();
  });

  it('every span is a slice of the original text', () => {
    const text = 'Aides said, “He is fine.”\n\nThe report, according to the agency, was wrong, she added.';
    for (const a of run(text).attributions) {
      for (const s of [...(a.source?.spans ?? []), ...a.cue.spans, ...a.content]) expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });
});

describe('edge cases', () => {
  it('an empty or cue-less text gives no attributions', () => {
    expect(run('').attributions).toEqual([]);
    expect(run('   \n\n  ').attributions).toEqual([]);
    expect(run('The sky over the harbor was grey all week.').attributions).toEqual([]);
  });
});

describe('unattributed claims', () => {
  it('keeps the writer’s own sentences and skips attributed ones', () => {
    const { claims } = run('Turnout rose sharply in Ohio this year. The governor claimed credit for the rise. Did it matter?');
    expect(claims.map((c) => c.span.text)).toEqual(['Turnout rose sharply in Ohio this year.']);
  });
});

describe('span edges (PolNeAR conventions the tagger can break at one token)', () => {
  const text = "She said ''we are at war.'' Then, he left.";
  const s = seg(text);
  const at = (word: string, from = 0): number => s.tokens.findIndex((t, i) => i >= from && t.text === word);
  const show = (span: { first: number; end: number }): string => text.slice(s.tokens[span.first]?.start, s.tokens[span.end - 1]?.end);
  const open = at("'");
  const close = at("'", at('war'));
  it('a span that stops between the two apostrophes of a quote mark takes both', () => {
    expect(show(wholeQuoteMarks(s, { role: 'content', first: open, end: close + 1 }))).toBe("''we are at war.''");
    expect(show(wholeQuoteMarks(s, { role: 'content', first: open + 1, end: close + 2 }))).toBe("''we are at war.''");
  });
  it('a span with whole quote marks is left as it is', () => {
    const span = { role: 'content' as const, first: open, end: close + 2 };
    expect(wholeQuoteMarks(s, span)).toBe(span);
  });
  it('a content loses a bare trailing comma, not its last word', () => {
    const then = at('Then');
    expect(show(withoutTrailingComma(s, { role: 'content', first: then, end: then + 2 }))).toBe('Then');
    expect(show(withoutTrailingComma(s, { role: 'content', first: then, end: then + 1 }))).toBe('Then');
  });
});

