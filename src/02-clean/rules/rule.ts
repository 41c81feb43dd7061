import type { DropReason } from '../../types/index.js';
import type { Line } from '../lines.js';

/** What a rule knows about the article while judging one line. */
export interface LineContext {
  readonly lines: readonly Line[];
  /** Content-word counts of the whole article, to test whether a line belongs to its topic. */
  readonly vocabulary: ReadonlyMap<string, number>;
}

/** A verdict: drop the line (or part of it), and why. */
export interface Verdict {
  readonly reason: DropReason;
  readonly detail: string;
  /**
   * The part of the line to drop, as offsets into `line.text`, when only part of it is furniture
   * ("... rose 5 percent. (RELATED: Jobs report beats forecasts) Analysts said ..."); the whole
   * line when absent.
   */
  readonly within?: { readonly start: number; readonly end: number };
  /** Several parts of the line to drop, in order (a paragraph with two link cards). */
  readonly parts?: readonly { readonly start: number; readonly end: number }[];
}

/** A clean rule: looks at one line in context, returns a verdict or null to keep it. */
export interface CleanRule {
  readonly name: string;
  readonly judge: (line: Line, context: LineContext) => Verdict | null;
}
