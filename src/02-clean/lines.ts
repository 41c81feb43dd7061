/** One line of the original text, without its line break. */
export interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Index among the non-blank lines of the text. */
  readonly index: number;
}

/** The non-blank lines of a text with their offsets (trailing spaces and "\r" excluded). */
export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length > 0) {
      const lineStart = start + leading;
      lines.push({ start: lineStart, end: lineStart + trimmed.length, text: trimmed, index: lines.length });
    }
    start = end + 1;
  }
  return lines;
}

const STOPWORDS = new Set(
  ('the a an and or but of in on at to for from by with about as into over after before than that this these those ' +
    'is are was were be been being has have had do does did will would can could may might must shall should not no ' +
    'it its he she they them his her their we our you your i me my who whom which what when where why how all any ' +
    'some more most other such only own same so too very just also says said say new one two').split(' '),
);

/** Lower-cased content words of a text (letters, 3+ characters, no stopwords). */
export function contentWords(text: string): string[] {
  const words = text.toLowerCase().match(/\p{L}[\p{L}'’-]{2,}/gu) ?? [];
  const out: string[] = [];
  // One pass, and the possessive cut by character tests (was a regex per word: this runs over
  // every line of every article).
  for (const word of words) {
    const n = word.length;
    const quote = word.charCodeAt(n - 2);
    const w = word.charCodeAt(n - 1) === 115 && (quote === 39 || quote === 0x2019) ? word.slice(0, n - 2) : word; // 's ’s
    if (!STOPWORDS.has(w)) out.push(w);
  }
  return out;
}
