// Report polish (issue 11, item 5): each table once, quotes wrapped once, framing "no common
// actor" instead of 0, dropped regions shown as dropped. The page at 400 px is tested in a real
// browser in report-browser.test.ts.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rendererFor, type DivergenceReport } from '../src/08-report/index.js';
import { quoted } from '../src/08-report/render/sections.js';
import { reportOf } from './support/report.js';
import { ROOT } from './support/paths.js';

let report: DivergenceReport;
let html: string;
let markdown: string;

beforeAll(async () => {
  report = (await reportOf([join(ROOT, 'corpora', 'crocus-outlets')])).report;
  html = rendererFor('html').render(report);
  markdown = rendererFor('markdown').render(report);
});

/** The text of every table of the page, tags stripped. */
const tablesOf = (page: string): string[] => [...page.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());

describe('each table once', () => {
  it('shows no table twice in the HTML page (the coverage matrix replaces the coverage table)', () => {
    const tables = tablesOf(html);
    expect(tables.length).toBeGreaterThan(5);
    expect(new Set(tables).size).toBe(tables.length);
    expect(html.match(/<table class="matrix">/g)).toHaveLength(report.events.length);
    expect(html).not.toContain('id="coverage-');
  });

  it('keeps the coverage table in Markdown, where there is no matrix', () => {
    expect(markdown).toContain('## Coverage of all');
  });
});

describe('quotes wrapped once', () => {
  it.each([
    ['"ISIS-K alone bears responsibility,"', '“ISIS-K alone bears responsibility”'],
    ['“We will not accept it.”', '“We will not accept it.”'],
    ['that the port would close', '“that the port would close”'],
    // Quotation marks inside a claim are its own: they stay, and the claim is wrapped once.
    ['"No," she said, "never"', '“"No," she said, "never"”'],
    ['the so-called "window"', '“the so-called "window"”'],
  ])('quoted(%j) = %j', (text, expected) => expect(quoted(text)).toBe(expected));

  it('never doubles quote marks in the conflicts table or the claim lists', () => {
    expect(html).toContain('“ISIS-K alone bears responsibility”');
    expect(html).not.toMatch(/“(?:&quot;|“|”)|(?:&quot;|“|”)”/);
    expect(markdown).not.toMatch(/“["“”]|["“”]”/);
  });
});

describe('outlet-pair framing', () => {
  it('is null in JSON and "no common actor" on the page when two outlets quote no common actor', () => {
    const none = report.divergence.pairs.filter((p) => p.framing === null);
    expect(none.length).toBeGreaterThan(0);
    // The score then rests on the narrative component alone.
    for (const p of none) expect(p.score).toBe(p.narratives);
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1] ?? '');
    for (const p of none) {
      expect(rows.some((r) => r.includes(`<td>${p.a}</td><td>${p.b}</td>`) && r.includes('<td>no common actor</td>'))).toBe(true);
    }
    expect(markdown).toContain('| no common actor |');
  });
});

describe('dropped regions in the article view', () => {
  it('greys every dropped region with its reason on hover, never as body text or a claim', () => {
    const dropped = report.articles.filter((a) => !a.duplicateOf).flatMap((a) => a.dropped);
    expect(dropped.length).toBeGreaterThan(3);
    const spans = [...html.matchAll(/<span class="dropped" title="([^"]*)" data-reason="([^"]*)">([^<]*)<\/span>/g)];
    for (const d of dropped) {
      const span = spans.find((s) => s[3]?.includes(d.text.slice(0, 20).replace(/&/g, '&amp;')));
      expect(span, d.text).toBeDefined();
      expect(span?.[2]).toBe(d.reason);
      expect(span?.[1]).toContain(`dropped (${d.reason})`);
    }
    expect(html).toMatch(/\.dropped\{[^}]*color:/);
  });
});
