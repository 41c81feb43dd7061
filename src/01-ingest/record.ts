import type { Article, Origin } from '../types/index.js';
import { DEFAULT_FIELDS, problem, type FieldMap, type IngestEvent, type IngestOptions } from './events.js';

/** Article metadata fields that are optional strings. */
type MetaKey = 'title' | 'outlet' | 'date' | 'url';

/**
 * Turn one parsed record (a JSONL line or front matter plus body) into an article, or a
 * diagnostic naming the field that is wrong. `fallbackId` is used when the record has no id.
 */
export function recordToArticle(
  record: unknown,
  where: Origin,
  fallbackId: string,
  options: IngestOptions,
  textOverride?: string,
): IngestEvent {
  const fields: FieldMap = { ...DEFAULT_FIELDS, ...options.fields };
  const at = { file: where.file, ...(where.line !== undefined ? { line: where.line } : {}) };
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return problem('record/not-object', `expected a JSON object, got ${Array.isArray(record) ? 'an array' : typeof record}`, at);
  }
  const fieldsOf = record as Record<string, unknown>;
  const text = textOverride ?? fieldsOf[fields.text];
  if (text === undefined || text === null) {
    return problem('record/missing-text', `missing text field "${fields.text}" (set another with --text-field)`, { ...at, field: fields.text });
  }
  if (typeof text !== 'string') {
    return problem('record/bad-text', `field "${fields.text}" must be a string, got ${typeof text}`, { ...at, field: fields.text });
  }
  if (text.trim().length === 0) {
    return problem('record/empty-text', `field "${fields.text}" is empty`, { ...at, field: fields.text });
  }
  const max = options.maxTextLength ?? 2_000_000;
  if (text.length > max) {
    return problem('record/huge-text', `field "${fields.text}" has ${text.length} characters, over the limit of ${max} (--max-chars)`, { ...at, field: fields.text });
  }
  const rawId = fieldsOf[fields.id];
  const id = typeof rawId === 'string' && rawId.length > 0 ? rawId : typeof rawId === 'number' ? String(rawId) : fallbackId;
  const meta = (key: MetaKey): string | null => {
    const value = fieldsOf[fields[key]];
    if (typeof value === 'string') return value.trim() === '' ? null : value;
    if (typeof value === 'number') return String(value);
    return null;
  };
  const groupValue = options.groupField ? fieldsOf[options.groupField] : undefined;
  const group = typeof groupValue === 'string' && groupValue.trim() !== '' ? groupValue : typeof groupValue === 'number' ? String(groupValue) : undefined;
  const article: Article = {
    id,
    outlet: meta('outlet'),
    date: meta('date'),
    title: meta('title'),
    url: meta('url'),
    text,
    dropped: [],
    origin: where,
    ...(group !== undefined ? { group } : {}),
  };
  return { kind: 'article', article };
}
