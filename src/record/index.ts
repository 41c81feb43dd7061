/** The on-disk format of analysed articles: compact records and the way back (see format.ts). */
export { DEFAULT_FIELDS, FORMAT_VERSION, parseFields, RECORD_FIELDS, type AnalysisRecord, type RecordField, type SpanRecord } from './format.js';
export { toRecord } from './to-record.js';
export { fromRecord } from './from-record.js';
