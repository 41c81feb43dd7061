/**
 * Scheduled comparison jobs: job files in `pipelines/`, runs recorded in the SQLite store,
 * stable narrative ids across runs, the drift report, and the cron scheduler.
 */
export { loadJob, parseJob, jobFileSchema, JobDefinitionError, type JobDefinition, type JobFile, type JobFormat } from './definition.js';
export { jobFileOf, loadJobs } from './find.js';
export { runJob, JobLockedError, RunInterruptedError, type RunJobOptions, type RunOutcome } from './run-job.js';
export { Scheduler, type SchedulerEvent, type SchedulerOptions } from './scheduler.js';
export { computeDrift, type DriftOptions } from './drift.js';
export { matchNarratives, renameNarratives, claimKey, type KeyedNarrative, type MatchOptions } from './stable-ids.js';
export { snapshotOf, claimKeysOf } from './snapshot.js';
export { articleHash, analyzerFingerprint } from './fingerprint.js';
