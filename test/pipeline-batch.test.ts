import { describe, expect, it } from 'vitest';
import { clean, DEFAULT_CLEAN_RULES } from '../src/02-clean/index.js';
import type { CleanRule } from '../src/02-clean/rules/rule.js';
import { analyzeArticle, analyzeArticles } from '../src/pipeline/analyze-article.js';
import { runWholeBatch, runWholeTask, type WholeTask } from '../src/pipeline/task.js';
import type { Article } from '../src/types/index.js';
import { syntheticArticles } from './support/synthetic.js';

const articles: Article[] = syntheticArticles(6).map((a) => ({ ...a, date: null, title: null, url: null, dropped: [] }));

describe('analyzeArticles (stage by stage over a batch)', () => {
  it('gives each article the analysis analyzeArticle gives it alone', () => {
    const cleaned = articles.map((a) => clean(a));
    const batch = analyzeArticles(cleaned, { clean: false, includeTokens: true });
    expect(batch).toEqual(cleaned.map((a) => analyzeArticle(a, { clean: false, includeTokens: true })));
  });

  it('fails only the article whose stage throws; the others are analysed as alone', () => {
    const broken = { ...articles[2] as Article, id: 'broken', text: null as unknown as string };
    const input = [articles[0] as Article, articles[1] as Article, broken, articles[3] as Article];
    const batch = analyzeArticles(input, { clean: false });
    expect(batch[2]).toHaveProperty('error');
    expect((batch[2] as { error: unknown }).error).toBeInstanceOf(TypeError);
    for (const k of [0, 1, 3]) expect(batch[k]).toEqual(analyzeArticle(input[k] as Article, { clean: false }));
  });
});

describe('runWholeBatch', () => {
  it('returns, per article, what runWholeTask returns, and a cleaner failure as that article\'s alone', () => {
    // A rule that breaks on one article's text ("Maria Koval" opens only some of them).
    const fragile: CleanRule = { name: 'fragile', judge: (line) => { if (line.text.startsWith('Maria Koval')) throw new Error('rule broke'); return null; } };
    const rules = [...DEFAULT_CLEAN_RULES, fragile];
    const breaks = articles.map((a) => a.text.startsWith('Maria Koval'));
    expect(breaks.some(Boolean)).toBe(true);
    expect(breaks.every(Boolean)).toBe(false);
    const prepare = { clean: { rules }, fingerprint: true };
    const analyze = { options: {} };
    const items = runWholeBatch({ kind: 'batch', articles, prepare, analyze });
    expect(items).toHaveLength(articles.length);
    articles.forEach((article, k) => {
      const task: WholeTask = { kind: 'whole', prepare: { ...prepare, article }, analyze };
      if (breaks[k]) {
        expect(items[k]).toEqual({ failed: 'rule broke' });
        expect(() => runWholeTask(task)).toThrow('rule broke');
      } else {
        expect(items[k]).toEqual(runWholeTask(task));
      }
    });
  });
});
