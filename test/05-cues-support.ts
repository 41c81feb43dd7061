/**
 * Helpers for the cue-classification tests: segment a sentence and build cue candidates by hand
 * (token ranges of the cue words), so these tests do not depend on the detector.
 */
import { segment } from '../src/03-segment/segment.js';
import type { CueCandidate } from '../src/05-cues/candidate.js';
import type { Article, Segmented } from '../src/types/index.js';

/** Segment `text` as a one-article document. */
export function doc(text: string): Segmented {
  const article: Article = { id: 't', outlet: null, date: null, title: null, url: null, text, dropped: [] };
  return segment(article);
}

/**
 * A candidate covering the tokens of `words` (space-separated surface forms, e.g. "has said"),
 * at their `nth` occurrence; its key is the lemma of the last word unless given.
 */
export function candidate(segmented: Segmented, words: string, options: { nth?: number; key?: string } = {}): CueCandidate {
  const parts = words.toLowerCase().split(' ');
  let seen = 0;
  const { tokens } = segmented;
  for (let i = 0; i + parts.length <= tokens.length; i++) {
    if (parts.every((p, j) => tokens[i + j]?.lower === p) && seen++ === (options.nth ?? 0)) {
      const last = tokens[i + parts.length - 1];
      return { tokenRanges: [[i, i + parts.length]], key: options.key ?? last?.lemma ?? parts[parts.length - 1] ?? '' };
    }
  }
  throw new Error(`test: "${words}" not found in: ${segmented.article.text}`);
}
