import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRecord } from '../src/record/index.js';
import { parseAnalyses, parseJsonl, runCli } from './support/cli.js';
import { HAS_POLNEAR, POLNEAR_DEV, ROOT, SEED } from './support/paths.js';
import { tempDir, writeTemp } from './support/temp.js';

const dir = tempDir();

describe('narrascope analyze (spawned)', () => {
  it('prints one JSON article for the seed, sentences matching the text, teasers in dropped', () => {
    const run = runCli(['analyze', 'corpora/seed/crocus-city-hall-attack.txt']);
    expect(run.status).toBe(0);
    const lines = parseAnalyses(run.stdout);
    expect(lines).toHaveLength(1);
    const [result] = lines;
    const text = readFileSync(SEED, 'utf8');
    expect(result?.id).toBe('crocus-city-hall-attack');
    expect(result?.text).toBe(text);
    expect(result?.sentences.length).toBe(11);
    for (const s of result?.sentences ?? []) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(result?.dropped.map((d) => d.reason)).toEqual(Array(6).fill('teaser'));
    expect(result?.tokens).toBeUndefined();
  });

  it('adds tokens with --tokens and writes to --out', () => {
    const out = join(dir, 'seed.jsonl');
    const run = runCli(['analyze', 'corpora/seed', '--tokens', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const [result] = parseAnalyses(readFileSync(out, 'utf8'));
    expect(result?.tokens?.find((t) => t.text === 'Peskov')?.pos).toBe('PROPN');
  });

  it('writes compact records (formatVersion 4, well under the in-memory JSON), quotes with --quotes, and only the --fields asked for', () => {
    const run = runCli(['analyze', 'corpora/seed', '--quiet']);
    const [record] = parseJsonl(run.stdout) as Record<string, unknown>[];
    expect(record?.['formatVersion']).toBe(4);
    // The seed is dense with attributions: ~3.5x its text on disk, against 10x in memory.
    const analysis = fromRecord(record);
    expect(run.stdout.length).toBeLessThan(0.4 * JSON.stringify(analysis).length);
    // A table of columns (the seed has a nested attribution: a parentId column too).
    expect(Object.keys(record?.['attributions'] ?? {})).toEqual(['id', 'source', 'actorId', 'cueId', 'content', 'parentId']);
    const quoted = runCli(['analyze', 'corpora/seed', '--quiet', '--quotes']);
    const [withQuotes] = parseJsonl(quoted.stdout) as { attributions: { content: [number, number, string][][] } }[];
    const first = analysis.attributions[0]?.content[0];
    expect(withQuotes?.attributions.content[0]?.[0]).toEqual([first?.start, first?.end, first?.text]);
    expect(fromRecord(withQuotes)).toEqual(analysis);
    const some = runCli(['analyze', 'corpora/seed', '--quiet', '--fields', 'cues,attributions']);
    expect(Object.keys((parseJsonl(some.stdout) as Record<string, unknown>[])[0] ?? {}).sort()).toEqual(['attributions', 'cues', 'formatVersion', 'id']);
    const bad = runCli(['analyze', 'corpora/seed', '--fields', 'quote']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown field "quote"');
  });

  it('writes the good lines of a broken JSONL, names the bad line, exits 1', () => {
    const file = writeTemp(dir, 'mixed.jsonl', [
      JSON.stringify({ id: 'good-1', text: 'The minister said the plan was fair.' }),
      '{not json',
      JSON.stringify({ id: 'good-2', text: 'Critics rejected the plan on Tuesday.' }),
    ].join('\n'));
    const run = runCli(['analyze', file]);
    expect(run.status).toBe(1);
    expect(parseAnalyses(run.stdout).map((r) => r.id)).toEqual(['good-1', 'good-2']);
    expect(run.stderr).toContain(`${file}:2:`);
    expect(run.stderr).toContain('not valid JSON');
  });

  it('reads JSONL from standard input with "-"', () => {
    const input = [JSON.stringify({ id: 'piped', text: 'The minister said the plan was fair.' }), '{oops'].join('\n');
    const run = runCli(['analyze', '-'], input);
    expect(run.status).toBe(1);
    expect(parseAnalyses(run.stdout).map((r) => r.id)).toEqual(['piped']);
    expect(run.stderr).toContain('<stdin>:2:');
  });

  it('stops quietly when the reader closes the pipe (analyze | head -1)', () => {
    const result = spawnSync('bash', ['-c', `"${process.execPath}" bin/narrascope.js analyze corpora/crocus-outlets --workers 1 --quiet | head -c 10 > /dev/null; echo "exit=\${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stdout.trim()).toBe('exit=0');
    expect(result.stderr).not.toContain('EPIPE');
  });

  it('stops at the first bad line with --strict, keeping what was already written', () => {
    const file = writeTemp(dir, 'strict.jsonl', [
      JSON.stringify({ id: 'good-1', text: 'First.' }),
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify({ id: 'good-2', text: 'Never reached.' }),
    ].join('\n'));
    const run = runCli(['analyze', '--strict', file]);
    expect(run.status).toBe(1);
    expect(parseAnalyses(run.stdout).map((r) => r.id)).toEqual(['good-1']);
    expect(run.stderr).toMatch(/strict\.jsonl:2: field "text"/);
  });

  it('lists a duplicate article with duplicateOf instead of dropping it silently', () => {
    const run = runCli(['analyze', 'corpora/crocus-outlets']);
    const results = parseAnalyses(run.stdout);
    expect(results).toHaveLength(5);
    const copy = results.find((r) => r.id === 'syndicated-lakeside-daily');
    expect(copy?.duplicateOf).toMatchObject({ id: 'northern-ledger' });
    expect(run.stderr).toContain('duplicate of article "northern-ledger"');
  });

  it.each([
    [['analyze'], 'missing required argument'],
    [['analyze', 'corpora/seed', '--max-chars', 'lots'], '--max-chars'],
    [['frobnicate'], 'unknown command'],
  ])('exits 2 on a usage error: %j', (args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr.toLowerCase()).toContain(message.toLowerCase());
  });

  it('prints help for each command and exits 0', () => {
    for (const command of ['analyze', 'compare']) {
      const run = runCli([command, '--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('--id-field');
    }
  });

  it.skipIf(!HAS_POLNEAR)('prints one line per PolNeAR dev record (94), stdout holding only JSON', () => {
    const run = runCli(['analyze', POLNEAR_DEV, '--id-field', 'article', '--outlet-field', 'publisher', '--quiet']);
    expect(run.status).toBe(0);
    const results = parseAnalyses(run.stdout);
    expect(results).toHaveLength(94);
    expect(results[0]?.outlet).toBeTruthy();
  });
});

describe('narrascope compare (spawned)', () => {
  it.each([
    ['markdown', '# narrascope divergence report'],
    ['html', '<!doctype html>'],
  ])('writes a %s report of the example corpora', (format, start) => {
    const run = runCli(['compare', 'corpora/crocus-outlets', '--format', format]);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith(start)).toBe(true);
    for (const outlet of ['Northern Ledger', 'Eastern Herald', 'Atlantic Courier', 'Gulf Monitor']) expect(run.stdout).toContain(outlet);
  });

  it('writes a JSON report listing every article, the duplicate marked', () => {
    const out = join(dir, 'report.json');
    const run = runCli(['compare', 'corpora/crocus-outlets', '--format', 'json', '--out', out]);
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { articles: { id: string; duplicateOf?: string }[]; outlets: unknown[] };
    expect(report.articles).toHaveLength(5);
    expect(report.articles.find((a) => a.id === 'syndicated-lakeside-daily')?.duplicateOf).toBe('northern-ledger');
    expect(report.outlets).toHaveLength(4);
  });

  it('writes Markdown with --format md, the competing narratives listed', () => {
    const run = runCli(['compare', 'corpora/seed', '--format', 'md']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('## Competing narratives');
    expect(run.stdout).toContain('ISIS-K was the sole culprit');
  });

  it('writes a JSON report whose narratives conflict, stdout holding only the report', () => {
    const run = runCli(['compare', 'corpora/crocus-outlets', '--format', 'json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { questions: { contested: boolean }[]; narratives: { id: string }[]; conflicts: { a: string; b: string }[] };
    expect(report.questions.filter((q) => q.contested)).toHaveLength(2);
    expect(report.narratives.length).toBeGreaterThanOrEqual(3);
    expect(report.conflicts.length).toBeGreaterThan(0);
    const ids = new Set(report.narratives.map((n) => n.id));
    for (const c of report.conflicts) expect(ids.has(c.a) && ids.has(c.b)).toBe(true);
  });

  it('compares within the groups of --group-by, never across them', () => {
    const seed = readFileSync(SEED, 'utf8');
    const file = writeTemp(dir, 'grouped.jsonl', [
      { id: 'x1', outlet: 'Alpha', story: 'crocus', text: seed },
      { id: 'y1', outlet: 'Beta', story: 'other', text: 'The minister said the budget would be balanced next year. Critics denied that the budget would be balanced.' },
      { id: 'x2', outlet: 'Beta', story: 'crocus', text: 'Kremlin spokesman Dmitry Peskov said he was not aware of any warnings from Iran. Iran warned Russia about a terrorist operation, sources said.' },
    ].map((r) => JSON.stringify(r)).join('\n'));
    const run = runCli(['compare', file, '--format', 'json', '--group-by', 'story']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { events: { id: string; name: string; articleIds: string[] }[]; divergence: { pairs: { event: string; a: string; b: string }[] }; narratives: { id: string; event: string }[] };
    expect(report.events.map((e) => [e.name, e.articleIds])).toEqual([['crocus', ['x1', 'x2']], ['other', ['y1']]]);
    expect(report.divergence.pairs).toEqual([expect.objectContaining({ event: 'e1', a: 'Alpha', b: 'Beta' })]);
    for (const n of report.narratives) expect(n.id.startsWith(`${n.event}.`)).toBe(true);
  });

  it('forms events itself with --events auto', () => {
    const run = runCli(['compare', 'corpora', '--format', 'json', '--events', 'auto', '--quiet']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { events: unknown[]; articles: unknown[] };
    expect(report.events.length).toBeGreaterThanOrEqual(1);
    expect(report.articles).toHaveLength(6);
  });

  it('rejects an unknown format with exit code 2', () => {
    const run = runCli(['compare', 'corpora', '--format', 'pdf']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown report format "pdf"');
  });
});

describe('package', () => {
  it('declares the bin that npx runs', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['narrascope']).toBe('bin/narrascope.js');
  });
});
