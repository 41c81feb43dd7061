/**
 * Reading FNC-1 files (github FakeNewsChallenge/fnc-1): `bodies.csv` (Body ID, articleBody) and
 * `stances.csv` (Headline, Body ID[, Stance]). Bodies hold quoted fields spanning many lines, with
 * doubled quotes inside: csv-parse (RFC 4180, streams, well kept) reads them, not a hand-written
 * splitter. Bad rows throw an Fnc1Error naming the file, line and field.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** The four FNC-1 labels, in the order of the official scorer's confusion matrix. */
export const FNC1_LABELS = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
/** One FNC-1 label. */
export type Fnc1Label = (typeof FNC1_LABELS)[number];

/** One headline-body pair. `stance` is absent when the file has no Stance column. */
export interface Fnc1Pair {
  readonly headline: string;
  readonly bodyId: string;
  readonly stance?: Fnc1Label;
  /** 1-based line of the row in its file (for error messages). */
  readonly line: number;
}

/** A bad FNC-1 file: the message names file, line and field. */
export class Fnc1Error extends Error {
  override readonly name = 'Fnc1Error';
}

interface Row {
  readonly record: Record<string, string>;
  readonly line: number;
}

/** Parse a CSV file with a header row into records with their 1-based starting line. */
function readCsv(file: string, required: readonly string[]): { rows: Row[]; columns: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Fnc1Error(`${file}: cannot read (${(error as Error).message})`);
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let columns: string[] = [];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => { columns = header.map((h) => h.trim()); return columns; },
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new Fnc1Error(`${file}:${e.lines ?? '?'}: ${e.message.replace(/^Invalid Record Length: /, '')}`);
  }
  if (columns.length === 0) throw new Fnc1Error(`${file}:1: empty file (expected a header row with ${required.join(', ')})`);
  for (const column of required) {
    if (!columns.includes(column)) throw new Fnc1Error(`${file}:1: missing column "${column}" (found: ${columns.join(', ')})`);
  }
  // csv-parse's info.lines is the line where a record ENDS; a record starts after the previous one ended.
  let previousEnd = 1;
  const rows = records.map(({ record, info }) => {
    const row = { record, line: previousEnd + 1 };
    previousEnd = info.lines;
    return row;
  });
  return { rows, columns };
}

/**
 * Read an FNC-1 bodies file into Body ID -> text.
 *
 * @example
 * const bodies = readFnc1Bodies('../shared/corpora/fnc1/train_bodies.csv');
 */
export function readFnc1Bodies(file: string): Map<string, string> {
  const { rows } = readCsv(file, ['Body ID', 'articleBody']);
  const bodies = new Map<string, string>();
  for (const { record, line } of rows) {
    const id = (record['Body ID'] ?? '').trim();
    if (!id) throw new Fnc1Error(`${file}:${line}: field "Body ID" is empty`);
    if (bodies.has(id)) throw new Fnc1Error(`${file}:${line}: field "Body ID" repeats ${id}`);
    bodies.set(id, record['articleBody'] ?? '');
  }
  if (bodies.size === 0) throw new Fnc1Error(`${file}: no bodies`);
  return bodies;
}

/**
 * Read an FNC-1 stances file. Without a Stance column the pairs carry no gold label.
 * Every Body ID must exist in `bodies` when given.
 */
export function readFnc1Stances(file: string, bodies?: ReadonlyMap<string, string>): { pairs: Fnc1Pair[]; labelled: boolean } {
  const { rows, columns } = readCsv(file, ['Headline', 'Body ID']);
  const labelled = columns.includes('Stance');
  const pairs: Fnc1Pair[] = [];
  for (const { record, line } of rows) {
    const headline = record['Headline'] ?? '';
    const bodyId = (record['Body ID'] ?? '').trim();
    if (!headline.trim()) throw new Fnc1Error(`${file}:${line}: field "Headline" is empty`);
    if (!bodyId) throw new Fnc1Error(`${file}:${line}: field "Body ID" is empty`);
    if (bodies && !bodies.has(bodyId)) throw new Fnc1Error(`${file}:${line}: field "Body ID": no body ${bodyId} in the bodies file`);
    if (!labelled) { pairs.push({ headline, bodyId, line }); continue; }
    const stance = (record['Stance'] ?? '').trim();
    if (!(FNC1_LABELS as readonly string[]).includes(stance)) {
      throw new Fnc1Error(`${file}:${line}: field "Stance" is "${stance}", expected one of ${FNC1_LABELS.join(', ')}`);
    }
    pairs.push({ headline, bodyId, stance: stance as Fnc1Label, line });
  }
  if (pairs.length === 0) throw new Fnc1Error(`${file}: no stance rows`);
  return { pairs, labelled };
}
