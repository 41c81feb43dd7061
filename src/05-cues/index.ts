import type { Cue, Segmented } from '../types/index.js';
import { resolveLexicon, type LexiconChoice } from './lexicon.js';
import { classifyCue } from './classify.js';
import { detectCues } from './detect.js';

export type { CueCandidate } from './candidate.js';
export { detectCues, type DetectOptions } from './detect.js';
export { classifyCue, type ClassifyOptions } from './classify.js';
export { loadStanceLexicon, defaultStanceLexicon, lookupCue, withOverrides, resolveLexicon, type StanceLexicon, type StanceEntry, type LexiconChoice, type LexiconOverride } from './lexicon.js';
export { cueEnvironment, type CueLocation } from './environment.js';
export type { AttributionModel } from './detect-model.js';
export type { SequenceTagger } from './detect-perceptron.js';
export type { WeightTable } from './detect-hash.js';
export type { CueRates, FeatureContext as CueFeatureContext } from './detect-features.js';
export { adjustCommitment, type BaseCommitment, type Commitment } from './commitment.js';

/** Options of {@link tagCues}. */
export interface TagCuesOptions {
  /**
   * Lexicon file and overrides (a job's `stages.cues`).
   * @default the bundled lexicon
   * @example { lexicon: { overrides: { slam: { class: 'accusation' } } } }
   */
  readonly lexicon?: LexiconChoice;
}

/**
 * Find attribution cues ("said", "insisted", "according to", "reportedly") and give each its
 * stance class and the commitment of its source and of the writer.
 */
export function tagCues(segmented: Segmented, options: TagCuesOptions = {}): Cue[] {
  const lexicon = resolveLexicon(options.lexicon);
  return detectCues(segmented).map((candidate, i) => classifyCue(segmented, candidate, `c${i + 1}`, { lexicon }));
}
