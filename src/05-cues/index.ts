import type { Cue, Segmented } from '../types/index.js';
import { classifyCue } from './classify.js';
import { detectCues } from './detect.js';

export type { CueCandidate } from './candidate.js';
export { detectCues, type DetectOptions } from './detect.js';
export { classifyCue, type ClassifyOptions } from './classify.js';
export { loadStanceLexicon, defaultStanceLexicon, lookupCue, type StanceLexicon, type StanceEntry } from './lexicon.js';
export { cueEnvironment } from './environment.js';
export { adjustCommitment, type BaseCommitment, type Commitment } from './commitment.js';

/**
 * Find attribution cues ("said", "insisted", "according to", "reportedly") and give each its
 * stance class and the commitment of its source and of the writer.
 */
export function tagCues(segmented: Segmented): Cue[] {
  return detectCues(segmented).map((candidate, i) => classifyCue(segmented, candidate, `c${i + 1}`));
}
