/**
 * Stage 7, narratives: cross-article actors, claims read as propositions (polarity, question,
 * answer), similarity and the claim-relation model, a signed graph and its correlation clustering
 * into the sides of contested questions, with backers, disputers and the event's background.
 */
export { mergeActors, nameKey, sameGivenName, speakersOf, type CrossActors } from './cross-actors.js';
export { claimsOf, stanceOf, trimSpan, type ClaimOptions } from './claims.js';
export { polarityOf, type Polarity } from './polarity.js';
export { numbersOf, questionKind } from './question.js';
export { featureContext, featuresOf, propositionOf, type ClaimFeatures, type FeatureContext } from './features.js';
export { cosine, vectorize, type Vector } from './similarity.js';
export { agreement, contradiction, denial, openQuestion, rivalAgent, type Contradiction } from './signals.js';
export { assertsAlternative, denialScope, oneStatement, pointedDenial } from './aim.js';
export { addresses, pairRelation, type ClaimRelationModel, type RelationProbabilities } from './relation.js';
export { claimRelations } from './relation-model.js';
export { buildGraph, pairModelPush, twoAnswers, type GraphOptions, type SignedGraph } from './graph.js';
export { correlationClusters } from './cluster.js';
export { aimedContradictions, leadingVoices, sidesOf, splitOpponents, type Side, type Sides } from './sides.js';
export { answered, splitAnsweredDenials, SAME_MATTER, type DenialSidesInput } from './denial-sides.js';
export { attachSpeakerStrays, backing } from './strays.js';
export { answerOf, centralClaim, listOf, shorten } from './label.js';
export { deedOf, questionText, responsibilityQuestion, yesNoQuestion } from './questions.js';
export { formRank, readStatement, type ReadStatement, type StatementForm } from './statement.js';
export { buildNarratives, sharedVoice, whyNotNarrative, type NarrativeOptions, type NarrativeTrace } from './build.js';
export { sentenceDivergence, type SentenceDivergence } from './sentence-divergence.js';
export { contentStems } from './features.js';
export { tfidf } from './similarity.js';
export { eventClaims, type EventClaims } from './event-claims.js';
export { FEATURE, PAIR_FEATURES, pairContext, pairFeatures, type PairContext, type PairReading } from './pair-features.js';
export { checkPairModel, loadPairModel, PAIR_LABELS, scorePair, type PairLabel, type PairModel, type PairProbabilities } from './pair-model.js';
export { onEvent } from './topic.js';
