import type { CleanRule } from './rule.js';

const NAME = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|bin|al|da))*`;
// "By Jane Doe", "By Jane Doe and John Roe, Reuters", "BY JANE DOE | CNN"
const BY = new RegExp(String.raw`^(?:written\s+)?by\s+${NAME}(?:\s*(?:,|and|&)\s*${NAME})*(?:\s*[,|–—-]\s*.{0,60})?$`, 'iu');
// "Reporting by Jane Doe; Editing by John Roe" (wire trailer)
const WIRE_TRAILER = /^(?:\(?\s*)(?:reporting|additional reporting|writing|editing)\s+by\s+.+$/iu;
// "The Associated Press contributed to this report.", "NPR's Ryan Lucas contributed reporting."
const CONTRIBUTED = /^.{0,120}\bcontributed(?:(?: additional)? (?:reporting|to this (?:report|story|article))(?: from [^.]{1,60})?)?\.?$/iu;
// "Contributing: Jane Doe", "Doe and Roe reported from McLean, Va. Contributing: Jane Doe"
const CONTRIBUTING = new RegExp(String.raw`^(?:(?:${NAME})(?:\s*(?:,|and|&)\s*${NAME})*\s+reported from [^.]{1,50}\.\s*)?Contributing:\s*${NAME}(?:\s*(?:,|and|&)\s*${NAME})*\.?$`, 'u');
// "Jane Doe | Staff Writer", "Jane Doe, Senior Correspondent"
const ROLE_LINE = new RegExp(String.raw`^${NAME}\s*[,|–—-]\s*(?:staff writer|senior (?:writer|correspondent|reporter)|correspondent|reporter|contributor|editor)\b.*$`, 'iu');

/**
 * Bylines and wire credits. Only short lines in the first three or last three lines of the text
 * are considered: "By the way, the minister said..." deep in a story is prose, not a byline.
 */
export const bylineRule: CleanRule = {
  name: 'byline',
  judge(line, context) {
    const nearEdge = line.index < 3 || line.index >= context.lines.length - 3;
    if (!nearEdge || line.text.length > 140) return null;
    if (BY.test(line.text) && !/[.!?]["”]?$/.test(line.text.replace(/\b\p{Lu}\.$/u, ''))) {
      return { reason: 'byline', detail: 'byline ("By ...") at the edge of the article' };
    }
    if (WIRE_TRAILER.test(line.text)) return { reason: 'byline', detail: 'wire credit ("Reporting by ...; Editing by ...")' };
    if (CONTRIBUTING.test(line.text)) return { reason: 'byline', detail: 'reporting credit ("Contributing: ...")' };
    if (CONTRIBUTED.test(line.text)) return { reason: 'byline', detail: 'reporting credit ("... contributed to this report")' };
    if (ROLE_LINE.test(line.text)) return { reason: 'byline', detail: 'author line with a newsroom role' };
    return null;
  },
};
