import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Progress } from '../src/cli/progress.js';
import { countRecords } from '../src/cli/progress-total.js';
import { tempDir, writeTemp } from './support/temp.js';

const dir = tempDir();

describe('countRecords (progress total)', () => {
  it.each([
    ['a JSONL file counts its lines, a last line without newline included', () => [writeTemp(dir, 'a.jsonl', '{}\n{}\n{}')], 3],
    ['a text file counts one', () => [writeTemp(dir, 'b.txt', 'Hello.')], 1],
    ['gzip cannot be told cheaply', () => [writeTemp(dir, 'c.jsonl.gz', gzipSync('{}\n'))], null],
    ['standard input cannot be told', () => ['-'], null],
  ])('%s', async (_, inputs, expected) => {
    expect(await countRecords(inputs())).toBe(expected);
  });
});

describe('Progress', () => {
  afterEach(() => { vi.restoreAllMocks(); });
  const capture = (): string[] => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { lines.push(String(chunk)); return true; });
    return lines;
  };

  it('prints nothing with --quiet', () => {
    const lines = capture();
    const progress = new Progress({ quiet: true, every: 0 });
    for (let i = 0; i < 5; i++) progress.tick();
    progress.stop();
    expect(lines).toEqual([]);
  });

  it.skipIf(process.stderr.isTTY === true)('prints plain lines with counts, failures and an ETA when stderr is not a terminal', () => {
    const lines = capture();
    const progress = new Progress({ quiet: false, every: 0 });
    progress.setTotal(10);
    progress.tick();
    progress.tick(true);
    expect(lines.at(-1)).toMatch(/^narrascope: 2\/10 articles, [\d.]+ articles\/s, 1 failures \| ETA \d+s\n$/);
  });
});
