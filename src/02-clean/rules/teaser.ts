import { contentWords, type Line } from '../lines.js';
import type { CleanRule, LineContext } from './rule.js';

// "Palestinian group Hamas says Israel is openly using starvation as a weapon of war with…"
// A headline of another story cut off mid-phrase: the line ends in an ellipsis.
const TRUNCATED = /(?:…|\.\.\.)\s*$/u;

/** Share of a line's content words that occur elsewhere in the article (0 = unrelated topic). */
function overlapWithRest(line: Line, context: LineContext): number {
  const words = contentWords(line.text);
  if (words.length === 0) return 0;
  const own = new Map<string, number>();
  for (const w of words) own.set(w, (own.get(w) ?? 0) + 1);
  let shared = 0;
  for (const [word, count] of own) {
    if ((context.vocabulary.get(word) ?? 0) > count) shared += count;
  }
  return shared / words.length;
}

/** Is this line part of a run of at least two truncated lines (a "more stories" rail)? */
function inTruncatedRun(line: Line, context: LineContext): boolean {
  const truncated = (l: Line | undefined): boolean => l !== undefined && TRUNCATED.test(l.text) && l.text.length < 300;
  return truncated(context.lines[line.index - 1]) || truncated(context.lines[line.index + 1]);
}

/**
 * Teasers: truncated headlines of other stories. A line ending in an ellipsis is a teaser when it
 * sits in a run of such lines, or when its words barely occur in the rest of the article. A
 * truncated line on the article's own topic ("Peskov said the investigation continues…") stays.
 */
export const teaserRule: CleanRule = {
  name: 'teaser',
  judge(line, context) {
    if (!TRUNCATED.test(line.text) || line.text.length > 300) return null;
    if (inTruncatedRun(line, context)) {
      return { reason: 'teaser', detail: 'truncated line (ends in an ellipsis) in a run of truncated lines: links to other stories' };
    }
    const overlap = overlapWithRest(line, context);
    if (overlap < 0.34) {
      return { reason: 'teaser', detail: `truncated line whose words barely occur in the article (overlap ${overlap.toFixed(2)})` };
    }
    return null;
  },
};
