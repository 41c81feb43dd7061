/**
 * Stage 7, narratives: cross-article actors, claims, similarity, contradiction signals, a signed
 * graph and its correlation clustering into competing narratives.
 */
export { mergeActors, nameKey, speakersOf, type CrossActors } from './cross-actors.js';
export { claimsOf, stanceOf, trimSpan, type ClaimOptions } from './claims.js';
export { featureContext, featuresOf, type ClaimFeatures, type FeatureContext } from './features.js';
export { cosine, vectorize, type Vector } from './similarity.js';
export { agreement, contradiction, denial, openQuestion, rivalAgent, type Contradiction } from './signals.js';
export { buildGraph, type GraphOptions, type SignedGraph } from './graph.js';
export { correlationClusters } from './cluster.js';
export { labelOf, shorten } from './label.js';
export { buildNarratives, type NarrativeOptions } from './build.js';
export { sentenceDivergence, type SentenceDivergence } from './sentence-divergence.js';
export { contentStems } from './features.js';
export { tfidf } from './similarity.js';
