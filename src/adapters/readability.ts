/**
 * The one place that talks to @mozilla/readability (Firefox's reader view) over a linkedom DOM.
 * It returns the article body as plain text with one paragraph per block element, separated by a
 * blank line, plus the metadata a page declares.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** What reader view found in a page. */
export interface ReaderView {
  readonly title: string | null;
  readonly text: string;
  readonly byline: string | null;
  readonly siteName: string | null;
  readonly publishedTime: string | null;
  readonly url: string | null;
}

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,td';

/** Extract the main article of an HTML page, or null when reader view finds none. */
export function readerView(html: string): ReaderView | null {
  const { document } = parseHTML(html);
  const meta = (selector: string): string | null =>
    document.querySelector(selector)?.getAttribute('content')?.trim() || null;
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || meta('meta[property="og:url"]');
  // Readability mutates the DOM it reads, so metadata is read first.
  const published = meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]');
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  if (!parsed?.content) return null;
  const { document: body } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
  const paragraphs: string[] = [];
  for (const element of body.querySelectorAll(BLOCKS)) {
    // Nested blocks (<li><p>) would repeat text: keep only the innermost.
    if (element.querySelector(BLOCKS)) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
  }
  const text = paragraphs.length > 0 ? paragraphs.join('\n\n') : (parsed.textContent ?? '').trim();
  return {
    title: parsed.title?.trim() || null,
    text,
    byline: parsed.byline?.trim() || null,
    siteName: parsed.siteName?.trim() || null,
    publishedTime: parsed.publishedTime?.trim() || published,
    url: canonical ?? null,
  };
}

/**
 * Whether a page looks like it holds an article: Readability's own pre-check (the one Firefox
 * uses to offer reader view), so a section front or a menu page is not read as "Home News Sport".
 */
export function looksLikeArticle(html: string): boolean {
  const { document } = parseHTML(html);
  return isProbablyReaderable(document as unknown as Parameters<typeof isProbablyReaderable>[0]);
}
