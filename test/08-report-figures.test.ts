// Conflicting figures: paired only within one incident and one quantity, labelled in words.
// The articles are invented here (no text from ../shared).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { conflictingFigures } from '../src/08-report/figures.js';
import { analyzeArticle } from '../src/pipeline/analyze-article.js';
import type { AnalyzedArticle } from '../src/types/index.js';
import { reportOf } from './support/report.js';
import { ROOT } from './support/paths.js';

const article = (id: string, outlet: string, text: string, date: string | null = null): AnalyzedArticle =>
  analyzeArticle({ id, outlet, date, title: null, url: null, text, dropped: [] });

describe('conflicting figures', () => {
  it('labels the quantity in the words the articles use, not stems', () => {
    const figures = conflictingFigures([
      article('a', 'North', 'The flood in Velmar killed at least 12 people, officials said.'),
      article('b', 'South', 'The flood in Velmar killed more than 20 people on Sunday.'),
    ], 'e1');
    expect(figures).toHaveLength(1);
    expect(figures[0]?.quantity).toBe('killed … people');
  });

  it('does not pair a figure of an earlier incident elsewhere with the event\'s own', () => {
    // Three outlets on a flood in Velmar; one recalls a fire in Dorsk with its own toll.
    const figures = conflictingFigures([
      article('a', 'North', 'The flood in Velmar killed at least 12 people. Last year a fire in the town of Dorsk killed about 40 people.'),
      article('b', 'South', 'Rescuers in Velmar said the flood killed 15 people.'),
      article('c', 'East', 'The water reached the centre of Velmar overnight.'),
    ], 'e1');
    const values = figures.map((f) => f.mentions.map((m) => m.value).sort((x, y) => x - y));
    expect(values).toEqual([[12, 15]]);
  });

  it('pairs two of five outlets\' tolls of that other incident with each other, named by its place', () => {
    const figures = conflictingFigures([
      article('a', 'North', 'The flood in Velmar killed 12 people. A fire in Dorsk killed 40 people last year.'),
      article('b', 'South', 'The flood in Velmar killed 12 people. A fire in Dorsk killed 44 people last year.'),
      article('c', 'East', 'Velmar is still under water.'),
      article('d', 'West', 'Velmar schools are closed.'),
      article('e', 'Coast', 'Trains to Velmar are cancelled.'),
    ], 'e1');
    expect(figures.map((f) => f.quantity)).toEqual(['killed … people (in Dorsk)']);
  });

  it('does not pair the toll of an earlier incident, dated by a year or "last year", with the event\'s', () => {
    const figures = conflictingFigures([
      article('a', 'North', 'The storm killed at least 12 people on Monday.', '2024-05-02'),
      article('b', 'South', 'It was the deadliest storm since the 2019 flood killed 40 people.', '2024-05-02'),
      article('c', 'East', 'Last year a landslide killed 25 people near the same road.', '2024-05-02'),
    ], 'e1');
    expect(figures).toEqual([]);
    const same = conflictingFigures([
      article('a', 'North', 'The storm killed at least 12 people on Monday.', '2024-05-02'),
      article('b', 'South', 'By 2024 standards it was mild, yet the storm killed 14 people.', '2024-05-02'),
    ], 'e1');
    expect(same.map((f) => f.mentions.map((m) => m.value))).toEqual([[12, 14]]);
  });

  it('gives the same figures in the same order whatever the order of the articles', () => {
    const articles = [
      article('a', 'North', 'The flood in Velmar killed at least 12 people and destroyed 40 homes.'),
      article('b', 'South', 'The flood in Velmar killed more than 20 people and destroyed 55 homes.'),
      article('c', 'East', 'Officials in Velmar said the flood killed 15 people.'),
    ];
    const forward = JSON.stringify(conflictingFigures(articles, 'e1'));
    expect(JSON.parse(forward)).toHaveLength(2);
    expect(JSON.stringify(conflictingFigures([...articles].reverse(), 'e1'))).toBe(forward);
  });

  it('never pairs two different quantities', () => {
    const figures = conflictingFigures([
      article('a', 'North', 'The flood in Velmar killed 12 people.'),
      article('b', 'South', 'The flood in Velmar injured 30 people.'),
    ], 'e1');
    expect(figures).toEqual([]);
  });
});

describe('the shipped example (npx narrascope compare corpora)', () => {
  let figures: readonly { quantity: string; mentions: readonly { outlet: string; value: number }[] }[] = [];
  beforeAll(async () => {
    figures = (await reportOf([join(ROOT, 'corpora')])).report.figures;
  });

  it('pairs the Crocus tolls and leaves the Kerman toll out', () => {
    const toll = figures.find((f) => f.mentions.some((m) => m.value === 140));
    expect(toll?.quantity).toBe('killed … people');
    expect(toll?.mentions.map((m) => m.value).sort()).toEqual([133, 140]);
    expect(figures.flatMap((f) => f.mentions).some((m) => m.value === 100)).toBe(false);
  });
});
