/**
 * Prominence of each quoted actor in one outlet's coverage: quoted directly or only paraphrased,
 * how early it is first quoted, and its share of the attributed words.
 */
import type { AnalyzedArticle, Attribution } from '../types/index.js';

/** How prominently one outlet gives one actor's words. */
export interface Prominence {
  readonly actorId: string;
  /** Attributions whose content opens with a quotation mark ("'I do not know anything,' he said"). */
  readonly direct: number;
  /** Attributions in reported speech ("Peskov said he was not aware"). */
  readonly paraphrased: number;
  /** Earliest position of the actor's first cue in an article, as a share of its length (0 = lead). */
  readonly firstAt: number;
  /** Share of the outlet's attributed words that are this actor's. */
  readonly wordShare: number;
}

const QUOTE_OPEN = /^[“"‘'«]/;
const words = (a: Attribution): number => a.content.reduce((n, c) => n + (c.text.match(/[\p{L}\p{N}]+/gu) ?? []).length, 0);

/**
 * Prominence of every actor quoted by one outlet's articles. `actorOf` gives the comparison-wide
 * actor id of an attribution's speaker (undefined: not counted).
 */
export function prominenceOf(articles: readonly AnalyzedArticle[], actorOf: (article: AnalyzedArticle, a: Attribution) => string | undefined): Prominence[] {
  const tally = new Map<string, { direct: number; paraphrased: number; firstAt: number; words: number }>();
  let total = 0;
  for (const article of articles) {
    const length = Math.max(1, article.text.length);
    for (const a of article.attributions) {
      const n = words(a);
      total += n;
      const id = actorOf(article, a);
      if (!id) continue;
      const t = tally.get(id) ?? { direct: 0, paraphrased: 0, firstAt: 1, words: 0 };
      tally.set(id, t);
      if (QUOTE_OPEN.test(a.content[0]?.text ?? '')) t.direct++;
      else t.paraphrased++;
      t.firstAt = Math.min(t.firstAt, (a.cue.spans[0]?.start ?? length) / length);
      t.words += n;
    }
  }
  return [...tally].map(([actorId, t]) => ({
    actorId, direct: t.direct, paraphrased: t.paraphrased,
    firstAt: Math.round(t.firstAt * 100) / 100,
    wordShare: total === 0 ? 0 : Math.round((t.words / total) * 1000) / 1000,
  })).sort((a, b) => b.wordShare - a.wordShare);
}
