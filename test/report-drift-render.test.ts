// The drift renderers: Markdown tables and the HTML section with its SVG timeline, hostile text
// kept inert in both, and the report renderers unchanged unless a drift report is given.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeDrift } from '../src/jobs/drift.js';
import { buildReport, renderDrift, renderDriftHtmlPage, renderDriftHtmlSection, renderDriftMarkdown, rendererFor, type DivergenceReport } from '../src/08-report/index.js';
import type { DriftReport, RunSnapshot, SnapshotNarrative } from '../src/types/drift.js';
import type { AnalyzedArticle } from '../src/types/index.js';
import { ROOT } from './support/paths.js';

const HOSTILE_LABEL = 'a | b <script>alert(1)</script>';
const HOSTILE_OUTLET = '<img src=x onerror=alert(1)>';

const n = (id: string, claims: number, share: number, outlets: readonly string[], label = `story ${id}`): SnapshotNarrative => ({
  id, reportId: `e1.${id}`, event: 'e1', label, claimKeys: [], claims, share, outlets, backers: [], disputers: [],
});
const run = (runId: number, narratives: readonly SnapshotNarrative[], extra: Partial<RunSnapshot> = {}): RunSnapshot => ({
  runId, job: 'crocus <job>', startedAt: `2026-01-0${runId}T06:00:00Z`, articles: 9, outlets: [], narratives, framing: [], conflicts: [], ...extra,
});

// Run 1 -> run 3: one narrative of each kind, an outlet change, a framing change, a new conflict.
const r1 = run(1, [n('N1', 6, 0.4, ['BBC']), n('N2', 6, 0.4, ['RT']), n('N3', 2, 0.2, ['TASS'])], {
  framing: [{ outlet: HOSTILE_OUTLET, actor: 'Kirby | "x"', classes: { neutral: 3 } }],
});
const r2 = run(2, [n('N1', 6, 0.5, ['BBC']), n('N2', 6, 0.5, ['RT'])]);
const r3 = run(3, [n('N1', 8, 0.6, ['BBC', HOSTILE_OUTLET]), n('N2', 2, 0.1, ['RT']), n('N4', 3, 0.3, [HOSTILE_OUTLET], HOSTILE_LABEL)], {
  framing: [{ outlet: HOSTILE_OUTLET, actor: 'Kirby | "x"', classes: { distancing: 3 } }],
  conflicts: [{ a: 'N1', b: 'N4', reason: 'different <b>perpetrators</b>' }],
});
const drift: DriftReport = computeDrift(r1, r3, [r2, r1]);
const first: DriftReport = computeDrift(null, r1, []);

describe('renderDriftMarkdown', () => {
  const md = renderDriftMarkdown(drift);

  it.each([
    '## What changed since run 1',
    '**Narratives: 1 new, 1 vanished, 1 growing, 1 shrinking, 0 steady. 3 outlet changes, 1 framing change, 1 new conflict.**',
    '### New narratives', '### Vanished narratives', '### Growing narratives', '### Shrinking narratives',
    '### Outlets that started or stopped carrying a narrative', '### Framing changes: the cue classes an outlet uses for an actor', '### New conflicts', '### Share of each narrative over the runs',
    '| id | narrative | claims | share | outlets |',
    '| N4 | a \\| b \\<script\\>alert(1)\\</script\\> | 0 → 3 | 0% → 30% | \\<img src=x onerror=alert(1)\\> |',
    '| N2 | story N2 | 6 → 2 | 40% → 10% | RT |',
    '| \\<img src=x onerror=alert(1)\\> | Kirby \\| "x" | neutral ×3 | distancing ×3 | 1 |',
    '| narrative | run 1 | run 2 | run 3 |',
    '| N1 story N1 | 40% | 50% | 60% |',
  ])('contains %s', (line) => expect(md.split('\n')).toContain(line));

  it('keeps hostile text inert and every row to its column count', () => {
    expect(md).not.toMatch(/(?<!\\)<(script|img|b>)/);
    const lines = md.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]?.startsWith('| ---')) continue;
      const columns = (lines[i]?.match(/ --- \|/g) ?? []).length;
      for (let j = i + 1; j < lines.length && lines[j]?.startsWith('|'); j++) {
        expect((lines[j]?.replace(/\\\|/g, '').match(/\|/g) ?? []).length - 1).toBe(columns);
      }
    }
  });

  it('says "First run" and skips empty tables, keeping the summary line', () => {
    const text = renderDriftMarkdown(first);
    expect(text).toMatch(/^## First run\n/);
    expect(text).toContain('**Narratives: 3 new, 0 vanished, 0 growing, 0 shrinking, 0 steady. 3 outlet changes, 0 framing changes, 0 new conflicts.**');
    expect(text).not.toContain('### Vanished');
    expect(text).not.toContain('### Framing');
    const none = renderDriftMarkdown({ ...drift, new: [], vanished: [], growing: [], shrinking: [], outlets: [], framing: [], conflicts: [], timeline: { runs: [], series: [] } });
    expect(none).not.toContain('###');
    expect(none).toContain('**Narratives: 0 new');
  });
});

describe('renderDriftHtmlSection', () => {
  const html = renderDriftHtmlSection(drift);
  const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;

  it('is a drift section with the tables and an SVG line per narrative', () => {
    expect(html).toMatch(/^<section id="drift"><h2>What changed since run 1<\/h2>/);
    expect(html).toContain('<h3 id="drift-new">New narratives</h3>');
    expect(count(html, /<svg /g)).toBe(1);
    expect(count(html, /<polyline /g)).toBe(drift.timeline.series.length);
    expect(html).toContain('<title id="drift-chart-title">');
  });

  it('escapes hostile text and loads nothing external', () => {
    expect(html).toContain('a | b &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).not.toMatch(/<[^>]*\son\w+=/);
    expect(html).not.toMatch(/https?:|<[^>]*\s(src|href)=/);
  });

  it.each([
    ['a single run: points, no lines', first, 0, 3],
    ['more than eight narratives: the top eight', computeDrift(null, run(1, Array.from({ length: 12 }, (_, i) => n(`N${i + 1}`, 1, 1 / 12, ['BBC']))), [run(0, [])]), 8, 16],
  ])('%s', (_name, report, lines, points) => {
    const section = renderDriftHtmlSection(report);
    expect(count(section, /<polyline /g)).toBe(lines);
    expect(count(section, /<circle /g)).toBe(points);
  });
});

describe('renderDrift', () => {
  it.each([
    ['json', (text: string) => expect(JSON.parse(text)).toEqual(drift)],
    ['markdown', (text: string) => expect(text).toBe(renderDriftMarkdown(drift))],
    ['md', (text: string) => expect(text).toBe(renderDriftMarkdown(drift))],
    ['html', (text: string) => {
      expect(text).toBe(renderDriftHtmlPage(drift));
      expect(text).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
      expect(text).toContain(renderDriftHtmlSection(drift));
      expect(text).not.toContain('<script');
    }],
  ] as const)('writes %s', (format, check) => check(renderDrift(drift, format)));

  it('throws a TypeError naming the formats for an unknown one', () => {
    expect(() => renderDrift(drift, 'pdf' as 'json')).toThrow(/^narrascope: unknown drift format "pdf": expected one of json, markdown, md, html$/);
  });
});

describe('report renderers with and without drift', () => {
  let report: DivergenceReport;
  beforeAll(() => {
    const input = join(ROOT, 'test', 'fixtures', 'report', 'crocus-outlets', 'input.jsonl');
    const results = readFileSync(input, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AnalyzedArticle);
    report = buildReport(results, { now: new Date('2026-01-01T00:00:00Z') });
  });

  it.each([
    ['markdown', (plain: string, withDrift: string) => {
      const section = `\n\n${renderDriftMarkdown(drift).trimEnd()}`;
      expect(withDrift).toContain(`${section}\n\n## Claims of each narrative`);
      expect(withDrift.replace(section, '')).toBe(plain);
    }],
    ['html', (plain: string, withDrift: string) => {
      const section = `${renderDriftHtmlSection(drift)}\n`;
      expect(withDrift).toMatch(/<section id="chart">.*<\/section>\n<section id="drift">/);
      expect(withDrift.replace(section, '')).toBe(plain);
    }],
    ['json', (plain: string, withDrift: string) => {
      const parsed = JSON.parse(withDrift) as DivergenceReport & { drift?: DriftReport };
      expect(parsed.drift).toEqual(drift);
      expect(JSON.parse(plain)).not.toHaveProperty('drift');
      delete parsed.drift;
      expect(`${JSON.stringify(parsed, null, 2)}\n`).toBe(plain);
    }],
  ] as const)('%s: the drift section only when given', (format, check) => {
    const renderer = rendererFor(format);
    const plain = renderer.render(report);
    expect(renderer.render(report, {})).toBe(plain);
    check(plain, renderer.render(report, { drift }));
  });
});
