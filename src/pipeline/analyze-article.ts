import { segment, type SegmentOptions } from '../03-segment/index.js';
import { tagActors } from '../04-actors/index.js';
import { tagCues, type TagCuesOptions } from '../05-cues/index.js';
import { extractAttributions } from '../06-attributions/index.js';
import type { AnalyzedArticle, Article, Diagnostic } from '../types/index.js';

/** Options of {@link analyzeArticle}. */
export interface AnalyzeArticleOptions {
  /** Passed to the segment stage. */
  readonly segment?: SegmentOptions;
  /** Passed to the cue stage (lexicon file and overrides). */
  readonly cues?: TagCuesOptions;
  /**
   * Keep the token list in the output (large: about ten times the text).
   * @default false
   */
  readonly includeTokens?: boolean;
}

/**
 * Run the per-article stages on one (already cleaned) article:
 * segment -> actors -> cues -> attributions. Pure and synchronous; safe to call in a worker.
 */
export function analyzeArticle(
  article: Article,
  options: AnalyzeArticleOptions = {},
  diagnostics: readonly Diagnostic[] = [],
): AnalyzedArticle {
  const segmented = segment(article, options.segment);
  const actors = tagActors(segmented);
  const cues = tagCues(segmented, options.cues);
  const { attributions, claims } = extractAttributions(segmented, actors, cues);
  return {
    id: article.id,
    outlet: article.outlet,
    date: article.date,
    title: article.title,
    url: article.url,
    text: article.text,
    dropped: article.dropped,
    sentences: segmented.sentences,
    ...(options.includeTokens ? { tokens: segmented.tokens } : {}),
    actors,
    cues,
    attributions,
    claims,
    diagnostics,
  };
}
