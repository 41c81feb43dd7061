import { describe, expect, it } from 'vitest';
import { analyze } from '../src/pipeline/analyze.js';
import { runAnalysis, type RunItem } from '../src/pipeline/run.js';
import { readResumePoint, resumeSkipper } from '../src/pipeline/resume.js';
import type { Article } from '../src/types/index.js';
import { fromRecord } from '../src/record/index.js';
import { syntheticArticles } from './support/synthetic.js';
import { tempDir, writeTemp } from './support/temp.js';

const articles: Article[] = syntheticArticles(12).map((a) => ({ ...a, date: null, title: null, url: null, dropped: [] }));
const collect = async (source: AsyncIterable<RunItem>): Promise<RunItem[]> => {
  const items: RunItem[] = [];
  for await (const item of source) items.push(item);
  return items;
};

describe('runAnalysis', () => {
  it('keeps input order with two worker threads, and writes what analyze would', async () => {
    const items = await collect(runAnalysis(articles, { workers: 2, maxInFlight: 5 }));
    expect(items.map((i) => i.article.id)).toEqual(articles.map((a) => a.id));
    expect(items.map((i) => i.index)).toEqual(articles.map((_, i) => i));
    // Same ids, sentences and attributions as the in-thread chain (wink's tokenizer learns words
    // as it goes, so token-level details may differ between threads: compare stable fields).
    const expected = [];
    for await (const result of analyze(articles)) expected.push(result);
    for (const [k, item] of items.entries()) {
      expect(item.kind).toBe('result');
      const got = item.kind === 'result' ? fromRecord(JSON.parse(item.json)) : null;
      expect(got?.id).toBe(expected[k]?.id);
      expect(got?.sentences.length).toBe(expected[k]?.sentences.length);
      expect(got?.attributions.length).toBe(expected[k]?.attributions.length);
    }
  });

  it('lists a duplicate in place without analysing it', async () => {
    const copy = { ...articles[0] as Article, id: 'copy' };
    const items = await collect(runAnalysis([articles[0] as Article, copy], { workers: 1 }));
    expect(items[1]?.kind === 'result' && JSON.parse(items[1].json)).toMatchObject({ id: 'copy', duplicateOf: { id: 'a0', kind: 'exact' } });
  });

  it('with two workers (clean, fingerprint and analysis in one trip each), lists duplicates in order and writes the bytes of one worker', async () => {
    // The copy's analysis is done in its worker and thrown away: the decision is taken in input order.
    const input = [articles[0] as Article, articles[1] as Article, { ...articles[0] as Article, id: 'copy' }, articles[2] as Article];
    const two = await collect(runAnalysis(input, { workers: 2 }));
    const one = await collect(runAnalysis(input, { workers: 1 }));
    expect(two.map((i) => (i.kind === 'result' ? i.json : i.kind))).toEqual(one.map((i) => (i.kind === 'result' ? i.json : i.kind)));
    expect(two[2]?.kind === 'result' && JSON.parse(two[2].json)).toMatchObject({ id: 'copy', duplicateOf: { id: 'a0', kind: 'exact' } });
    expect(two[2]?.kind === 'result' && fromRecord(JSON.parse(two[2].json)).sentences).toEqual([]);
  });

  it('with one worker in its own thread (ownThread, as analyze does for large inputs), writes the bytes of the calling thread', async () => {
    const input = [articles[0] as Article, articles[1] as Article, { ...articles[0] as Article, id: 'copy' }, articles[2] as Article];
    const own = await collect(runAnalysis(input, { workers: 1, ownThread: true }));
    const here = await collect(runAnalysis(input, { workers: 1 }));
    expect(own.map((i) => (i.kind === 'result' ? i.json : i.kind))).toEqual(here.map((i) => (i.kind === 'result' ? i.json : i.kind)));
    expect(own[2]?.kind === 'result' && JSON.parse(own[2].json)).toMatchObject({ id: 'copy', duplicateOf: { id: 'a0', kind: 'exact' } });
  });

  it('does not read ahead of a slow consumer by more than maxInFlight articles (backpressure)', async () => {
    let read = 0;
    let worst = 0;
    async function* source(): AsyncGenerator<Article> {
      for (const article of articles) { read++; yield article; }
    }
    let yielded = 0;
    for await (const item of runAnalysis(source(), { workers: 1, maxInFlight: 2 })) {
      void item;
      yielded++;
      worst = Math.max(worst, read - yielded);
      await new Promise((resolve) => setTimeout(resolve, 5)); // a slow writer
    }
    expect(yielded).toBe(articles.length);
    // Held between reading and writing: never more than the bound, however long the input.
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('turns an article that breaks a stage into a failure item and goes on', async () => {
    const fragile = { name: 'fragile', judge: (line: { text: string }) => { if (line.text.includes('a3')) throw new Error('rule broke'); return null; } };
    const marked = articles.slice(0, 5).map((a) => ({ ...a, text: `${a.id}\n${a.text}` }));
    const items = await collect(runAnalysis(marked, { workers: 1, clean: { rules: [fragile] } }));
    expect(items.map((i) => i.kind)).toEqual(['result', 'result', 'result', 'failure', 'result']);
    expect(items[3]).toMatchObject({ kind: 'failure', article: { id: 'a3' }, reason: 'rule broke' });
  });

  it('throws a TypeError for a bad worker count', async () => {
    await expect(collect(runAnalysis(articles, { workers: 0 }))).rejects.toThrow(/^narrascope: workers/);
  });

  it('skips what an earlier run finished, cutting its last partial line', async () => {
    const dir = tempDir();
    const out = writeTemp(dir, 'out.jsonl', `${JSON.stringify({ id: 'a0' })}\n${JSON.stringify({ id: 'a1' })}\n{"id":"a2","te`);
    const point = await readResumePoint(out);
    expect(point.done).toEqual(['a0', 'a1']);
    expect(point.droppedBytes).toBe(14);
    const items = await collect(runAnalysis(articles.slice(0, 4), { workers: 1, skip: resumeSkipper(point) }));
    expect(items.map((i) => i.kind)).toEqual(['skipped', 'skipped', 'result', 'result']);
  });
});
