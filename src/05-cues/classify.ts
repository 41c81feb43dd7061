import type { Cue, Segmented } from '../types/index.js';
import type { CueCandidate } from './candidate.js';

/** Give a detected cue its stance class, environment and commitment scores. */
export function classifyCue(segmented: Segmented, candidate: CueCandidate, id: string): Cue {
  // SKELETON: everything neutral, replaced by the lexicon-based classifier.
  const spans = candidate.tokenRanges.map(([first, end]) => {
    const a = segmented.tokens[first];
    const b = segmented.tokens[end - 1];
    if (!a || !b) throw new RangeError(`narrascope: cue token range [${first}, ${end}) is outside the article`);
    return { start: a.start, end: b.end, text: segmented.article.text.slice(a.start, b.end) };
  });
  const sentence = segmented.tokens[candidate.tokenRanges[0]?.[0] ?? 0]?.sentence ?? 0;
  return {
    id,
    spans,
    lemma: candidate.key,
    stanceClass: 'neutral',
    sourceCommitment: 0.5,
    reporterCommitment: 0,
    environment: { negated: false, modal: false, question: false, conditional: false, firstPerson: false },
    sentence,
  };
}
