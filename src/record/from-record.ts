import type { AnalyzedArticle } from '../types/index.js';
import { FORMAT_VERSION, type AnalysisRecord } from './format.js';
import type { AnalysisRecordV3 } from './format-v3.js';
import { readV3 } from './read-v3.js';
import { readV4 } from './read-v4.js';

/**
 * The in-memory analysis of a record read back from disk, whatever version wrote it: version 4
 * (tables of columns, spans as offset pairs; see format.ts), versions 3 and 2 (one object per
 * item; format-v3.ts) and version 1 (the in-memory shape itself, no `formatVersion`). Texts are
 * restored from the article text, each attribution gets its cue object, claims and predicates
 * their spans, actors their mentions, aliases and roles. Fields the record left out come back
 * empty. Throws a TypeError for a record of an unknown version or one whose attribution (or
 * predicate, or claim) refers to a cue (or sentence) it does not hold.
 *
 * @example
 * const analysis = fromRecord(JSON.parse(line));
 */
export function fromRecord(value: unknown): AnalyzedArticle {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`narrascope: an analysis record must be a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  const version = (value as { formatVersion?: unknown }).formatVersion;
  // version 1: the in-memory shape (written before commitments existed: none then)
  if (version === undefined) return { commitments: [], ...(value as Omit<AnalyzedArticle, 'commitments'>) } as AnalyzedArticle;
  if (version === FORMAT_VERSION) return readV4(value as AnalysisRecord);
  if (version === 2 || version === 3) return readV3(value as AnalysisRecordV3);
  throw new TypeError(`narrascope: analysis record of unknown formatVersion ${String(version)} (this narrascope reads 1 to ${FORMAT_VERSION})`);
}
