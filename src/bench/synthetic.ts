import type { Article } from '../types/index.js';

/**
 * Stream `count` articles made from real ones without storing them: article i takes the
 * paragraphs of sample article `i mod n` in an order shuffled by `i` (a seeded generator), so
 * texts read like news, vary in length like the samples, and are not exact repeats (which the
 * duplicate check would skip). Memory: the samples only, whatever `count` is (1M for scale runs).
 *
 * @example
 * for (const article of syntheticArticles(samples, 1_000_000)) ...
 */
export function* syntheticArticles(samples: readonly Article[], count: number): Generator<Article> {
  if (samples.length === 0) throw new TypeError('narrascope: synthetic articles need at least one sample article');
  const paragraphs = samples.map((a) => a.text.split(/\n\s*\n|\n/).filter((p) => p.trim() !== ''));
  for (let i = 0; i < count; i++) {
    const k = i % samples.length;
    const parts = [...(paragraphs[k] ?? [])];
    let state = (i + 1) >>> 0;
    for (let j = parts.length - 1; j > 0; j--) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const r = state % (j + 1);
      [parts[j], parts[r]] = [parts[r] as string, parts[j] as string];
    }
    const sample = samples[k] as Article;
    yield { ...sample, id: `synthetic-${i}`, text: parts.join('\n\n'), dropped: [] };
  }
}
