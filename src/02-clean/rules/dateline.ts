import type { CleanRule } from './rule.js';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
// "Published: 25 March 2024 10:32 GMT", "Updated March 25, 2024 at 3:04 p.m. ET", "2024-03-25 10:32"
const DATELINE = new RegExp(
  `^(?:(?:published|updated|posted|last updated|first published)(?:\\s+on)?:?\\s*)?` +
    `(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s*)?` +
    `(?:\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})` +
    `(?:[\\sT,]*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s*(?:[A-Z]{2,4}|Z|[+-]\\d{2}:?\\d{2})?)?\\s*$`,
  'iu',
);

/** A line holding only a publication or update timestamp. */
export const datelineRule: CleanRule = {
  name: 'dateline',
  judge(line) {
    if (line.text.length > 80 || !DATELINE.test(line.text)) return null;
    return { reason: 'dateline', detail: 'line holds only a publication/update timestamp' };
  },
};
