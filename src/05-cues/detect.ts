import type { Segmented } from '../types/index.js';
import type { CueCandidate } from './candidate.js';

/** Find attribution cues (reporting verbs, "according to", ...) in a segmented article. */
export function detectCues(segmented: Segmented): CueCandidate[] {
  // SKELETON: a few verbs only, replaced by the real detector.
  const out: CueCandidate[] = [];
  for (const token of segmented.tokens) {
    if (token.pos === 'VERB' && ['say', 'tell', 'report', 'insist', 'suggest', 'deny', 'claim'].includes(token.lemma)) {
      out.push({ tokenRanges: [[token.index, token.index + 1]], key: token.lemma });
    }
  }
  return out;
}
