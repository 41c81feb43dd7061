/**
 * Streaming reader of the PolNeAR JSONL files staged under `../shared/corpora/polnear/`
 * (one line per article x annotator; see that folder's SOURCE.md). Only what scoring and
 * training need is kept: the text and, per attribution, the source, cue and content fragments.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Article } from '../types/index.js';

/** One gold fragment: character offsets into the record's `text`, end exclusive. */
export interface GoldFragment {
  readonly start: number;
  readonly end: number;
}

/** One gold attribution relation. Empty `source` with `noSource` for agentless reports. */
export interface GoldAttribution {
  readonly id: string;
  readonly source: readonly GoldFragment[];
  readonly cue: readonly GoldFragment[];
  readonly content: readonly GoldFragment[];
  readonly noSource: boolean;
}

/** One annotated article. */
export interface PolnearRecord {
  readonly article: string;
  readonly annotator: string;
  readonly isPrimary: boolean;
  readonly publisher: string;
  readonly text: string;
  readonly attributions: readonly GoldAttribution[];
}

function fragments(value: unknown): GoldFragment[] {
  if (!Array.isArray(value)) return [];
  const out: GoldFragment[] = [];
  for (const f of value as unknown[]) {
    if (typeof f !== 'object' || f === null) continue;
    const { start, end } = f as { start?: unknown; end?: unknown };
    if (typeof start === 'number' && typeof end === 'number' && end > start) out.push({ start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Parse one JSONL line; throws a TypeError naming the line when it is not a PolNeAR record. */
export function parsePolnearLine(line: string, lineNumber = 0): PolnearRecord {
  const raw = JSON.parse(line) as Record<string, unknown>;
  const text = raw['text'];
  if (typeof text !== 'string') throw new TypeError(`narrascope: PolNeAR line ${lineNumber} has no string "text"`);
  const attributions: GoldAttribution[] = [];
  const list = Array.isArray(raw['attributions']) ? (raw['attributions'] as Record<string, unknown>[]) : [];
  for (const a of list) {
    attributions.push({
      id: String(a['id'] ?? ''),
      source: fragments(a['source']),
      cue: fragments(a['cue']),
      content: fragments(a['content']),
      noSource: a['no_source'] === true,
    });
  }
  return {
    article: String(raw['article'] ?? ''),
    annotator: String(raw['annotator'] ?? ''),
    isPrimary: raw['is_primary'] === true,
    publisher: String(raw['publisher'] ?? ''),
    text,
    attributions,
  };
}

/**
 * Stream the records of a PolNeAR JSONL file, line by line.
 *
 * @example
 * for await (const record of readPolnear('../shared/corpora/polnear/dev.jsonl')) ...
 */
export async function* readPolnear(
  file: string,
  options: { readonly primaryOnly?: boolean; readonly limit?: number } = {},
): AsyncGenerator<PolnearRecord> {
  const primaryOnly = options.primaryOnly ?? true;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const record = parsePolnearLine(line, lineNumber);
    if (primaryOnly && !record.isPrimary) continue;
    if (options.limit !== undefined && n >= options.limit) break;
    n++;
    yield record;
  }
  lines.close();
}

/** The record as a pipeline {@link Article} (the text unchanged, nothing dropped). */
export function polnearArticle(record: PolnearRecord): Article {
  return { id: record.article, outlet: record.publisher, date: null, title: null, url: null, text: record.text, dropped: [] };
}
