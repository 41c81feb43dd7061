import { readFileSync } from 'node:fs';
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

  it('exports drift between two runs of a job: computation and renderers', () => {
    for (const name of ['computeDrift', 'renderDrift', 'renderDriftMarkdown', 'renderDriftHtmlSection', 'renderDriftHtmlPage']) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    }
    const to: api.RunSnapshot = { runId: 1, job: 'j', startedAt: '2026-01-01T00:00:00Z', articles: 0, outlets: [], narratives: [], framing: [], conflicts: [] };
    const drift: api.DriftReport = api.computeDrift(null, to, []);
    const options: api.RenderOptions = { drift };
    expect(api.renderDrift(options.drift ?? drift, 'md')).toMatch(/^## First run/);
  });

  it('exports scheduled jobs: job files, the store, runs and the scheduler', () => {
    for (const name of ['loadJob', 'parseJob', 'runJob', 'Scheduler', 'JobStore', 'matchNarratives', 'articleHash']) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    }
    const job: api.JobDefinition = api.parseJob({ name: 'j', inputs: ['corpora'], outputs: { directory: 'out' } }, '/tmp/j.json');
    expect(job.outputs.directory).toBe('/tmp/out');
    const store = api.JobStore.open(':memory:');
    expect(store.schemaVersion).toBe(api.SCHEMA_VERSION);
    store.close();
  });

  it('exports claim relations, FNC-1 scoring and the word vectors', () => {
    const relation: api.Relation = api.relate('Police arrested the mayor', 'Apple unveiled a new phone with a larger battery.');
    expect(relation.label).toBe('unrelated');
    expect(api.scoreFnc1(['agree', 'unrelated'], ['agree', 'discuss']).relativeScore).toBe(80);
    expect(api.loadEmbeddings().dim).toBe(100);
  });

  it('chains ingestArticles -> analyze into typed results', async () => {
    const results: api.AnalyzedArticle[] = [];
    for await (const result of api.analyze(api.ingestArticles([SEED]))) results.push(result);
    expect(results).toHaveLength(1);
    expect(results[0]?.sentences.length).toBe(11);
  });

  it('analyzeArticle cleans by default, as analyze does: teasers of other stories are dropped, not attributions', async () => {
    const text = readFileSync(SEED, 'utf8');
    const raw: api.Article = { id: 'seed', outlet: null, date: null, title: null, url: null, text, dropped: [] };
    const direct = api.analyzeArticle(raw);
    expect(direct.dropped.map((d) => d.reason)).toContain('teaser');
    const inDropped = (start: number): boolean => direct.dropped.some((d) => start >= d.start && start < d.end);
    expect(direct.attributions.filter((a) => inDropped(a.cue.spans[0]?.start ?? -1))).toEqual([]);
    // The same record the stream gives, and the same as cleaning first and saying so.
    const streamed: api.AnalyzedArticle[] = [];
    for await (const result of api.analyze([raw])) streamed.push(result);
    expect(direct).toEqual(streamed[0]);
    expect(api.analyzeArticle(api.clean(raw), { clean: false })).toEqual(direct);
    // clean: false reads every character, teasers included.
    const uncleaned = api.analyzeArticle(raw, { clean: false });
    expect(uncleaned.dropped).toEqual([]);
    expect(uncleaned.sentences.length).toBeGreaterThan(direct.sentences.length);
  });

  it('throws a TypeError naming the known formats for an unknown renderer', () => {
    expect(() => api.rendererFor('pdf')).toThrow(/json, markdown, html/);
  });
});
