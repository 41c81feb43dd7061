import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Article } from '../types/index.js';

/** The full-article benchmark corpus of issue 6, when `../shared` is beside the repository. */
export const TRIPLETS = '../shared/corpora/article_bias_prediction/lcr_topic_date_triplets.jsonl';

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * Articles of the left/centre/right triplets file (one event per line:
 * `{group_id, articles: [{ID, source, date, title, content_original}]}`), flattened in file order:
 * ~1,100 full news articles, the realistic input `narrascope bench` times. Lines or articles that
 * do not have that shape are skipped.
 *
 * @example
 * for await (const article of readTriplets(TRIPLETS)) console.log(article.outlet, article.title);
 */
export async function* readTriplets(file: string): AsyncGenerator<Article> {
  let line = 0;
  for await (const source of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    line++;
    let record: unknown;
    try { record = JSON.parse(source); } catch { continue; }
    const list = record && typeof record === 'object' && 'articles' in record && Array.isArray(record.articles) ? (record.articles as unknown[]) : [];
    for (const item of list) {
      if (!item || typeof item !== 'object') continue;
      const fields = item as Record<string, unknown>;
      const text = str(fields['content_original']);
      const id = str(fields['ID']);
      if (!text || !id) continue;
      yield { id, outlet: str(fields['source']), date: str(fields['date']), title: str(fields['title']), url: str(fields['url']), text, dropped: [], origin: { file, line } };
    }
  }
}
