import { describe, expect, it } from 'vitest';
import { tripletEvents } from '../src/bench/triplets.js';
import type { Article } from '../src/types/index.js';
import { runCli } from './support/cli.js';
import { tempDir, writeTemp } from './support/temp.js';

const article = (id: string, group: string): Article => ({ id, group, outlet: id, date: null, title: null, url: null, text: `First ${id}.\n\nSecond ${id}.\n\nThird ${id}.`, dropped: [] });

describe('narrascope bench', () => {
  it('builds N events of three articles from the triplets, copies with new ids, groups and shuffled paragraphs', () => {
    const triplets = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => article(id, i < 3 ? 'g1' : 'g2'));
    const events = tripletEvents([...triplets, article('lone', 'g3')], 5);
    expect(events).toHaveLength(15);
    expect(new Set(events.map((a) => a.id)).size).toBe(15);
    expect(new Set(events.map((a) => a.group))).toEqual(new Set(['g1', 'g2', 'g1#1', 'g2#1', 'g1#2']));
    const copy = events.find((a) => a.id === 'a#1');
    expect(copy?.text.split('\n\n').sort()).toEqual(triplets[0]?.text.split('\n\n').sort());
  });

  it('times the runner and compare on the shipped corpora and reports rates and memory as JSON', () => {
    const result = runCli(['bench', '--file', 'corpora', '--rounds', '1', '--workers', '1', '--compare', '--no-startup', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const bench = JSON.parse(result.stdout) as { runner: { articles: number; articlesPerSecond: number; peakRssMb: number }[]; compare: { grouping: string; articles: number }[] };
    expect(bench.runner[0]?.articles).toBeGreaterThan(0);
    expect(bench.runner[0]?.articlesPerSecond).toBeGreaterThan(0);
    expect(bench.runner[0]?.peakRssMb).toBeGreaterThan(0);
    expect(bench.compare[0]).toMatchObject({ grouping: 'auto' });
  });

  it('reads --file with the field flags of analyze and reports every stage with its CPU time', () => {
    const file = writeTemp(tempDir(), 'custom.jsonl', [
      JSON.stringify({ key: 'k1', body: 'The minister said the plan was fair. Critics disagreed.' }),
      JSON.stringify({ key: 'k2', body: 'According to officials, the talks collapsed on Monday.' }),
    ].join('\n'));
    const result = runCli(['bench', '--file', file, '--id-field', 'key', '--text-field', 'body', '--rounds', '1', '--workers', '1', '--startup-runs', '1', '--no-relations', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const bench = JSON.parse(result.stdout) as {
      articles: number; stages: { stage: string; cpuMs: number }[]; runner: { mode: string; workers: number; articles: number; cpuSeconds: number }[];
      output: { ratio: number; quotedRatio: number; parts: { part: string; ratio: number }[] }; startup: { command: string; wallMs: number; cpuMs: number }[];
    };
    // The output is measured against the text, per part; quoting every span makes it larger.
    expect(bench.output.parts.map((p) => p.part)).toContain('text');
    expect(bench.output.quotedRatio).toBeGreaterThan(bench.output.ratio);
    expect(bench.startup.map((r) => r.command)).toEqual(['narrascope --version', 'analyze 1 article --workers 1', 'analyze 1 article --workers 2']);
    expect(bench.startup.every((r) => r.cpuMs > 0 && r.wallMs > 0)).toBe(true);
    expect(bench.articles).toBe(2);
    expect(bench.stages.map((s) => s.stage)).toEqual(['wink-nlp tokenizer alone', 'clean', 'segment', 'actors', 'cues', 'attributions', 'commitments', 'record (compact JSON line)', 'whole chain (clean..JSON line)']);
    expect(bench.stages.every((s) => s.cpuMs >= 0)).toBe(true);
    expect(bench.runner).toEqual([expect.objectContaining({ mode: 'process', workers: 1, articles: 2 })]);
    expect(bench.runner[0]?.cpuSeconds).toBeGreaterThan(0);
    const wrong = runCli(['bench', '--file', file, '--rounds', '1', '--workers', '1']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('no articles found');
  });
});
