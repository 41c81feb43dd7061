import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { EventInput } from '../events/index.js';

/** An article with the event it truly belongs to. */
export interface GoldEventArticle extends EventInput {
  readonly gold: string;
}

/** The reference files `narrascope eval events` reads. */
export type EventDataset = 'neus' | 'allsides';

const asString = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Articles of a NeuS or AllSides roundup file, each with its true event.
 * NeuS (`neus_val.jsonl`): `{idx, articles_random_order: [{title, lead}]}`, no outlet or date.
 * AllSides (`allsides_roundups_*.jsonl`): `{id, date, news: {left|center|right: {newsSource,
 * newsTitle, newBody: [paragraphs]}}}`; the roundup date stands for each story's date.
 * Lines that do not parse are skipped (they cannot be scored).
 */
export async function readEventDataset(file: string, dataset: EventDataset): Promise<GoldEventArticle[]> {
  const articles: GoldEventArticle[] = [];
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let record: unknown;
    try { record = JSON.parse(line); } catch { continue; }
    if (!isRecord(record)) continue;
    if (dataset === 'neus') {
      const event = String(record['idx']);
      const list = Array.isArray(record['articles_random_order']) ? record['articles_random_order'] : [];
      list.forEach((item: unknown, k) => {
        if (!isRecord(item)) return;
        articles.push({ id: `${event}-${k}`, outlet: null, date: null, title: asString(item['title']), text: asString(item['lead']) ?? '', gold: event });
      });
    } else {
      const event = String(record['id']);
      const news = isRecord(record['news']) ? record['news'] : {};
      for (const [side, story] of Object.entries(news)) {
        if (!isRecord(story)) continue;
        const body = Array.isArray(story['newBody']) ? story['newBody'].filter((p): p is string => typeof p === 'string').join('\n\n') : '';
        articles.push({ id: `${event}-${side}`, outlet: asString(story['newsSource']), date: asString(record['date']), title: asString(story['newsTitle']), text: body, gold: event });
      }
    }
  }
  return articles;
}
