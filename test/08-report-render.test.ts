// The report renderers: the JSON contract, escaping of hostile article text in Markdown and HTML,
// and a whole-report fixture for the example corpus (regenerate with UPDATE=1).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, mdText, rendererFor, RENDERERS, type DivergenceReport } from '../src/08-report/index.js';
import type { AnalyzedArticle } from '../src/types/index.js';
import { reportOf } from './support/report.js';
import { ROOT } from './support/paths.js';

const HOSTILE = join(ROOT, 'test', 'fixtures', 'hostile');
let hostile: DivergenceReport;
let outlets: DivergenceReport;

beforeAll(async () => {
  hostile = (await reportOf([HOSTILE])).report;
  outlets = (await reportOf([join(ROOT, 'corpora', 'crocus-outlets')])).report;
});

describe('renderer registry', () => {
  it('has json, markdown and html, and md as an alias', () => {
    expect([...RENDERERS.keys()]).toEqual(['json', 'markdown', 'html']);
    expect(rendererFor('md').name).toBe('markdown');
    expect(() => rendererFor('pdf')).toThrow(TypeError);
  });
});

describe('JSON contract', () => {
  it('has every field of issue 5', () => {
    const r = JSON.parse(rendererFor('json').render(outlets)) as DivergenceReport;
    const article = r.articles[0];
    expect(article).toEqual(expect.objectContaining({ id: expect.any(String), outlet: expect.any(String), dropped: expect.any(Array) }));
    expect(r.actors[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), kind: expect.any(String), aliases: expect.any(Array) }));
    const att = r.attributions.find((a) => a.source !== null);
    expect(att?.cue).toEqual(expect.objectContaining({ start: expect.any(Number), end: expect.any(Number), text: expect.any(String), lemma: expect.any(String), class: expect.any(String), sourceCommitment: expect.any(Number), reporterCommitment: expect.any(Number) }));
    expect(att?.source).toEqual(expect.objectContaining({ start: expect.any(Number), actorId: expect.any(String) }));
    const n = r.narratives[0];
    expect(n).toEqual(expect.objectContaining({ id: expect.any(String), label: expect.any(String), backers: expect.any(Array), disputers: expect.any(Array) }));
    expect(n?.claims[0]).toEqual(expect.objectContaining({ articleId: expect.any(String), start: expect.any(Number), end: expect.any(Number), text: expect.any(String), stance: expect.any(String) }));
    expect(r.conflicts[0]).toEqual(expect.objectContaining({ a: expect.any(String), b: expect.any(String), reason: expect.any(String), evidence: expect.any(Array) }));
    expect(r.outlets[0]).toEqual(expect.objectContaining({ outlet: expect.any(String), shares: expect.any(Object), omitted: expect.any(Array), framing: expect.any(Array) }));
    expect(r.divergence).toEqual(expect.objectContaining({ overall: expect.any(Number), pairs: expect.any(Array) }));
  });

  it('quotes every span exactly from the original text', () => {
    const texts = new Map(outlets.articles.map((a) => [a.id, a.text]));
    for (const n of outlets.narratives) for (const c of n.claims) expect(texts.get(c.articleId)?.slice(c.start, c.end)).toBe(c.text);
    for (const a of outlets.attributions) {
      if (a.cue.text.includes(' … ')) continue; // discontinuous cues are joined fragments
      expect(texts.get(a.articleId)?.slice(a.cue.start, a.cue.end)).toBe(a.cue.text);
    }
  });
});

describe('report fixtures (input.jsonl -> expected.json, expected.md; UPDATE=1 regenerates)', () => {
  // The input is the analysed corpus frozen as JSONL, so the fixtures test stages 7-8 only and do
  // not move when the attribution tagger is retrained; UPDATE=1 re-analyses and rewrites all three.
  const dir = join(ROOT, 'test', 'fixtures', 'report', 'crocus-outlets');
  const input = join(dir, 'input.jsonl');
  const now = new Date('2026-01-01T00:00:00Z');
  beforeAll(async () => {
    if (process.env['UPDATE'] || !existsSync(input)) {
      const { results } = await reportOf([join(ROOT, 'corpora', 'crocus-outlets')]);
      writeFileSync(input, results.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }
  });
  it.each([['json', 'expected.json'], ['markdown', 'expected.md']])('renders %s as %s', (format, name) => {
    const results = readFileSync(input, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AnalyzedArticle);
    const output = rendererFor(format).render(buildReport(results, { now }));
    const file = join(dir, name);
    if (process.env['UPDATE'] || !existsSync(file)) writeFileSync(file, output);
    expect(output).toBe(readFileSync(file, 'utf8'));
  });
});

describe('Markdown escaping', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['<script>x</script>', '\\<script\\>x\\</script\\>'],
    ['line\nbreak', 'line break'],
    ['[link](javascript:x)', '\\[link\\](javascript:x)'],
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
  ])('mdText(%j) = %j', (text, escaped) => expect(mdText(text)).toBe(escaped));

  it('keeps every table row of a hostile article to its column count', () => {
    const md = rendererFor('markdown').render(hostile);
    expect(md).not.toMatch(/(?<!\\)<(script|img|div|!--)/);
    const lines = md.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]?.startsWith('| ---')) continue;
      const columns = (lines[i]?.match(/ --- \|/g) ?? []).length;
      for (let j = i + 1; j < lines.length && lines[j]?.startsWith('|'); j++) {
        expect((lines[j]?.replace(/\\\|/g, '').match(/\|/g) ?? []).length - 1).toBe(columns);
      }
    }
  });
});

describe('HTML escaping', () => {
  it('renders hostile text inert: no live tags, handlers or comments from the article', () => {
    const html = rendererFor('html').render(hostile);
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/<img|<div onclick|<!-- comment/);
    expect(html).not.toMatch(/<[^>]*\son\w+=/); // no element carries an event handler attribute
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html.match(/<script>/g)).toHaveLength(1); // the page's own static script only
    expect(html).toContain("Content-Security-Policy");
  });
});
