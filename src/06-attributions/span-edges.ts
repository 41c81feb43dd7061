/**
 * Last touches to a span's edges, after tagging and linking: conventions of PolNeAR that a
 * token-by-token tagger can break at one token.
 */
import { isPairTail } from '../05-cues/typed-marks.js';
import type { Segmented } from '../types/index.js';
import type { RoleSpan } from './tag-roles.js';

/**
 * A content does not end on a bare comma: "The senator argued [that taxes were too high], and
 * ..." (PolNeAR: 107 of 20,419 train contents end so; a comma before a closing quote stays:
 * "[“We will win,”] she said"). Sources keep theirs ("[Brent Bozell III, founder of the MRC,]
 * says").
 */
export function withoutTrailingComma(segmented: Segmented, span: RoleSpan): RoleSpan {
  const last = segmented.tokens[span.end - 1];
  return last?.text === ',' && span.end - 1 > span.first ? { ...span, end: span.end - 1 } : span;
}

/**
 * A span never splits a typewriter quote mark: the tagger labels its two "'" tokens one by one
 * and may stop between them ("... world war.'" + "'"), so the span takes both.
 */
export function wholeQuoteMarks(segmented: Segmented, span: RoleSpan): RoleSpan {
  const { tokens } = segmented;
  const first = span.first > 0 && isPairTail(tokens, span.first) ? span.first - 1 : span.first;
  const end = span.end < tokens.length && isPairTail(tokens, span.end) ? span.end + 1 : span.end;
  return first === span.first && end === span.end ? span : { ...span, first, end };
}

