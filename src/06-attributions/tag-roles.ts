/**
 * Run the source/content tagger over an article, given its cues, and return the spans it finds.
 */
import { featureContext, type FeatureContext } from '../05-cues/detect-features.js';
import type { AttributionModel } from '../05-cues/detect-model.js';
import { decode, RowBuilder } from '../05-cues/detect-perceptron.js';
import { hashString } from '../learn/index.js';
import type { Cue, Segmented } from '../types/index.js';
import { cueGeometry, roleFeatures } from './role-features.js';
import { paragraphRanges } from './paragraphs.js';

/** A run of tokens the tagger labelled source or content: [first, end) token indices. */
export interface RoleSpan {
  readonly role: 'source' | 'content';
  readonly first: number;
  readonly end: number;
}

/** Cues mapped onto tokens: which cue (index into `cues`) covers each token, or -1. */
export interface CueTokens {
  readonly cueOf: Int32Array;
  /** Per cue, the token range of each of its spans. */
  readonly ranges: readonly (readonly [number, number])[][];
}

/** Map each cue span (character offsets) onto the tokens it covers. */
export function cueTokens(segmented: Segmented, cues: readonly Cue[]): CueTokens {
  const { tokens } = segmented;
  const cueOf = new Int32Array(tokens.length).fill(-1);
  const ranges = cues.map((cue, c) => cue.spans.map((span): [number, number] => {
    // Binary search for the first token ending after the span start.
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokens[mid]?.end ?? 0) <= span.start) lo = mid + 1; else hi = mid;
    }
    let end = lo;
    while (end < tokens.length && (tokens[end]?.start ?? Infinity) < span.end) { cueOf[end] = c; end++; }
    return [lo, end];
  }));
  return { cueOf, ranges };
}

/**
 * Tag sources and contents in every paragraph (or only in the paragraphs of `only`).
 *
 * @example
 * tagRoles(model, segmented, cues, cueTokens(segmented, cues)); // [{ role: "source", first: 0, end: 2 }, ...]
 */
export function tagRoles(
  model: AttributionModel,
  segmented: Segmented,
  cues: readonly Cue[],
  mapped: CueTokens,
  context?: FeatureContext,
  only?: ReadonlySet<number>,
): RoleSpan[] {
  const ctx = context ?? featureContext(segmented);
  const n = segmented.tokens.length;
  const marks = new Uint8Array(n);
  const keys = new Int32Array(n);
  mapped.ranges.forEach((ranges, c) => {
    const key = hashString(cues[c]?.lemma ?? '');
    for (const [first, end] of ranges) {
      for (let i = first; i < end; i++) {
        marks[i] = i === first ? 1 : 2;
        keys[i] = key;
      }
    }
  });
  const geo = cueGeometry(ctx, marks);
  const out: RoleSpan[] = [];
  const labels = model.role.labels;
  const row = new RowBuilder(model.role.model.bits);
  // Paragraphs with no cue in them or in the two before cannot hold a linked span: skip them.
  const paragraphHasCue = new Set<number>();
  for (let i = 0; i < n; i++) if ((marks[i] ?? 0) > 0) paragraphHasCue.add(ctx.paragraphOf[i] ?? 0);
  for (const [first, end] of paragraphRanges(segmented)) {
    const para = ctx.paragraphOf[first] ?? 0;
    if (!paragraphHasCue.has(para) && !paragraphHasCue.has(para - 1) && !paragraphHasCue.has(para - 2)) continue;
    if (only && !only.has(para)) continue;
    row.reset();
    for (let i = first; i < end; i++) { roleFeatures(ctx, marks, keys, geo, i, row); row.next(); }
    const path = decode(model.role, row.view());
    let open: { role: 'source' | 'content'; first: number } | undefined;
    const flush = (at: number): void => {
      if (open) out.push({ role: open.role, first: open.first, end: at });
      open = undefined;
    };
    path.forEach((y, k) => {
      const name = labels[y] ?? 'O';
      const i = first + k;
      if (name.startsWith('B-')) { flush(i); open = { role: name === 'B-source' ? 'source' : 'content', first: i }; } else if (name === 'O') flush(i);
    });
    flush(end);
  }
  return out;
}
