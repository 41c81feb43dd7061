export { clean, DEFAULT_CLEAN_RULES, type CleanOptions } from './clean.js';
export { DuplicateDetector, type DuplicateOptions } from './duplicates.js';
export type { CleanRule, LineContext, Verdict } from './rules/rule.js';
export { linesOf, type Line } from './lines.js';
