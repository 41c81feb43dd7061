import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean, DuplicateDetector, fingerprintOf } from '../src/02-clean/index.js';
import type { Article } from '../src/types/index.js';
import { SEED } from './support/paths.js';

const article = (text: string, id = 'test'): Article => ({ id, outlet: null, date: null, title: null, url: null, text, dropped: [] });

describe('clean: the seed article', () => {
  const text = readFileSync(SEED, 'utf8');
  const cleaned = clean(article(text));
  const lines = text.split('\n').filter((l) => l.trim() !== '');

  it('drops the six teaser lines of other stories, each with a reason and exact offsets', () => {
    expect(cleaned.dropped).toHaveLength(6);
    for (const region of cleaned.dropped) {
      expect(region.reason).toBe('teaser');
      expect(region.detail.length).toBeGreaterThan(10);
      expect(text.slice(region.start, region.end)).toBe(region.text);
    }
    expect(cleaned.dropped.map((d) => d.text)).toEqual(lines.slice(-6));
  });

  it('drops no body sentence and leaves the text untouched', () => {
    expect(cleaned.text).toBe(text);
    const body = lines.slice(0, -6);
    for (const line of body) expect(cleaned.dropped.some((d) => d.text === line)).toBe(false);
  });
});

// Texts written for these tests: each row is a page with one kind of furniture around a body.
const BODY = [
  'The finance minister said on Tuesday that the budget would be balanced by 2026.',
  'Opposition leaders rejected the plan, saying it relied on optimistic growth forecasts.',
  'The minister insisted the forecasts were conservative and that spending cuts would follow.',
  'Economists told reporters the plan could work if interest rates fell.',
];

describe.each([
  ['a byline at the top', ['By Jane Doe and Omar Haddad, Reuters', ...BODY], 'byline', 'By Jane Doe and Omar Haddad, Reuters'],
  ['an author line with a role', ['Maria Lopez | Staff Writer', ...BODY], 'byline', 'Maria Lopez | Staff Writer'],
  ['a wire credit at the end', [...BODY, '(Reporting by Jane Doe; Editing by John Smith)'], 'byline', '(Reporting by Jane Doe; Editing by John Smith)'],
  ['a reporting credit at the end', [...BODY, 'Associated Press writer Jane Doe contributed to this report.'], 'byline', 'Associated Press writer Jane Doe contributed to this report.'],
  ['a "Read more" link', [...BODY.slice(0, 2), 'READ MORE: Five charts that explain the deficit', ...BODY.slice(2)], 'boilerplate', 'READ MORE: Five charts that explain the deficit'],
  ['share buttons', [...BODY, 'Share this article'], 'boilerplate', 'Share this article'],
  ['a newsletter prompt', [...BODY, 'Sign up for our daily briefing newsletter'], 'boilerplate', 'Sign up for our daily briefing newsletter'],
  ['an inbox prompt', [...BODY.slice(0, 2), 'Get the stories you care about delivered to your inbox. By signing up, you agree to our Privacy Policy', ...BODY.slice(2)], 'boilerplate', 'Get the stories you care about delivered to your inbox. By signing up, you agree to our Privacy Policy'],
  ['a copyright line', [...BODY, '© 2024 Example Media Group. All rights reserved.'], 'boilerplate', '© 2024 Example Media Group. All rights reserved.'],
  ['a timestamp line', ['Published: 12 March 2024 10:32 GMT', ...BODY], 'dateline', 'Published: 12 March 2024 10:32 GMT'],
  ['a single unrelated truncated teaser', [...BODY, 'Celebrity chef opens third restaurant in coastal village...'], 'teaser', 'Celebrity chef opens third restaurant in coastal village...'],
  ['a repeated paragraph', [...BODY, BODY[1] ?? ''], 'repeated-paragraph', BODY[1] ?? ''],
])('clean: %s', (_label, lines, reason, droppedText) => {
  const text = lines.join('\n\n');
  const cleaned = clean(article(text));
  it(`drops exactly that line as ${reason}`, () => {
    expect(cleaned.dropped.map((d) => [d.reason, d.text])).toEqual([[reason, droppedText]]);
  });
});

describe('clean: what must stay', () => {
  it.each([
    ['a truncated line on the article\'s own topic', 'The minister said the budget forecasts and spending cuts would be reviewed…'],
    ['prose that starts with "By"', 'By the end of the year, the minister said, the budget would be balanced.'],
    ['prose about a contribution', 'The minister said the fund contributed to this report on growth, which critics rejected.'],
    ['an ellipsis inside a quote', '“The plan is fair… the forecasts are conservative,” the minister said.'],
  ])('keeps %s', (_label, line) => {
    const cleaned = clean(article([...BODY.slice(0, 2), line, ...BODY.slice(2)].join('\n\n')));
    expect(cleaned.dropped).toEqual([]);
  });
});

describe('DuplicateDetector', () => {
  const base = BODY.join('\n\n') + '\n\n' + BODY.map((s) => s.replace('minister', 'official')).join('\n\n');

  it('flags an exact copy (ignoring case and spacing) of an earlier article, keeping the first', () => {
    const detector = new DuplicateDetector();
    expect(detector.check(article(base, 'first'))).toBeNull();
    expect(detector.check(article(base.toUpperCase().replace(/\n\n/g, '\n'), 'copy'))).toEqual({ id: 'first', kind: 'exact', similarity: 1 });
  });

  it('flags a near copy (one sentence edited) and not an unrelated article', () => {
    const detector = new DuplicateDetector();
    detector.check(article(base, 'first'));
    const near = base.replace('Economists told reporters', 'Several economists told journalists');
    expect(detector.check(article(near, 'near'))).toMatchObject({ id: 'first', kind: 'near' });
    const other = 'Heavy rain flooded the valley overnight and roads were closed. Rescue teams evacuated two villages, the fire service said.';
    expect(detector.check(article(other, 'other'))).toBeNull();
  });

  it('ignores dropped regions, so the same story with a different byline is an exact duplicate', () => {
    const detector = new DuplicateDetector();
    detector.check(clean(article(`By Jane Doe\n\n${base}`, 'first')));
    expect(detector.check(clean(article(`By John Roe | Staff Writer\n\n${base}`, 'second')))).toMatchObject({ id: 'first', kind: 'exact' });
  });

  it('fingerprints the kept text only, whatever the order of the dropped regions', () => {
    const text = 'Teaser one…\nThe minister said the budget was fair.\nBy Jane Doe\nCritics disagreed.\nRead more';
    const cut = (regions: [number, number][]): Article => ({
      ...article(text, 'x'),
      dropped: regions.map(([start, end]) => ({ start, end, text: text.slice(start, end), reason: 'teaser' as const, detail: 'test' })),
    });
    const byline = text.indexOf('By Jane');
    const readMore = text.indexOf('Read more');
    const regions: [number, number][] = [[0, 11], [byline, byline + 11], [readMore, text.length]];
    const kept = article(text.slice(11, byline) + text.slice(byline + 11, readMore), 'y');
    const expected = fingerprintOf(kept).digest;
    expect(fingerprintOf(cut(regions)).digest).toBe(expected);
    expect(fingerprintOf(cut([...regions].reverse())).digest).toBe(expected);
    expect(fingerprintOf(cut([])).digest).not.toBe(expected);
  });

  it('rejects a threshold outside (0, 1] and a window that is not a positive integer', () => {
    expect(() => new DuplicateDetector({ threshold: 1.5 })).toThrow(TypeError);
    expect(() => new DuplicateDetector({ window: 0 })).toThrow(TypeError);
  });

  it('remembers only the last `window` originals: memory stays bounded on endless streams', () => {
    const detector = new DuplicateDetector({ window: 2 });
    const texts = ['Heavy rain flooded the valley overnight and the main roads were closed by police.', base, BODY.join(' ').replace(/minister/g, 'mayor')];
    texts.forEach((text, i) => expect(detector.check(article(text, `t${i}`))).toBeNull());
    // t0 left the window: its copy is an original now (and takes the oldest slot, t1's).
    expect(detector.check(article(texts[0] ?? '', 'copy0'))).toBeNull();
    expect(detector.check(article(texts[2] ?? '', 'copy2'))).toEqual({ id: 't2', kind: 'exact', similarity: 1 });
    expect(detector.check(article(texts[1] ?? '', 'copy1'))).toBeNull();
    const near = (texts[2] ?? '').replace('Economists told reporters', 'Several economists told journalists');
    expect(detector.check(article(near, 'near2'))).toBeNull();
  });
});
