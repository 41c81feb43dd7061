/**
 * Reading BASIL (Fan et al. 2019, `../shared/corpora/basil/`): one JSONL line per article, three
 * outlets per event ("triplet"), phrase-level bias spans located by paragraph and sentence.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Article } from '../types/index.js';

/** A phrase-level bias span of BASIL, as much of it as the evaluation reads. */
export interface BasilSpan {
  readonly bias: 'inf' | 'lex';
  readonly polarity: 'pos' | 'neg' | null;
  /** Target entity with underscores, e.g. `Barack_Obama`. */
  readonly target: string | null;
  /** Index of the sentence in {@link BasilArticle.sentences}, or null when BASIL could not locate it. */
  readonly sentence: number | null;
}

/** One BASIL article, its text rebuilt from its paragraphs so gold sentences have offsets. */
export interface BasilArticle {
  readonly event: string;
  readonly outlet: string;
  readonly article: Article;
  readonly mainEntities: readonly string[];
  /** Gold sentences in reading order, as offsets into `article.text`. */
  readonly sentences: readonly { readonly start: number; readonly end: number }[];
  readonly spans: readonly BasilSpan[];
}

interface RawRecord {
  readonly triplet_uuid?: unknown;
  readonly source?: unknown;
  readonly title?: unknown;
  readonly date?: unknown;
  readonly uuid?: unknown;
  readonly main_entities?: unknown;
  readonly body_paragraphs?: unknown;
  readonly phrase_level_annotations?: unknown;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * Parse one BASIL record. Paragraphs are joined with a blank line and sentences with a space,
 * so the segment stage sees the same paragraphs; throws a TypeError on a malformed record.
 */
export function parseBasilRecord(record: RawRecord, line: number): BasilArticle {
  const paragraphs = record.body_paragraphs;
  if (!Array.isArray(paragraphs)) throw new TypeError(`narrascope: basil line ${line}: body_paragraphs is not a list`);
  const index = new Map<string, number>();
  const sentences: { start: number; end: number }[] = [];
  let text = '';
  paragraphs.forEach((paragraph: unknown, p) => {
    if (!Array.isArray(paragraph)) return;
    if (text.length > 0) text += '\n\n';
    paragraph.forEach((sentence: unknown, s) => {
      if (typeof sentence !== 'string') return;
      if (s > 0) text += ' ';
      index.set(`${p},${s}`, sentences.length);
      sentences.push({ start: text.length, end: text.length + sentence.length });
      text += sentence;
    });
  });
  const annotations = Array.isArray(record.phrase_level_annotations) ? (record.phrase_level_annotations as Record<string, unknown>[]) : [];
  const spans: BasilSpan[] = annotations.map((a) => {
    const where = Array.isArray(a['paragraph_sentence']) ? (a['paragraph_sentence'] as unknown[]).join(',') : null;
    const polarity = a['polarity'];
    return {
      bias: a['bias'] === 'lex' ? 'lex' : 'inf',
      polarity: polarity === 'pos' || polarity === 'neg' ? polarity : null,
      target: str(a['target']),
      sentence: where === null ? null : index.get(where) ?? null,
    };
  });
  const outlet = (str(record.source) ?? 'unknown').toLowerCase();
  const event = str(record.triplet_uuid) ?? `line-${line}`;
  return {
    event,
    outlet,
    article: {
      id: str(record.uuid) ?? `${event}-${outlet}`, outlet, date: str(record.date), title: str(record.title), url: null,
      text, dropped: [],
    },
    mainEntities: Array.isArray(record.main_entities) ? record.main_entities.filter((e): e is string => typeof e === 'string') : [],
    sentences,
    spans,
  };
}

/** Read every article of a BASIL JSONL file. */
export async function readBasil(file: string): Promise<BasilArticle[]> {
  const out: BasilArticle[] = [];
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    out.push(parseBasilRecord(JSON.parse(text) as RawRecord, line));
  }
  return out;
}
