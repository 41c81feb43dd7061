import { winkColumns } from '../adapters/wink.js';
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
    const wink = winkColumns(text.slice(region.start, region.end));
    const { values, spaces } = wink;
    let cursor = region.start;
    let open = -1; // first token of the open sentence, or -1
    let openParagraph = 0;
    // A kept region starts right after a dropped one or at the text start: a line start if so.
    const previousLineBreak = region.start === 0 || text.charCodeAt(region.start - 1) === NEWLINE;
    // A region that goes on with a line after a dropped part of it ("... two. (RELATED: ...) Two
    // members ...") stays in that line's paragraph; after a line break it starts a new one.
    const afterBreak = paragraph < 0 || text.slice(tokens[tokens.length - 1]?.end ?? 0, region.start).includes('\n');

    const close = (): void => {
      if (open < 0) return;
      const first = tokens[open];
      const last = tokens[tokens.length - 1];
      if (first && last && tokens.length > open) {
        sentences.push({
          index: sentences.length,
          start: first.start,
          end: last.end,
          text: text.slice(first.start, last.end),
          firstToken: open,
          endToken: tokens.length,
          paragraph: openParagraph,
        });
      }
      open = -1;
    };

    let first = true;
    // wink marks where its sentences start; a whitespace token passes the mark on to the next.
    let sentenceStarts = false;
    // One pass over wink's columns: offsets, paragraph and sentence breaks from the characters of
    // each gap, no regex and no per-token object beyond the Token itself.
    for (let i = 0; i < wink.length; i++) {
      const value = values[i] ?? '';
      sentenceStarts ||= wink.sentenceStart[i] === 1;
      // wink emits line breaks and tabs as tokens; they belong to the gap, not to any sentence.
      if (isBlank(value)) continue;
      let start = cursor + (spaces[i] ?? '').length;
      // wink is lossless, but guard against any normalisation so offsets stay exact.
      if (!text.startsWith(value, start)) {
        const found = text.indexOf(value, cursor);
        if (found < 0 || found >= region.end) { sentenceStarts = false; continue; } // unrecoverable token: skip, keep offsets honest
        start = found;
      }
      const end = start + value.length;
      let newlines = 0;
      for (let c = cursor; c < start; c++) if (text.charCodeAt(c) === NEWLINE) newlines++;
      // Two line breaks (with only spaces between, since the gap holds no token) are a blank line.
      const newParagraph = (first && afterBreak) || newlines >= 2 || (lineIsParagraph && newlines >= 1);
      const lineStart = first ? previousLineBreak : newlines >= 1;
      first = false;
      if (newParagraph) paragraph++;
      // "... in the city.'' Then": wink starts a sentence between the two apostrophes of a
      // typewriter closing quote (The New York Times types quotes as '' in PolNeAR); the second
      // one still closes the quote, so the start passes on to the next token.
      const insideQuoteMark: boolean = sentenceStarts && !newParagraph && open >= 0 && start === cursor && value === "'" && tokens[tokens.length - 1]?.text === "'";
      // "Sen. Jim DeMint, R-S.C., would not": wink splits an initialism into "S", ".", "C." and
      // starts a sentence at "C."; a letter glued to "X." is the same word, never a new sentence.
      const insideInitialism: boolean = sentenceStarts && !newParagraph && open >= 0 && start === cursor && isInitialismTail(tokens, value);
      if ((newParagraph || sentenceStarts || open < 0) && !insideQuoteMark && !insideInitialism) {
        close();
        open = tokens.length;
        openParagraph = paragraph;
      }
      sentenceStarts = insideQuoteMark;
      tokens.push({
        index: tokens.length,
        sentence: sentences.length,
        start,
        end,
        text: value,
        pos: wink.pos[i] ?? 'X',
        lemma: (wink.lemmas[i] ?? value).toLowerCase(),
        lower: value.toLowerCase(),
        lineStart,
      });
      cursor = end;
    }
    close();
  }
  return { article, sentences, tokens };
}

const NEWLINE = 10;

/** "C." right after a glued "S" "." ("S.C.", "N.J."): the last letter of an initialism. */
function isInitialismTail(tokens: readonly Token[], value: string): boolean {
  const dot = tokens[tokens.length - 1];
  const letter = tokens[tokens.length - 2];
  return /^[A-Z]\.?$/.test(value) && dot?.text === '.' && letter !== undefined && /^[A-Z]$/.test(letter.text) && letter.end === dot.start;
}

/** True when `value` is only whitespace (wink's newline and tab tokens). */
function isBlank(value: string): boolean {
  const c = value.charCodeAt(0);
  // Letters, digits and punctuation (everything above space in ASCII) end the test at once.
  if (c > 32 && c < 128) return false;
  return value.trim() === '';
}
