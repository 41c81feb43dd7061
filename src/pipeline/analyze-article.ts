import { clean, type CleanOptions } from '../02-clean/index.js';
import { segment, type SegmentOptions } from '../03-segment/index.js';
import { tagActors } from '../04-actors/index.js';
import { tagCues, type TagCuesOptions } from '../05-cues/index.js';
import { extractAttributions } from '../06-attributions/index.js';
import { tagCommitments } from '../05-cues/commitments/index.js';
import type { AnalyzedArticle, Article, Diagnostic } from '../types/index.js';

/** Options of {@link analyzeArticle}. */
export interface AnalyzeArticleOptions {
  /**
   * Clean the article first: teasers of other stories, bylines, share lines and repeated
   * paragraphs are marked `dropped` and no stage reads them. `false` analyses the article as
   * given: for an article that is already cleaned (`clean(article)`, which `analyze` does
   * itself), or to read every character (evaluation on annotated corpora).
   * @default {} (the default rules)
   * @example analyzeArticle(clean(article, { minRepeatedLength: 80 }), { clean: false })
   */
  readonly clean?: CleanOptions | false;
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
 * Run the per-article stages on one article: clean (unless `clean: false`) -> segment -> actors
 * -> cues -> attributions, and the commitment of every clause-embedding predicate. Pure and synchronous; safe to call in a worker. The result is the same
 * as `analyze` gives for the article (without the duplicate check, which needs the other articles).
 *
 * @example
 * const result = analyzeArticle({ id: 'a1', outlet: null, date: null, title: null, url: null, text, dropped: [] });
 * result.attributions.map((a) => a.cue.lemma);
 */
export function analyzeArticle(
  original: Article,
  options: AnalyzeArticleOptions = {},
  diagnostics: readonly Diagnostic[] = [],
): AnalyzedArticle {
  const article = options.clean === false ? original : clean(original, options.clean ?? {});
  const segmented = segment(article, options.segment);
  const actors = tagActors(segmented);
  const cues = tagCues(segmented, options.cues);
  const { attributions, claims } = extractAttributions(segmented, actors, cues);
  const commitments = tagCommitments(segmented, cues);
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
    commitments,
    diagnostics,
  };
}
