/**
 * How large `analyze`'s output is against its input: the bytes of each article's JSON line
 * (default fields, as `analyze` writes them) over the UTF-8 bytes of its text, in total and per
 * part of the record, plus the same with `--quotes`. Issue 14's target: at most 3x the text.
 */
import { DEFAULT_FIELDS, toRecord } from '../record/index.js';
import type { AnalyzedArticle } from '../types/index.js';

/** Output bytes over text bytes. */
export interface OutputSize {
  readonly textBytes: number;
  readonly outputBytes: number;
  /** outputBytes / textBytes, default fields. */
  readonly ratio: number;
  /** The same with `--quotes` (every span with its text). */
  readonly quotedRatio: number;
  /** Each top-level part's bytes (key, value and comma) over the text bytes, largest first. */
  readonly parts: readonly { readonly part: string; readonly ratio: number }[];
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Measure the output size of analysed articles.
 *
 * @example
 * const { ratio, parts } = outputSize(analysed); // e.g. 2.55, [{ part: 'text', ratio: 1.01 }, ...]
 */
export function outputSize(analysed: readonly AnalyzedArticle[]): OutputSize {
  let textBytes = 0;
  let outputBytes = 0;
  let quotedBytes = 0;
  const byPart = new Map<string, number>();
  for (const a of analysed) {
    textBytes += Buffer.byteLength(a.text);
    const record = toRecord(a) as unknown as Record<string, unknown>;
    outputBytes += Buffer.byteLength(JSON.stringify(record)) + 1;
    quotedBytes += Buffer.byteLength(JSON.stringify(toRecord(a, [...DEFAULT_FIELDS, 'quotes']))) + 1;
    for (const [part, value] of Object.entries(record)) byPart.set(part, (byPart.get(part) ?? 0) + Buffer.byteLength(JSON.stringify(value)) + part.length + 4);
  }
  const over = Math.max(1, textBytes);
  return {
    textBytes, outputBytes, ratio: round3(outputBytes / over), quotedRatio: round3(quotedBytes / over),
    parts: [...byPart].sort((x, y) => y[1] - x[1]).map(([part, bytes]) => ({ part, ratio: round3(bytes / over) })),
  };
}

/** One line per measure, for the bench's text output. */
export function formatOutputSize(size: OutputSize): string {
  const parts = size.parts.filter((p) => p.ratio >= 0.005).map((p) => `${p.part} ${p.ratio.toFixed(2)}`).join(', ');
  return `output (analyze's JSON lines / UTF-8 text bytes, target <= 3x): ${size.ratio.toFixed(2)}x, with --quotes ${size.quotedRatio.toFixed(2)}x\n  per part: ${parts}\n`;
}
