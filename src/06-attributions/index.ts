import type { Actor, Attribution, Claim, Cue, Segmented } from '../types/index.js';

/** What the attribution stage finds in one article. */
export interface AttributionResult {
  readonly attributions: readonly Attribution[];
  /** Sentences asserted by the writer without any attribution. */
  readonly claims: readonly Claim[];
}

/** Link each cue to its source and content; collect unattributed claims. */
export function extractAttributions(
  _segmented: Segmented,
  _actors: readonly Actor[],
  _cues: readonly Cue[],
): AttributionResult {
  return { attributions: [], claims: [] }; // SKELETON: replaced by the attributions stage
}
