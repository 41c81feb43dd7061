import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, type IngestEvent } from '../src/01-ingest/index.js';
import type { Article, Diagnostic } from '../src/types/index.js';
import { HAS_POLNEAR, POLNEAR_DEV, SEED } from './support/paths.js';
import { tempDir, writeTemp } from './support/temp.js';

async function collect(inputs: string[], options = {}): Promise<{ articles: Article[]; diagnostics: Diagnostic[] }> {
  const events: IngestEvent[] = [];
  for await (const event of ingest(inputs, options)) events.push(event);
  return {
    articles: events.flatMap((e) => (e.kind === 'article' ? [e.article] : [])),
    diagnostics: events.flatMap((e) => (e.kind === 'diagnostic' ? [e.diagnostic] : [])),
  };
}

const dir = tempDir();

describe('ingest: plain text', () => {
  it('reads the seed article whole, id from the file name', async () => {
    const { articles, diagnostics } = await collect([SEED]);
    expect(diagnostics).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]?.id).toBe('crocus-city-hall-attack');
    expect(articles[0]?.text.startsWith('Iran had tipped Russia off')).toBe(true);
    expect(articles[0]?.dropped).toEqual([]);
  });

  it('takes metadata from front matter and keeps the text after it byte for byte', async () => {
    const file = writeTemp(dir, 'fm.txt', '---\ntitle: A title\noutlet: Example Post\ndate: 2024-03-23\n---\nBody line one.\nBody two.\n');
    const { articles } = await collect([file]);
    expect(articles[0]).toMatchObject({ id: 'fm', title: 'A title', outlet: 'Example Post', date: '2024-03-23', text: 'Body line one.\nBody two.\n' });
  });

  it('reads a folder as a corpus, in name order, skipping its README silently and other files with a warning', async () => {
    const corpus = tempDir();
    writeTemp(corpus, 'b.txt', 'Second article.');
    writeTemp(corpus, 'a.txt', 'First article.');
    writeTemp(corpus, 'notes.csv', 'x,y');
    writeTemp(corpus, 'README.md', '# documents the corpus, not an article');
    writeTemp(corpus, 'c.md', 'A third article, in Markdown.');
    const { articles, diagnostics } = await collect([corpus]);
    expect(articles.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'input/skipped' })]);
  });
});

describe('ingest: JSONL', () => {
  it('maps fields by name and numbers lines from 1', async () => {
    const file = writeTemp(dir, 'mapped.jsonl', [
      JSON.stringify({ article: 'x1', body: 'Text one.', publisher: 'nyt', headline: 'H1', published: '2016-11-01' }),
      '',
      JSON.stringify({ article: 'x2', body: 'Text two.', publisher: 'wash-post' }),
    ].join('\n'));
    const { articles, diagnostics } = await collect([file], {
      fields: { id: 'article', text: 'body', outlet: 'publisher', title: 'headline', date: 'published' },
    });
    expect(diagnostics).toEqual([]);
    expect(articles.map((a) => [a.id, a.outlet, a.title, a.date, a.text])).toEqual([
      ['x1', 'nyt', 'H1', '2016-11-01', 'Text one.'],
      ['x2', 'wash-post', null, null, 'Text two.'],
    ]);
    expect(articles[1]?.origin).toEqual({ file, line: 3 });
  });

  it('reports each bad line with file, line and field, and still reads the good ones', async () => {
    const file = writeTemp(dir, 'bad.jsonl', [
      JSON.stringify({ id: 'ok1', text: 'Fine.' }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify({ id: 'empty', text: '   ' }),
      JSON.stringify({ id: 'number', text: 42 }),
      '[1, 2]',
      JSON.stringify({ id: 'huge', text: 'x'.repeat(500) }),
      JSON.stringify({ id: 'ok2', text: 'Also fine.' }),
    ].join('\n'));
    const { articles, diagnostics } = await collect([file], { maxTextLength: 100 });
    expect(articles.map((a) => a.id)).toEqual(['ok1', 'ok2']);
    expect(diagnostics.map((d) => [d.line, d.code, d.field, d.file])).toEqual([
      [2, 'jsonl/invalid-json', undefined, file],
      [3, 'record/missing-text', 'text', file],
      [4, 'record/empty-text', 'text', file],
      [5, 'record/bad-text', 'text', file],
      [6, 'record/not-object', undefined, file],
      [7, 'record/huge-text', 'text', file],
    ]);
    expect(diagnostics[1]?.message).toContain('--text-field');
  });

  it('reports a line of invalid UTF-8 instead of silently replacing bytes', async () => {
    const good = (id: string): Buffer => Buffer.from(`${JSON.stringify({ id, text: 'Café.' })}\n`);
    const bad = Buffer.concat([Buffer.from('{"id":"b","text":"caf'), Buffer.from([0xe9, 0x22, 0x7d, 0x0a])]);
    const file = writeTemp(dir, 'latin1.jsonl', Buffer.concat([good('a'), bad, good('c')]));
    const { articles, diagnostics } = await collect([file]);
    expect(articles.map((a) => a.text)).toEqual(['Café.', 'Café.']);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'jsonl/not-utf8', line: 2, file })]);
  });

  it.skipIf(!HAS_POLNEAR)('streams the PolNeAR dev split with --id-field article --outlet-field publisher', async () => {
    const { articles, diagnostics } = await collect([POLNEAR_DEV], { fields: { id: 'article', outlet: 'publisher' } });
    // The split holds some articles more than once (one line per annotation): their ids repeat.
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(['record/duplicate-id']));
    expect(diagnostics).toHaveLength(10);
    expect(new Set(articles.map((a) => a.id)).size).toBe(94);
    expect(articles).toHaveLength(94);
    expect(new Set(articles.map((a) => a.outlet))).toContain('breitbart');
  });
});

describe('ingest: ids', () => {
  it('keeps the first of a repeated id, renames the next ID#2, ID#3 and names both lines', async () => {
    const file = writeTemp(dir, 'dup.jsonl', [
      JSON.stringify({ id: 'a', text: 'First.' }),
      JSON.stringify({ id: 'b', text: 'Other.' }),
      JSON.stringify({ id: 'a', text: 'Second.' }),
      JSON.stringify({ id: 'a', text: 'Third.' }),
    ].join('\n'));
    const { articles, diagnostics } = await collect([file]);
    expect(articles.map((a) => [a.id, a.text])).toEqual([['a', 'First.'], ['b', 'Other.'], ['a#2', 'Second.'], ['a#3', 'Third.']]);
    expect(diagnostics.map((d) => [d.severity, d.code, d.line, d.id])).toEqual([
      ['warning', 'record/duplicate-id', 3, 'a#2'],
      ['warning', 'record/duplicate-id', 4, 'a#3'],
    ]);
    expect(diagnostics[0]?.message).toBe(`id "a" was already used by ${file}:1; this article is "a#2"`);
  });

  it('catches a repeated id across files (two folders holding the same file name)', async () => {
    const one = tempDir();
    const two = tempDir();
    writeTemp(one, 'story.txt', 'One.');
    writeTemp(two, 'story.txt', 'Two.');
    const { articles, diagnostics } = await collect([one, two]);
    expect(articles.map((a) => a.id)).toEqual(['story', 'story#2']);
    expect(diagnostics[0]?.message).toContain(join(one, 'story.txt'));
  });

  it('takes a number id as its string, derives a missing one with a warning, refuses other types naming the field', async () => {
    const file = writeTemp(dir, 'ids.jsonl', [
      JSON.stringify({ id: 7, text: 'Seven.' }),
      JSON.stringify({ text: 'No id.' }),
      JSON.stringify({ id: '', text: 'Empty id.' }),
      JSON.stringify({ id: true, text: 'Boolean id.' }),
      JSON.stringify({ id: ['x'], text: 'Array id.' }),
      JSON.stringify({ id: 'e', text: '' }),
    ].join('\n'));
    const { articles, diagnostics } = await collect([file]);
    expect(articles.map((a) => a.id)).toEqual(['7', 'ids:2', 'ids:3']);
    expect(diagnostics.map((d) => [d.line, d.severity, d.code, d.field, d.id])).toEqual([
      [2, 'warning', 'record/missing-id', 'id', undefined],
      [3, 'warning', 'record/missing-id', 'id', undefined],
      [4, 'error', 'record/bad-id', 'id', undefined],
      [5, 'error', 'record/bad-id', 'id', undefined],
      [6, 'error', 'record/empty-text', 'text', 'e'],
    ]);
    expect(diagnostics[0]?.message).toContain('"ids:2"');
    expect(diagnostics[2]?.message).toBe('field "id" must be a string or a number, got a boolean');
    expect(diagnostics[3]?.message).toBe('field "id" must be a string or a number, got an array');
  });

  it('names JSON types as JSON does: null, an array, a number', async () => {
    const file = writeTemp(dir, 'types.jsonl', ['null', '[1]', '5', JSON.stringify({ id: 'n', text: null }), JSON.stringify({ id: 'o', text: { a: 1 } })].join('\n'));
    const { diagnostics } = await collect([file]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'expected a JSON object, got null',
      'expected a JSON object, got an array',
      'expected a JSON object, got a number',
      'missing text field "text" (set another with --text-field)',
      'field "text" must be a string, got an object',
    ]);
  });
});

describe('ingest: HTML', () => {
  it('extracts title and body with reader view, without navigation or footer', async () => {
    const paragraph = (n: number) => `<p>Paragraph ${n} of the story says the minister spoke to reporters about the budget, the deficit and the plans of the government for the coming year.</p>`;
    const html = `<!doctype html><html><head><title>Budget row | Example News</title>
      <meta property="og:site_name" content="Example News"><link rel="canonical" href="https://example.com/budget"></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Budget row deepens</h1>${[1, 2, 3, 4, 5].map(paragraph).join('')}</article>
      <footer>© 2024 Example News. All rights reserved.</footer></body></html>`;
    const file = writeTemp(dir, 'page.html', html);
    const { articles, diagnostics } = await collect([file]);
    expect(diagnostics).toEqual([]);
    const article = articles[0];
    expect(article?.outlet).toBe('Example News');
    expect(article?.url).toBe('https://example.com/budget');
    expect(article?.title).toContain('Budget row');
    expect(article?.text).toContain('Paragraph 1 of the story');
    expect(article?.text).toContain('Paragraph 5 of the story');
    expect(article?.text).not.toContain('Home');
    expect(article?.text).not.toContain('All rights reserved');
    expect(article?.text.split('\n\n').length).toBeGreaterThanOrEqual(5);
  });

  it('reports a page whose reader view holds only a menu ("Home About"), not an article', async () => {
    const file = writeTemp(dir, 'menu.html', '<html><head><title>Site</title></head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav></body></html>');
    const { articles, diagnostics } = await collect([file]);
    expect(articles).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'html/no-article', file, message: expect.stringContaining('"Home About"') })]);
  });

  it('reads a short page that is one real sentence', async () => {
    const file = writeTemp(dir, 'brief.html', '<html><body><article><p>The minister resigned on Monday after the vote.</p></article></body></html>');
    const { articles } = await collect([file]);
    expect(articles.map((a) => a.text)).toEqual(['The minister resigned on Monday after the vote.']);
  });

  it('reports a page with no article body', async () => {
    const file = writeTemp(dir, 'empty.html', '<html><body></body></html>');
    const { articles, diagnostics } = await collect([file]);
    expect(articles).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'html/no-article', file })]);
  });
});

describe('ingest: unreadable input', () => {
  it.each([
    ['a missing file', '/definitely/not/here.jsonl', 'input/unreadable'],
    ['an unknown format', writeTemp(dir, 'data.csv', 'a,b'), 'input/unknown-format'],
    ['a text file that is not UTF-8', writeTemp(dir, 'latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9])), 'text/not-utf8'],
  ])('reports %s and goes on to the next input', async (_label, path, code) => {
    const { articles, diagnostics } = await collect([path, SEED]);
    expect(diagnostics).toEqual([expect.objectContaining({ code, file: path })]);
    expect(articles).toHaveLength(1);
  });
});
