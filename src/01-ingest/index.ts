export { ingest, ingestArticles, formatOf, type InputFormat } from './ingest.js';
export { readJsonl, readJsonlStream } from './read-jsonl.js';
export { readHtml } from './read-html.js';
export { readText } from './read-text.js';
export { DEFAULT_FIELDS, fatalWhenStrict, type FieldMap, type IngestEvent, type IngestOptions } from './events.js';
