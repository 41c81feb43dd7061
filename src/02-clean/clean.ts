import type { Article, DroppedRegion } from '../types/index.js';
import { contentWords, linesOf, type Line } from './lines.js';
import { authorBoxRule } from './rules/author-box.js';
import { boilerplateRule } from './rules/boilerplate.js';
import { bylineRule } from './rules/byline.js';
import { captionRule } from './rules/caption.js';
import { datelineRule } from './rules/dateline.js';
import { embedRule } from './rules/embed.js';
import { linkRule } from './rules/link.js';
import { linkCardRule } from './rules/link-card.js';
import type { CleanRule, LineContext } from './rules/rule.js';
import { teaserRule } from './rules/teaser.js';

/** The line rules applied by default, in order; the first verdict wins. */
export const DEFAULT_CLEAN_RULES: readonly CleanRule[] = [teaserRule, bylineRule, embedRule, captionRule, authorBoxRule, linkRule, linkCardRule, boilerplateRule, datelineRule];

/** Options of {@link clean}. */
export interface CleanOptions {
  /**
   * Line rules to apply.
   * @default DEFAULT_CLEAN_RULES
   */
  readonly rules?: readonly CleanRule[];
  /**
   * Drop a paragraph that repeats an earlier one of at least this many characters (0 disables).
   * @default 40
   */
  readonly minRepeatedLength?: number;
}

/**
 * Mark what is not the article: teaser lines of other stories, bylines, "Read more"/share/
 * subscribe lines, bare timestamps, embedded posts, photo captions and credits, author boxes,
 * link lines and repeated paragraphs. The text is not changed: the regions
 * are returned in `dropped`, each with a reason and a detail, and later stages skip them.
 *
 * @example
 * const cleaned = clean(article);
 * cleaned.dropped.map((d) => d.reason); // ['teaser', 'teaser', ...]
 */
export function clean(article: Article, options: CleanOptions = {}): Article {
  const rules = options.rules ?? DEFAULT_CLEAN_RULES;
  const lines = linesOf(article.text);
  // The article's word counts are read only for lines ending in an ellipsis (the teaser rule), so
  // they are counted on first use: most articles never need them (they cost ~1.5% of analysis).
  let vocabulary: Map<string, number> | undefined;
  const context: LineContext = {
    lines,
    get vocabulary(): ReadonlyMap<string, number> {
      if (!vocabulary) {
        vocabulary = new Map();
        for (const line of lines) for (const word of contentWords(line.text)) vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
      }
      return vocabulary;
    },
  };

  const dropped: DroppedRegion[] = [...article.dropped];
  const seen = new Set<string>();
  const minRepeated = options.minRepeatedLength ?? 40;
  for (const line of lines) {
    const verdict = judge(line, context, rules);
    if (verdict) {
      const { within, parts, ...why } = verdict;
      if (parts) {
        for (const part of parts) dropped.push({ start: line.start + part.start, end: line.start + part.end, text: line.text.slice(part.start, part.end), ...why });
        continue;
      }
      if (!within) {
        dropped.push({ start: line.start, end: line.end, text: line.text, ...why });
        continue;
      }
      // Part of a line: the rest of it stays article text (and is not checked for repeats).
      dropped.push({ start: line.start + within.start, end: line.start + within.end, text: line.text.slice(within.start, within.end), ...why });
      continue;
    }
    if (minRepeated > 0 && line.text.length >= minRepeated) {
      // "Peskov said..." pasted twice by a CMS: keep the first, drop later copies.
      const key = line.text.toLowerCase().replace(/\s+/g, ' ');
      if (seen.has(key)) {
        dropped.push({ start: line.start, end: line.end, text: line.text, reason: 'repeated-paragraph', detail: 'same paragraph appeared earlier in the article' });
      }
      seen.add(key);
    }
  }
  dropped.sort((a, b) => a.start - b.start);
  return { ...article, dropped };
}

function judge(line: Line, context: LineContext, rules: readonly CleanRule[]) {
  for (const rule of rules) {
    const verdict = rule.judge(line, context);
    if (verdict) return verdict;
  }
  return null;
}
