import type { Article, Origin } from '../types/index.js';
import { DEFAULT_FIELDS, problem, type FieldMap, type IngestEvent, type IngestOptions } from './events.js';

/** Article metadata fields that are optional strings. */
type MetaKey = 'title' | 'outlet' | 'date' | 'url';

/** "null", "an array", "a number"...: a JSON value's type as a message names it. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Turn one parsed record (a JSONL line or front matter plus body) into an article, or a
 * diagnostic naming the field that is wrong. `fallbackId` is used, with a warning, when the
 * record has no id (a JSONL line without its id field); a number id becomes its decimal string.
 * A diagnostic about a record that has an id carries it (`Diagnostic.id`), so a failures file
 * names the article.
 */
export function recordToArticle(
  record: unknown,
  where: Origin,
  fallbackId: string,
  options: IngestOptions,
  textOverride?: string,
): IngestEvent[] {
  const fields: FieldMap = { ...DEFAULT_FIELDS, ...options.fields };
  const at = { file: where.file, ...(where.line !== undefined ? { line: where.line } : {}) };
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return [problem('record/not-object', `expected a JSON object, got ${typeName(record)}`, at)];
  }
  const fieldsOf = record as Record<string, unknown>;
  const rawId = fieldsOf[fields.id];
  let id: string;
  const events: IngestEvent[] = [];
  if (typeof rawId === 'string' && rawId.trim() !== '') {
    id = rawId;
  } else if (typeof rawId === 'number' && Number.isFinite(rawId)) {
    id = String(rawId);
  } else if (rawId === undefined || rawId === null || rawId === '' || (typeof rawId === 'string' && rawId.trim() === '')) {
    id = fallbackId;
    events.push(problem('record/missing-id', `no id in field "${fields.id}"; this article is "${fallbackId}" (file name and line; set the id field with --id-field)`, { ...at, field: fields.id }, 'warning'));
  } else {
    return [problem('record/bad-id', `field "${fields.id}" must be a string or a number, got ${typeName(rawId)}`, { ...at, field: fields.id })];
  }
  const fail = (code: string, message: string): IngestEvent[] => [problem(code, message, { ...at, field: fields.text, id })];
  const text = textOverride ?? fieldsOf[fields.text];
  if (text === undefined || text === null) return fail('record/missing-text', `missing text field "${fields.text}" (set another with --text-field)`);
  if (typeof text !== 'string') return fail('record/bad-text', `field "${fields.text}" must be a string, got ${typeName(text)}`);
  if (text.trim().length === 0) return fail('record/empty-text', `field "${fields.text}" is empty`);
  const max = options.maxTextLength ?? 2_000_000;
  if (text.length > max) return fail('record/huge-text', `field "${fields.text}" has ${text.length} characters, over the limit of ${max} (--max-chars)`);
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
  events.push({ kind: 'article', article });
  return events;
}
