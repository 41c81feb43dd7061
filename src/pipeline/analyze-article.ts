import { clean, type CleanOptions } from '../02-clean/index.js';
import { segment, type SegmentOptions } from '../03-segment/index.js';
import { tagActors } from '../04-actors/index.js';
import { tagCues, type TagCuesOptions } from '../05-cues/index.js';
import { extractAttributions } from '../06-attributions/index.js';
import { tagCommitments } from '../05-cues/commitments/index.js';
import type { Actor, AnalyzedArticle, Article, Attribution, Claim, Cue, Diagnostic, PredicateCommitment, Segmented } from '../types/index.js';

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
  return analyzed(segmented, actors, cues, attributions, claims, commitments, options, diagnostics);
}

/** The analysis of one article from its stages' outputs (the one shape both entry points return). */
function analyzed(
  segmented: Segmented,
  actors: readonly Actor[],
  cues: readonly Cue[],
  attributions: readonly Attribution[],
  claims: readonly Claim[],
  commitments: readonly PredicateCommitment[],
  options: AnalyzeArticleOptions,
  diagnostics: readonly Diagnostic[],
): AnalyzedArticle {
  const { article } = segmented;
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

/** One article's outcome in {@link analyzeArticles}: its analysis, or the error that stopped it. */
export type BatchOutcome = AnalyzedArticle | { readonly error: unknown };

/**
 * {@link analyzeArticle} for several articles at once, stage by stage: every article is segmented,
 * then every article's actors are found, then its cues, and so on. The results are the same as
 * one article at a time (every stage reads only its own article); what changes is the memory the
 * processor works in: one stage's tables (wink's lexicon, the gazetteers, the taggers' 1.5 and
 * 2.5 MB of weights) stay in cache over a whole batch instead of being evicted by the other stages
 * after each article. In one thread over the 1,098 triplet articles, batches of 16 took 8-18%
 * less CPU than one article at a time (README, "Speed, fifth pass"). An article whose stage
 * throws gets `{ error }` and skips its later stages; the others go on.
 *
 * @example
 * const outcomes = analyzeArticles(articles.map((a) => clean(a)), { clean: false });
 */
export function analyzeArticles(originals: readonly Article[], options: AnalyzeArticleOptions = {}): BatchOutcome[] {
  const n = originals.length;
  const errors: unknown[] = new Array<unknown>(n).fill(undefined);
  const failed = new Uint8Array(n);
  // Run `step` on every article still going, catching each article's error on its own.
  const each = <T>(step: (i: number) => T): (T | undefined)[] => {
    const out: (T | undefined)[] = new Array<T | undefined>(n).fill(undefined);
    for (let i = 0; i < n; i++) {
      if (failed[i]) continue;
      try {
        out[i] = step(i);
      } catch (error) {
        failed[i] = 1;
        errors[i] = error;
      }
    }
    return out;
  };
  const articles = each((i) => (options.clean === false ? originals[i] as Article : clean(originals[i] as Article, options.clean ?? {})));
  const segmented = each((i) => segment(articles[i] as Article, options.segment));
  const actors = each((i) => tagActors(segmented[i] as Segmented));
  const cues = each((i) => tagCues(segmented[i] as Segmented, options.cues));
  const found = each((i) => extractAttributions(segmented[i] as Segmented, actors[i] as Actor[], cues[i] as Cue[]));
  const commitments = each((i) => tagCommitments(segmented[i] as Segmented, cues[i] as Cue[]));
  return originals.map((_, i): BatchOutcome => {
    const result = found[i];
    if (failed[i] || !result) return { error: errors[i] };
    return analyzed(segmented[i] as Segmented, actors[i] as Actor[], cues[i] as Cue[], result.attributions, result.claims, commitments[i] as PredicateCommitment[], options, []);
  });
}
