/**
 * Input the CLI must not treat as a success: nothing to read, pages without an article, ids that
 * repeat or are missing. Each case runs the real `bin/narrascope.js`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalyzedArticle } from '../src/types/index.js';
import { parseJsonl, runCli } from './support/cli.js';
import { tempDir, writeTemp } from './support/temp.js';

const dir = tempDir();
const emptyFolder = join(dir, 'empty-folder');
mkdirSync(emptyFolder);
const emptyFile = writeTemp(dir, 'empty.jsonl', '');
const menuPage = writeTemp(dir, 'menu.html', '<html><head><title>Site</title></head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav></body></html>');

describe('empty and near-empty input', () => {
  it.each([
    ['analyze', 'an empty JSONL file', emptyFile],
    ['analyze', 'an empty folder', emptyFolder],
    ['compare', 'an empty JSONL file', emptyFile],
    ['compare', 'an empty folder', emptyFolder],
    ['events', 'an empty folder', emptyFolder],
  ])('%s of %s says "no articles found" and exits 1, writing nothing', (command, _what, input) => {
    const run = runCli([command, input]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`no articles found in ${input}`);
    expect(run.stdout).toBe('');
  });

  it('does not analyse an HTML page whose only text is its menu', () => {
    const run = runCli(['analyze', menuPage]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no article body');
    expect(run.stderr).toContain('"Home About"');
    expect(run.stdout).toBe('');
  });

  it('a job run that finds no article is a normal recorded run, with a warning', () => {
    const job = join(dir, 'nothing.json');
    mkdirSync(join(dir, 'feeds'));
    writeFileSync(job, JSON.stringify({ name: 'nothing', inputs: ['feeds'], outputs: { directory: 'out', formats: ['json'] }, store: 'store.db', workers: 1 }));
    const run = runCli(['run', job, '--json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('no articles found in');
    expect(JSON.parse(run.stdout)).toMatchObject({ runId: 1, articles: 0, narratives: 0 });
    const history = runCli(['history', job]);
    expect(history.stdout).toMatch(/^1\s+succeeded/m);
  });
});

describe('ids', () => {
  const file = writeTemp(dir, 'ids.jsonl', [
    JSON.stringify({ id: 'a', text: 'The minister said the plan would work.' }),
    JSON.stringify({ id: 'a', text: 'Officials said the plan had failed.' }),
    JSON.stringify({ text: 'The editor said nothing.' }),
    JSON.stringify({ id: 17, text: 'A spokesman said the talks went well.' }),
    JSON.stringify({ id: 'e1', text: '' }),
    JSON.stringify({ id: { nested: true }, text: 'Never read.' }),
  ].join('\n'));

  it('renames a repeated id ID#2 naming both lines, derives a missing id, reads a number id as a string', () => {
    const failures = join(dir, 'failures.jsonl');
    const run = runCli(['analyze', file, '--failures', failures]);
    expect(run.status).toBe(1);
    expect((parseJsonl(run.stdout) as AnalyzedArticle[]).map((r) => r.id)).toEqual(['a', 'a#2', 'ids:3', '17']);
    expect(run.stderr).toContain(`${file}:2: id "a" was already used by ${file}:1; this article is "a#2" [record/duplicate-id]`);
    expect(run.stderr).toContain(`${file}:3: field "id": no id in field "id"; this article is "ids:3"`);
    expect(run.stderr).toContain(`${file}:6: field "id": field "id" must be a string or a number, got an object [record/bad-id]`);
    // The failures file keeps the id of a line that had one.
    const failed = readFileSync(failures, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string | null; line: number });
    expect(failed.map((f) => [f.line, f.id])).toEqual([[5, 'e1'], [6, null]]);
  });

  it('stops at a repeated id with --strict', () => {
    const run = runCli(['analyze', file, '--strict']);
    expect(run.status).toBe(1);
    expect((parseJsonl(run.stdout) as AnalyzedArticle[]).map((r) => r.id)).toEqual(['a']);
    expect(run.stderr).toContain('[record/duplicate-id]');
  });
});
