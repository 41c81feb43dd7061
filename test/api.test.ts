import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { SEED } from './support/paths.js';

describe('public API', () => {
  it('exports each stage as a function, in pipeline order', () => {
    for (const name of ['ingest', 'ingestArticles', 'clean', 'segment', 'tagActors', 'tagCues', 'extractAttributions', 'buildReport', 'analyze', 'analyzeArticle']) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(typeof api.DuplicateDetector).toBe('function');
    expect([...api.RENDERERS.keys()]).toEqual(['json', 'markdown', 'html']);
  });

  it('chains ingestArticles -> analyze into typed results', async () => {
    const results: api.AnalyzedArticle[] = [];
    for await (const result of api.analyze(api.ingestArticles([SEED]))) results.push(result);
    expect(results).toHaveLength(1);
    expect(results[0]?.sentences.length).toBe(11);
  });

  it('throws a TypeError naming the known formats for an unknown renderer', () => {
    expect(() => api.rendererFor('pdf')).toThrow(/json, markdown, html/);
  });
});
