/**
 * Claim relations: does a text agree with, disagree with, discuss or not address a claim?
 * A cross-stage component (like src/events/): used by `track`, `eval fnc1` and the narratives.
 */
export { DEFAULT_RELATION_MODEL, SENTENCE_RELATION_MODEL, RELATION_BITS, RelationModel, decodeRelationModel, encodeRelationModel, loadRelationModel, relate, type PairScores, type RelationInput } from './model.js';
export { prepareSentences, prepareText, splitSentences, type PreparedSentence, type PreparedText } from './text.js';
export { RELATION_LABELS, type EvidenceCue, type Relation, type RelationEvidence, type RelationLabel } from './types.js';
export { explainPair, FEATURE_NAMES } from './features.js';
export { relateBySentence } from './by-sentence.js';
export { prepareClaims, trackArticle, type TrackClaim, type TrackRow, type TrackVerdict } from './track.js';
