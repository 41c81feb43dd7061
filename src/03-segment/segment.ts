import { winkAnalyze } from '../adapters/wink.js';
import type { Article, Segmented, Sentence, Token } from '../types/index.js';
import { keptRegions } from './kept-regions.js';
import { isHardWrapped } from './line-breaks.js';

/** Options of {@link segment}. */
export interface SegmentOptions {
  /**
   * Treat every line break as a paragraph (and so sentence) boundary.
   * @default 'auto' — yes unless the text looks hard-wrapped at a fixed width.
   */
  readonly lineBreaks?: 'paragraph' | 'space' | 'auto';
}

/**
 * Split an article into sentences and tokens (with POS and lemma) using wink-nlp.
 *
 * Only the regions the clean stage kept are read. Every offset indexes the original
 * `article.text`. Sentences never cross a paragraph break or a dropped region.
 *
 * @example
 * const { sentences } = segment(article);
 * sentences[0].text === article.text.slice(sentences[0].start, sentences[0].end); // true
 */
export function segment(article: Article, options: SegmentOptions = {}): Segmented {
  const mode = options.lineBreaks ?? 'auto';
  const lineIsParagraph = mode === 'paragraph' || (mode === 'auto' && !isHardWrapped(article.text));
  const text = article.text;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let paragraph = -1;

  for (const region of keptRegions(article)) {
    const analysis = winkAnalyze(text.slice(region.start, region.end));
    // Where each wink sentence starts, so we can open a new sentence there.
    const sentenceStarts = new Set(analysis.sentenceRanges.map(([first]) => first));
    let cursor = region.start;
    let open: { firstToken: number; paragraph: number } | undefined;
    // A kept region starts right after a dropped one or at the text start: a line start if so.
    const previousLineBreak = region.start === 0 || text[region.start - 1] === '\n';
    // A region that goes on with a line after a dropped part of it ("... two. (RELATED: ...) Two
    // members ...") stays in that line's paragraph; after a line break it starts a new one.
    const afterBreak = paragraph < 0 || text.slice(tokens[tokens.length - 1]?.end ?? 0, region.start).includes('\n');

    const close = (): void => {
      if (!open) return;
      const first = tokens[open.firstToken];
      const last = tokens[tokens.length - 1];
      if (first && last && tokens.length > open.firstToken) {
        sentences.push({
          index: sentences.length,
          start: first.start,
          end: last.end,
          text: text.slice(first.start, last.end),
          firstToken: open.firstToken,
          endToken: tokens.length,
          paragraph: open.paragraph,
        });
      }
      open = undefined;
    };

    let first = true;
    analysis.tokens.forEach((row, i) => {
      // wink emits line breaks and tabs as tokens; they belong to the gap, not to any sentence.
      if (row.value.trim() === '') {
        if (sentenceStarts.has(i)) sentenceStarts.add(i + 1);
        return;
      }
      let start = cursor + row.precedingSpaces.length;
      // wink is lossless, but guard against any normalisation so offsets stay exact.
      if (text.slice(start, start + row.value.length) !== row.value) {
        const found = text.indexOf(row.value, cursor);
        if (found < 0 || found >= region.end) return; // unrecoverable token: skip, keep offsets honest
        start = found;
      }
      const end = start + row.value.length;
      const gap = text.slice(cursor, start);
      const newlines = (gap.match(/\n/g) ?? []).length;
      const blankLine = newlines >= 2 || /\n[ \t]*\r?\n/.test(gap);
      const newParagraph = (first && afterBreak) || blankLine || (lineIsParagraph && newlines >= 1);
      const lineStart = first ? previousLineBreak : newlines >= 1;
      first = false;
      if (newParagraph) paragraph++;
      if (newParagraph || sentenceStarts.has(i) || !open) {
        close();
        open = { firstToken: tokens.length, paragraph };
      }
      tokens.push({
        index: tokens.length,
        sentence: sentences.length,
        start,
        end,
        text: row.value,
        pos: row.pos,
        lemma: row.lemma.toLowerCase(),
        lower: row.value.toLowerCase(),
        lineStart,
      });
      cursor = end;
    });
    close();
  }
  return { article, sentences, tokens };
}
