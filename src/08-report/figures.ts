/**
 * Conflicting figures: the same quantity reported with different numbers by different outlets
 * ("killed more than 140 people" vs "killed at least 133 people").
 */
import { stem } from '../adapters/natural.js';
import type { AnalyzedArticle } from '../types/index.js';

/** One reported figure. */
export interface FigureMention {
  readonly articleId: string;
  readonly outlet: string;
  readonly value: number;
  /** The figure as written, with its qualifier and unit ("more than 140 people"). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A quantity the outlets of one event give different values for. */
export interface ConflictingFigure {
  readonly event: string;
  /** What is counted: the predicate before the number and the noun after it ("kill … peopl"). */
  readonly quantity: string;
  readonly mentions: readonly FigureMention[];
}

// "more than 140 people", "at least 1,200 troops", "3.5 million dollars"
const FIGURE = /\b(?:(?:more than|over|at least|about|around|nearly|almost|some|up to|fewer than|less than|roughly)\s+)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(million|billion|thousand))?\s+([\p{L}-]+)/giu;
const SCALE: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const SKIP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'and', 'that', 'was', 'were', 'has', 'had', 'have', 'more', 'than', 'over', 'about', 'some', 'at', 'least', 'by']);
const TIME_NOUNS = /^(years?|months?|weeks?|days?|hours?|minutes?|seconds?|percent|per|times|am|pm|a\.m|p\.m)$/i;

/** Every figure of an article with the key of what it counts; years and durations are left out. */
function figuresOf(article: AnalyzedArticle): { key: string; mention: FigureMention }[] {
  const out: { key: string; mention: FigureMention }[] = [];
  for (const sentence of article.sentences) {
    for (const m of sentence.text.matchAll(FIGURE)) {
      const [whole, digits = '', scale, noun = ''] = m;
      const value = Number(digits.replace(/,/g, '')) * (scale ? SCALE[scale.toLowerCase()] ?? 1 : 1);
      if (!Number.isFinite(value) || (value >= 1900 && value <= 2100 && !digits.includes(',')) || TIME_NOUNS.test(noun)) continue;
      const start = sentence.start + (m.index ?? 0);
      // The predicate: the nearest word before the figure that is not a function word ("killed").
      const before = sentence.text.slice(0, m.index ?? 0).toLowerCase().match(/[\p{L}]+/gu) ?? [];
      const predicate = [...before].reverse().slice(0, 4).find((w) => !SKIP.has(w)) ?? '';
      out.push({
        key: `${stem(predicate)} … ${stem(noun.toLowerCase())}`,
        mention: { articleId: article.id, outlet: article.outlet ?? article.id, value, start, end: start + whole.length, text: whole },
      });
    }
  }
  return out;
}

/**
 * The quantities of one event that two outlets or more report with different values. Linear in
 * the event's figures.
 */
export function conflictingFigures(articles: readonly AnalyzedArticle[], event: string): ConflictingFigure[] {
  const byKey = new Map<string, FigureMention[]>();
  for (const article of articles) {
    if (article.duplicateOf) continue;
    for (const { key, mention } of figuresOf(article)) byKey.set(key, [...(byKey.get(key) ?? []), mention]);
  }
  return [...byKey].flatMap(([quantity, mentions]) => {
    const outlets = new Set(mentions.map((m) => m.outlet));
    const values = new Set(mentions.map((m) => m.value));
    return outlets.size >= 2 && values.size >= 2 ? [{ event, quantity, mentions }] : [];
  });
}
