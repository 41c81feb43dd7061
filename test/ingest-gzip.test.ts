import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatOf, ingest } from '../src/01-ingest/index.js';
import type { IngestEvent } from '../src/01-ingest/index.js';
import { tempDir, writeTemp } from './support/temp.js';

const dir = tempDir();
const collect = async (inputs: string[]): Promise<IngestEvent[]> => {
  const events: IngestEvent[] = [];
  for await (const event of ingest(inputs)) events.push(event);
  return events;
};

describe('gzipped JSONL input', () => {
  it.each([
    ['corpus.jsonl.gz', 'jsonl-gz'],
    ['DUMP.NDJSON.GZ', 'jsonl-gz'],
    ['corpus.jsonl', 'jsonl'],
    ['archive.tar.gz', null],
  ])('formatOf(%s) is %s', (file, format) => {
    expect(formatOf(file)).toBe(format);
  });

  it('reads articles line by line, reporting a bad line with its number', async () => {
    const text = [JSON.stringify({ id: 'g1', text: 'The mayor said the port would reopen.' }), '{bad', JSON.stringify({ id: 'g2', text: 'Critics denied it.' })].join('\n');
    const file = writeTemp(dir, 'batch.jsonl.gz', gzipSync(text));
    const events = await collect([file]);
    expect(events.filter((e) => e.kind === 'article').map((e) => e.kind === 'article' && e.article.id)).toEqual(['g1', 'g2']);
    const bad = events.find((e) => e.kind === 'diagnostic');
    expect(bad?.kind === 'diagnostic' && bad.diagnostic).toMatchObject({ code: 'jsonl/invalid-json', line: 2, file });
  });

  it('turns a corrupt archive into a diagnostic, keeping the lines before the damage', async () => {
    const whole = gzipSync(Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `c${i}`, text: `Article number ${i} said something about the port.` })).join('\n'));
    const file = writeTemp(dir, 'cut.jsonl.gz', whole.subarray(0, Math.floor(whole.length * 0.6)));
    const events = await collect([file]);
    expect(events.at(-1)).toMatchObject({ kind: 'diagnostic', diagnostic: { code: 'input/unreadable', file } });
  });
});
