import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/02-clean/index.js';
import { segment } from '../src/03-segment/index.js';
import type { Article } from '../src/types/index.js';
import { SEED } from './support/paths.js';

const article = (text: string): Article => ({ id: 't', outlet: null, date: null, title: null, url: null, text, dropped: [] });

describe('segment: the seed article', () => {
  const text = readFileSync(SEED, 'utf8');
  const segmented = segment(clean(article(text)));

  it('gives sentences and tokens whose offsets match the original text', () => {
    for (const s of segmented.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    for (const t of segmented.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(segmented.tokens.every((t) => t.text.trim() === t.text && t.text.length > 0)).toBe(true);
  });

  it('splits the body into its 11 sentences and reads nothing from the dropped teasers', () => {
    expect(segmented.sentences).toHaveLength(11);
    expect(segmented.sentences[4]?.text).toBe('Reached for comment, Kremlin spokesman Dmitry Peskov said he was not aware about any warnings coming from Iran ahead of the attack.');
    expect(segmented.tokens.some((t) => t.text === 'Hamas')).toBe(false);
  });

  it('tags POS and lemmas', () => {
    const said = segmented.tokens.find((t) => t.text === 'said');
    expect(said).toMatchObject({ pos: 'VERB', lemma: 'say', lower: 'said' });
    expect(segmented.tokens.find((t) => t.text === 'Peskov')?.pos).toBe('PROPN');
  });

  it('links tokens and sentences both ways', () => {
    for (const s of segmented.sentences) {
      for (let i = s.firstToken; i < s.endToken; i++) expect(segmented.tokens[i]?.sentence).toBe(s.index);
    }
  });
});

describe('segment: boundaries', () => {
  it('never lets a sentence cross a line break in one-paragraph-per-line copy', () => {
    const text = 'Headline without a full stop\nThe minister said the plan was fair. Critics disagreed.';
    const { sentences } = segment(article(text));
    expect(sentences.map((s) => s.text)).toEqual(['Headline without a full stop', 'The minister said the plan was fair.', 'Critics disagreed.']);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1, 1]);
  });

  it('joins hard-wrapped lines of one paragraph into sentences', () => {
    const words = 'the committee met again on tuesday to discuss the budget and the minister said that the plan would';
    const wrapped = Array.from({ length: 8 }, (_, i) => `${words} ${i}`).join('\n') + '.';
    const { sentences } = segment(article(wrapped));
    expect(sentences).toHaveLength(1);
  });

  it('handles text with dropped regions in the middle, keeping original offsets', () => {
    const text = 'First kept sentence.\nDROPPED LINE HERE\nSecond kept sentence.';
    const start = text.indexOf('DROPPED');
    const a: Article = { ...article(text), dropped: [{ start, end: start + 17, text: 'DROPPED LINE HERE', reason: 'boilerplate', detail: 'test' }] };
    const { sentences, tokens } = segment(a);
    expect(sentences.map((s) => s.text)).toEqual(['First kept sentence.', 'Second kept sentence.']);
    expect(sentences[1]?.start).toBe(text.indexOf('Second'));
    expect(tokens.some((t) => t.text === 'DROPPED')).toBe(false);
  });

  it('returns nothing for an article whose text is all dropped', () => {
    const text = 'Only boilerplate';
    const a: Article = { ...article(text), dropped: [{ start: 0, end: text.length, text, reason: 'boilerplate', detail: 'test' }] };
    expect(segment(a)).toMatchObject({ sentences: [], tokens: [] });
  });
});

describe('segment: independent of what the process read before', () => {
  it('splits a possessive the same way whether or not wink has cached the whole word', () => {
    // wink caches "Okonkwo's" whole after seeing it sentence-final, and would then never split it.
    const first = segment(article("The plan was Okonkwo's."));
    const later = segment(article("Okonkwo's plan was fair."));
    expect(first.tokens.map((t) => t.text)).toEqual(['The', 'plan', 'was', 'Okonkwo', "'s", '.']);
    expect(later.tokens.map((t) => t.text)).toEqual(['Okonkwo', "'s", 'plan', 'was', 'fair', '.']);
    expect(later.tokens[1]).toMatchObject({ pos: 'PART', start: 7, end: 9 });
  });

  it('leaves contractions such as "it\'s" to wink', () => {
    const { tokens } = segment(article("It's late and that's fine."));
    expect(tokens.map((t) => t.text).slice(0, 2)).toEqual(['It', "'s"]);
  });
});

describe('segment: tokens depend on the text only, not on what the process read before', () => {
  // wink caches every unknown word it meets; its tokenizer used to consult that cache, so after
  // "the year’s, not the decade’s" the "year" of "this year’s event" became PROPN.
  const show = (text: string): string => segment(article(text)).tokens.map((t) => `${t.text}/${t.pos}/${t.lemma}`).join(' ');
  it('gives the same tokens, POS and lemmas before and after other texts', () => {
    const texts = [
      'With Vice President Mike Pence headlining this year’s event, activists cheered.',
      'The anti-abortion march drew U.S.-led crowds; Trump’s aides said so.',
    ];
    const first = texts.map(show);
    for (const other of ['It was the year’s, not the decade’s, best.', '“year’s” and (year’s) and Trump’s.', 'anti-abortion, U.S.-led.']) show(other);
    expect(texts.map(show)).toEqual(first);
    expect(first[0]).toContain('year/NOUN/year ’s/PART/\'s');
  });
});

describe('segment: quote marks typed as two apostrophes', () => {
  it.each([
    ["He said, ''We won the vote in the city.'' Then he left.", ["He said, ''We won the vote in the city.''", 'Then he left.']],
    ["''It is over,'' she said. ''We lost.'' The crowd went home.", ["''It is over,'' she said.", "''We lost.''", 'The crowd went home.']],
    ['He said, "We won the vote in the city." Then he left.', ['He said, "We won the vote in the city."', 'Then he left.']],
    ["The players' union met. It voted.", ["The players' union met.", 'It voted.']],
  ])('%s', (text, expected) => {
    expect(segment(article(text)).sentences.map((s) => s.text)).toEqual(expected);
  });
});

describe('segment: an initialism split by wink stays one word of its sentence', () => {
  it.each([
    ['Sen. Jim DeMint, R-S.C., would not go that far. He left.', ['Sen. Jim DeMint, R-S.C., would not go that far.', 'He left.']],
    ['Rep. Frank Pallone, D-N.J. said no. He left.', ['Rep. Frank Pallone, D-N.J. said no.', 'He left.']],
    ['She moved to Washington, D.C. The vote is on Monday.', ['She moved to Washington, D.C.', 'The vote is on Monday.']],
    ['It was a plan B.C. Smith voted against it.', ['It was a plan B.C. Smith voted against it.']],
  ])('%s', (text, expected) => {
    expect(segment(article(text)).sentences.map((s) => s.text)).toEqual(expected);
  });
});
