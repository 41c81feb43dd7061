/** `narrascope eval narratives`: the gold format, its checks and the scorer. */
export { GOLD_SCHEMA, goldEventSchema, type GoldEvent, type GoldNarrative, type GoldQuestion, type GoldSpan, type GoldActor, type GoldSource } from './gold-schema.js';
export { checkGold, GoldFileError, loadGoldDir, parseGold, spansOf, type GoldFile } from './gold-load.js';
export { GOLD_CORPORA, GoldArticleSource, type CorpusPaths } from './gold-sources.js';
export { aligns, bcubed, fixedSetItems, nameKey, overlap, prf, sameActor, type ArticleSpan, type GoldClaimFate, type Prf } from './metrics.js';
export { claimKey, scoreEvent, type EventCounts, type NarrativeMapping, type Tally } from './score.js';
export { evaluateNarratives, fixedSetScores, poolCounts, scoresOf, type FixedSetScores, type NarrativeScores, type NarrativesEvalOptions, type NarrativesEvalReport } from './evaluate.js';
export { formatNarrativesReport } from './format.js';
export { CLAIM_SET_SCHEMA, claimSetKeys, claimSetPathFor, freezeClaimSet, loadClaimSet, type ClaimSet } from './claim-set.js';
