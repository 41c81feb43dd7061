export { clean, DEFAULT_CLEAN_RULES, type CleanOptions } from './clean.js';
export { DuplicateDetector, fingerprintOf, type DuplicateOptions, type Fingerprint } from './duplicates.js';
export type { CleanRule, LineContext, Verdict } from './rules/rule.js';
export { linesOf, type Line } from './lines.js';
