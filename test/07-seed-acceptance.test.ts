// Acceptance of issue 5 on the seed article (corpora/seed): the competing narratives of the
// Crocus City Hall attack, their conflicts, backers and disputers.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DivergenceReport } from '../src/08-report/index.js';
import type { AnalyzedArticle } from '../src/types/index.js';
import { lookups, reportOf } from './support/report.js';
import { SEED } from './support/paths.js';

let report: DivergenceReport;
let results: AnalyzedArticle[];
let l: ReturnType<typeof lookups>;

beforeAll(async () => {
  ({ report, results } = await reportOf([SEED]));
  l = lookups(report);
});

describe('seed: who is behind the attack', () => {
  it('finds "ISIS-K alone is responsible", backed by ISIS-K, the US and the EU', () => {
    const isis = l.holding('sole culprit');
    expect(isis.claims.some((c) => c.text.includes('responsibility for the massacre'))).toBe(true);
    expect(l.backers(isis)).toEqual(expect.arrayContaining(['ISIS-K', 'United States', 'European Union']));
  });

  it('finds "Ukraine and/or the West were involved", backed by Bortnikov and top officials', () => {
    const west = l.holding('Ukraine may all be linked');
    expect(west.claims.some((c) => c.text.includes('might have been involved'))).toBe(true);
    expect(l.backers(west)).toEqual(expect.arrayContaining(['Aleksandr Bortnikov', 'top officials']));
    expect(l.holding('sole culprit').id).not.toBe(west.id);
  });

  it('makes the two conflict, each side disputing the other', () => {
    const isis = l.holding('sole culprit');
    const west = l.holding('Ukraine may all be linked');
    expect(l.conflict(isis, west)?.reason).toMatch(/exclusivity|rival-agent/);
    expect(l.disputers(west)).toEqual(expect.arrayContaining(['United States', 'European Union']));
    expect(l.disputers(isis)).toEqual(expect.arrayContaining(['Aleksandr Bortnikov', 'Russia']));
  });

  it('does not count Putin\'s "true mastermind is yet to be established" as backing ISIS-K alone', () => {
    const isis = l.holding('sole culprit');
    const putin = l.holding('true mastermind');
    expect(putin.id).not.toBe(isis.id);
    expect(l.backers(isis)).not.toContain('Vladimir Putin');
    expect(l.disputers(isis)).toContain('Vladimir Putin');
  });
});

describe('seed: the Iranian warning', () => {
  it('finds "Iran warned Russia" (Reuters, citing sources) and "the Kremlin knew of no warning" (Peskov), in conflict', () => {
    const warned = l.holding('Iran had tipped Russia off');
    const denied = l.holding('warnings coming from Iran');
    expect(warned.id).not.toBe(denied.id);
    expect(l.backers(warned)).toEqual(expect.arrayContaining(['Reuters', 'three sources familiar with the matter']));
    expect(l.backers(denied)).toEqual(['Dmitry Peskov']);
    expect(l.conflict(warned, denied)?.reason).toContain('denial');
    expect(l.disputers(warned)).toContain('Dmitry Peskov');
  });

  it('keeps Peskov\'s "I do not know anything about this" with his denial', () => {
    expect(l.holding('I do not know anything').id).toBe(l.holding('warnings coming from Iran').id);
  });
});

describe('seed: spans and teasers', () => {
  it('puts no teaser line in any narrative', () => {
    const dropped = results[0]?.dropped ?? [];
    expect(dropped.filter((d) => d.reason === 'teaser')).toHaveLength(6);
    for (const n of report.narratives) {
      for (const c of n.claims) expect(dropped.some((d) => c.start < d.end && c.end > d.start)).toBe(false);
    }
  });

  it('gives every claim as a span of the original text', () => {
    const text = results[0]?.text ?? '';
    for (const n of report.narratives) for (const c of n.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('reports a single article with its narratives but no outlet pairs', () => {
    expect(report.narratives.length).toBeGreaterThanOrEqual(4);
    expect(report.divergence.pairs).toEqual([]);
    expect(report.divergence.overall).toBe(0);
  });
});
