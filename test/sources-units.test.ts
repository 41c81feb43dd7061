import { describe, expect, it } from 'vitest';
import { charsetOf, decode } from '../src/sources/charset.js';
import { parseFeedText } from '../src/sources/feed.js';
import { HostLimiter, HostPolicy } from '../src/sources/hosts.js';
import { userAgent } from '../src/sources/options.js';

const BASE = 'https://news.example/feeds/world.xml';

describe('feeds: every format to page URLs, titles and dates', () => {
  it.each([
    ['RSS 2.0, guid permalink when there is no link', `<rss version="2.0"><channel><title>T</title><link>https://news.example/</link><description>d</description>
      <item><title>One</title><guid>https://news.example/one</guid><pubDate>Mon, 02 Mar 2026 10:00:00 +0100</pubDate></item>
      <item><title>Not a permalink</title><guid isPermaLink="false">https://news.example/x</guid></item></channel></rss>`,
    'rss', [{ url: 'https://news.example/one', title: 'One', date: '2026-03-02T09:00:00.000Z' }]],
    ['RSS 1.0 (RDF) with dc:date', `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://news.example/"><title>R</title><link>https://news.example/</link><description>d</description></channel>
      <item rdf:about="https://news.example/r1"><title>R1</title><link>https://news.example/r1</link><dc:date>2026-03-01T08:00:00Z</dc:date></item></rdf:RDF>`,
    'rdf', [{ url: 'https://news.example/r1', title: 'R1', date: '2026-03-01T08:00:00.000Z' }]],
    ['Atom: the alternate link, relative to the feed, fragment dropped, each URL once', `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>a</id><updated>2026-03-02T00:00:00Z</updated>
      <entry><title type="html">A &amp;amp; B</title><id>1</id><updated>2026-03-02T00:00:00Z</updated><link rel="enclosure" href="/a.mp3"/><link rel="alternate" href="../a1#top"/></entry>
      <entry><title>Again</title><id>2</id><updated>2026-03-02T00:00:00Z</updated><link href="https://news.example/a1"/></entry></feed>`,
    'atom', [{ url: 'https://news.example/a1', title: 'A & B', date: '2026-03-02T00:00:00.000Z' }]],
    ['JSON Feed: url, else external_url; a date that does not parse is kept as written', JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [
      { id: '1', external_url: 'https://other.example/j1', title: 'J1', date_published: 'yesterday' }, { id: '2', content_text: 'no link' }] }),
    'json', [{ url: 'https://other.example/j1', title: 'J1', date: 'yesterday' }]],
  ])('%s', (_name, text, format, entries) => {
    const feed = parseFeedText(text, BASE);
    expect(feed.format).toBe(format);
    expect(feed.entries).toEqual(entries);
  });

  it('text that is no feed, and broken XML, say so', () => {
    expect(() => parseFeedText('<html><body>Down for maintenance</body></html>', BASE)).toThrow('not an RSS, Atom or JSON feed');
    expect(() => parseFeedText('just text', BASE)).toThrow('not an RSS, Atom or JSON feed');
  });
});

describe('charsets', () => {
  const latin1 = Uint8Array.from([0x63, 0x61, 0x66, 0xe9]); // "café" in ISO-8859-1
  it.each([
    ['the header wins', 'text/html; charset="ISO-8859-1"', latin1, 'html', 'café'],
    ['windows-1252 quotes and dashes (Node 20 decodes them as C1 controls)', 'text/html; charset=windows-1252', Uint8Array.from([0x93, 0x61, 0x94, 0x96, 0x80]), 'html', '“a”–€'],
    ['meta charset', 'text/html', Uint8Array.from([...Buffer.from('<meta charset="iso-8859-1"><p>'), ...latin1]), 'html', '<meta charset="iso-8859-1"><p>café'],
    ['meta http-equiv', null, Uint8Array.from([...Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'), 0x92]), 'html', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">’'],
    ['the XML declaration', 'application/rss+xml', Uint8Array.from([...Buffer.from("<?xml version='1.0' encoding='ISO-8859-1'?><r>"), ...latin1]), 'xml', "<?xml version='1.0' encoding='ISO-8859-1'?><r>café"],
    ['a UTF-8 byte-order mark', null, Uint8Array.from([0xef, 0xbb, 0xbf, 0x63, 0xc3, 0xa9]), 'html', 'cé'],
  ] as const)('%s', (_name, type, bytes, kind, text) => {
    expect(decode(bytes, type, kind)).toMatchObject({ text });
  });

  it('bytes that are not valid in the declared charset, and unknown charsets, are errors', () => {
    expect(decode(latin1, 'text/html; charset=utf-8', 'html')).toEqual({ error: expect.stringContaining('not valid utf-8 (the charset the Content-Type header declares)') });
    expect(decode(latin1, null, 'html')).toEqual({ error: expect.stringContaining('not valid utf-8') });
    expect(decode(latin1, 'text/html; charset=klingon', 'html')).toEqual({ error: 'unknown charset "klingon"' });
    expect(charsetOf('text/html;charset=UTF-8')).toBe('utf-8');
    expect(charsetOf('text/html')).toBeNull();
  });
});

describe('hosts', () => {
  it('admits listed hosts, and configured ones with their subdomains', () => {
    const policy = new HostPolicy(['courier.example']);
    policy.list(new URL('https://feeds.gazette.example/rss.xml'));
    expect(policy.admits(new URL('https://feeds.gazette.example/a'))).toBe(true);
    expect(policy.admits(new URL('https://www.gazette.example/a'))).toBe(false);
    expect(policy.admits(new URL('https://www.courier.example/a'))).toBe(true);
    expect(policy.admits(new URL('https://courier.example/a'))).toBe(true);
    expect(policy.admits(new URL('https://evilcourier.example/a'))).toBe(false);
  });

  it('spaces the requests to one host by the interval (or the Crawl-delay), not those to another', async () => {
    const limiter = new HostLimiter({ concurrency: 4, intervalMs: 60 });
    const starts: { a: number[]; b: number[] } = { a: [], b: [] };
    const t0 = Date.now();
    const task = (host: 'a' | 'b') => limiter.run(host, host === 'b' ? 150 : 0, async () => { starts[host].push(Date.now() - t0); });
    await Promise.all([task('a'), task('a'), task('a'), task('b'), task('b')]);
    const gaps = (xs: number[]) => xs.slice(1).map((x, i) => x - (xs[i] as number));
    for (const gap of gaps(starts.a)) expect(gap).toBeGreaterThanOrEqual(50);
    for (const gap of gaps(starts.b)) expect(gap).toBeGreaterThanOrEqual(140);
    expect(starts.b[0]).toBeLessThan(50);
  });

  it('the User-Agent names narrascope, its version and whom to contact', () => {
    expect(userAgent('https://newsroom.example/bots')).toMatch(/^narrascope\/\d+\.\d+\.\d+ \(\+https:\/\/newsroom\.example\/bots\)$/);
  });
});
