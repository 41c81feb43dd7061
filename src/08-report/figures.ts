/**
 * Conflicting figures: the same quantity of the same event reported with different numbers by
 * different outlets ("killed more than 140 people" vs "killed at least 133 people").
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
  /**
   * What is counted, in the words the articles use: the predicate before the number and the noun
   * after it ("killed … people"), and the place or earlier time when the figure is about another
   * incident than the event's ("killed … people (in Kerman, earlier)"). Mentions are grouped by the
   * stems of these words.
   */
  readonly quantity: string;
  readonly mentions: readonly FigureMention[];
}

// "more than 140 people", "at least 1,200 troops", "3.5 million dollars"
const FIGURE = /\b(?:(?:more than|over|at least|about|around|nearly|almost|some|up to|fewer than|less than|roughly)\s+)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(million|billion|thousand))?\s+([\p{L}-]+)/giu;
const SCALE: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const SKIP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'and', 'that', 'was', 'were', 'has', 'had', 'have', 'more', 'than', 'over', 'about', 'some', 'at', 'least', 'by']);
const TIME_NOUNS = /^(years?|months?|weeks?|days?|hours?|minutes?|seconds?|percent|per|times|am|pm|a\.m|p\.m)$/i;
// A place a figure is located at: "in Kerman", "near Moscow", "in the city of Kerman", "at the
// Bryansk border". "of" alone is left out: "members of ISIS-K" names no place.
const PLACE = /\b(?:in|near|at)\s+(?:the\s+(?:(?:city|town|province|region|village|district|state)\s+of\s+)?)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)|\b(?:city|town|province|region|village|district)\s+of\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)/gu;

// An earlier incident named before the figure: "the 2008 bombing in Karachi killed 150",
// "last year a fire killed 40", "earlier this year, a blast ... killed about 100".
const EARLIER = /\b(?:last (?:year|month|week)|earlier this (?:year|month)|(?:a |the )?previous (?:year|month|attack|record)|years? ago)\b/iu;
const YEAR = /\b(1[89]\d\d|20\d\d)\b/gu;

/** A figure with the words of what it counts and the place named before it in its sentence. */
interface Found {
  readonly key: string;
  readonly words: string;
  readonly place: string | null;
  /** An earlier time the sentence dates the figure to ("2008", "earlier"), or null. */
  readonly earlier: string | null;
  readonly mention: FigureMention;
}

/** The earlier time named before `offset` in a sentence, for an article of year `year` (null: unknown). */
function earlierBefore(text: string, offset: number, year: number | null): string | null {
  const before = text.slice(0, offset);
  if (EARLIER.test(before)) return 'earlier';
  if (year === null) return null;
  const years = [...before.matchAll(YEAR)].map((m) => Number(m[1])).filter((y) => y < year);
  return years.length > 0 ? String(years[years.length - 1]) : null;
}

/** The last place named before `offset` in a sentence ("… a blast in the city of Kerman that killed …" -> "Kerman"). */
function placeBefore(text: string, offset: number): string | null {
  let place: string | null = null;
  for (const m of text.slice(0, offset).matchAll(PLACE)) place = m[1] ?? m[2] ?? null;
  return place;
}

/** Every figure of an article with the key of what it counts; years and durations are left out. */
function figuresOf(article: AnalyzedArticle): Found[] {
  const out: Found[] = [];
  const year = article.date && /^\d{4}/u.test(article.date) ? Number(article.date.slice(0, 4)) : null;
  for (const sentence of article.sentences) {
    for (const m of sentence.text.matchAll(FIGURE)) {
      const [whole, digits = '', scale, noun = ''] = m;
      const value = Number(digits.replace(/,/g, '')) * (scale ? SCALE[scale.toLowerCase()] ?? 1 : 1);
      if (!Number.isFinite(value) || (value >= 1900 && value <= 2100 && !digits.includes(',')) || TIME_NOUNS.test(noun)) continue;
      const start = sentence.start + (m.index ?? 0);
      // The predicate: the nearest word before the figure that is not a function word ("killed").
      const before = sentence.text.slice(0, m.index ?? 0).toLowerCase().match(/[\p{L}]+/gu) ?? [];
      const predicate = [...before].reverse().slice(0, 4).find((w) => !SKIP.has(w)) ?? '';
      const counted = noun.toLowerCase();
      out.push({
        key: `${stem(predicate)} … ${stem(counted)}`,
        words: predicate ? `${predicate} … ${counted}` : counted,
        place: placeBefore(sentence.text, m.index ?? 0),
        earlier: earlierBefore(sentence.text, m.index ?? 0, year),
        mention: { articleId: article.id, outlet: article.outlet ?? article.id, value, start, end: start + whole.length, text: whole },
      });
    }
  }
  return out;
}

/** The most frequent of some strings, ties broken by code-unit order (stable whatever the input order). */
function mostFrequent(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0] ?? '';
}

/**
 * The event's own places: named by at least half of its outlets (and two at least). A figure
 * located at any other place is about another incident ("a blast in the city of Kerman that
 * killed about 100 people", in a story about the Moscow concert hall attack that two of five
 * outlets recall) and is compared only with figures at that same place.
 */
function eventPlaces(articles: readonly AnalyzedArticle[], candidates: ReadonlySet<string>): Set<string> {
  const own = new Set<string>();
  if (candidates.size === 0) return own;
  const outletCount = new Set(articles.map((a) => a.outlet ?? a.id)).size;
  const needed = Math.max(2, Math.ceil(outletCount / 2));
  // One pass over each text for all the places at once (longest first), not one per place.
  const names = [...candidates].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const any = new RegExp(`(?<![\\p{L}])(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`, 'gu');
  const outletsOf = new Map<string, Set<string>>();
  for (const article of articles) {
    for (const m of article.text.matchAll(any)) {
      const set = outletsOf.get(m[0]) ?? new Set<string>();
      set.add(article.outlet ?? article.id);
      outletsOf.set(m[0], set);
    }
  }
  for (const [place, outlets] of outletsOf) if (outlets.size >= needed) own.add(place);
  return own;
}

/**
 * The quantities of one event that two outlets or more report with different values. A quantity
 * is what is counted (predicate and noun stems) and, for a figure of another incident, that
 * incident's anchor: a place that is not one of the event's own (see `eventPlaces`), or an
 * earlier time named before the figure ("the 2008 bombing ... killed 150", "last year").
 * Figures of another incident are never paired with the event's. Linear in the event's figures
 * and text (one scan of each text for all the places named).
 */
export function conflictingFigures(articles: readonly AnalyzedArticle[], event: string): ConflictingFigure[] {
  const live = articles.filter((a) => !a.duplicateOf);
  const found = live.flatMap(figuresOf);
  const own = eventPlaces(live, new Set(found.flatMap((f) => (f.place ? [f.place] : []))));
  const byKey = new Map<string, { found: Found[]; anchor: string | null }>();
  for (const f of found) {
    const elsewhere = f.place !== null && !own.has(f.place) ? `in ${f.place}` : null;
    const when = f.earlier === null ? null : f.earlier === 'earlier' ? 'earlier' : `in ${f.earlier}`;
    const anchor = [elsewhere, when].filter((x) => x !== null).join(', ') || null;
    const key = anchor ? `${f.key} @ ${anchor}` : f.key;
    const group = byKey.get(key) ?? { found: [], anchor };
    group.found.push(f);
    byKey.set(key, group);
  }
  const byPlace = (a: FigureMention, b: FigureMention): number => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.start - b.start);
  // Sorted by quantity, mentions by article id and offset: the same bytes whatever the input order.
  const figures = [...byKey.values()].flatMap(({ found: group, anchor }) => {
    const mentions = group.map((f) => f.mention).sort(byPlace);
    const outlets = new Set(mentions.map((m) => m.outlet));
    const values = new Set(mentions.map((m) => m.value));
    if (outlets.size < 2 || values.size < 2) return [];
    const words = mostFrequent(group.map((f) => f.words));
    return [{ event, quantity: anchor ? `${words} (${anchor})` : words, mentions }];
  });
  return figures.sort((a, b) => (a.quantity < b.quantity ? -1 : a.quantity > b.quantity ? 1 : byPlace(a.mentions[0] as FigureMention, b.mentions[0] as FigureMention)));
}
