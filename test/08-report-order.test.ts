// The report is a function of the set of articles, not of their order: the shipped corpora,
// analysed once, give the same report bytes in input order, reversed and shuffled, and
// grouped into events in any order.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../src/08-report/index.js';
import type { AnalyzedArticle } from '../src/types/index.js';
import { ingestArticles } from '../src/index.js';
import type { DivergenceReport } from '../src/08-report/index.js';
import { runCli } from './support/cli.js';
import { reportOf } from './support/report.js';
import { ROOT } from './support/paths.js';
import { tempDir, writeTemp } from './support/temp.js';

let results: AnalyzedArticle[] = [];
const now = new Date('2026-01-01T00:00:00Z');
// Two events: the seed alone, and the four outlets (the syndicated copy stays a duplicate).
const eventOf = (a: AnalyzedArticle): string => (a.outlet === null || a.id.startsWith('crocus-city-hall') ? 'seed' : 'outlets');

beforeAll(async () => {
  ({ results } = await reportOf([join(ROOT, 'corpora')]));
});

/** A fixed shuffle (no Math.random: the test itself is reproducible). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('report and input order', () => {
  it('has articles in more than one event, a duplicate, narratives and conflicts to get wrong', () => {
    const report = buildReport(results, { now, eventOf });
    expect(report.events.length).toBe(2);
    expect(report.articles.some((a) => a.duplicateOf)).toBe(true);
    expect(report.narratives.length).toBeGreaterThan(2);
    expect(report.conflicts.length).toBeGreaterThan(0);
  });

  it.each([
    ['reversed', (xs: AnalyzedArticle[]) => [...xs].reverse()],
    ['shuffled', (xs: AnalyzedArticle[]) => shuffled(xs, 7)],
    ['shuffled again', (xs: AnalyzedArticle[]) => shuffled(xs, 11)],
  ])('gives the same bytes %s', (_, reorder) => {
    const reference = JSON.stringify(buildReport(results, { now, eventOf }));
    const reordered = reorder(results);
    expect(reordered.map((r) => r.id)).not.toEqual(results.map((r) => r.id));
    expect(JSON.stringify(buildReport(reordered, { now, eventOf }))).toBe(reference);
  });
});

describe('compare and input order (spawned)', () => {
  it('writes the same report for the four outlets and the syndicated copy listed in any order, keeping the same copy', async () => {
    const articles: { id: string; outlet: string | null; date: string | null; title: string | null; text: string }[] = [];
    for await (const a of ingestArticles([join(ROOT, 'corpora', 'crocus-outlets')])) articles.push({ id: a.id, outlet: a.outlet, date: a.date, title: a.title, text: a.text });
    expect(articles.length).toBe(5);
    const dir = tempDir();
    const jsonl = (items: typeof articles): string => items.map((a) => JSON.stringify(a)).join('\n') + '\n';
    // The syndicated copy first, then last: the earliest (then smallest id) copy is kept either way.
    const copyFirst = [...articles].sort((a, b) => (a.id.startsWith('syndicated') ? -1 : b.id.startsWith('syndicated') ? 1 : 0));
    const copyLast = [...copyFirst].reverse();
    const runs = [copyFirst, copyLast].map((items, i) => runCli(['compare', writeTemp(dir, `order-${i}.jsonl`, jsonl(items)), '--format', 'json', '--workers', '1', '--quiet'], undefined, { SOURCE_DATE_EPOCH: '0' }));
    for (const run of runs) expect(run.status).toBe(0);
    expect(runs[1]?.stdout).toBe(runs[0]?.stdout);
    const report = JSON.parse(runs[0]?.stdout ?? '{}') as DivergenceReport;
    expect(report.articles.find((a) => a.id === 'syndicated-lakeside-daily')?.duplicateOf).toBe('northern-ledger');
  });
});
