/** Evaluation against reference corpora. */
export { evaluatePolnear, formatPolnearReport, PUBLISHED_POLNEAR, type PolnearEvalOptions, type PolnearEvalReport, type RoleScores } from './polnear.js';
export { readPolnear, parsePolnearLine, polnearArticle, type PolnearRecord, type GoldAttribution, type GoldFragment } from './polnear-read.js';
export type { Prf, Role } from './polnear-score.js';
export { benchmarkPolnear, type PolnearSpeed } from './polnear-speed.js';
