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
    const group = record && typeof record === 'object' && 'group_id' in record ? str(record.group_id) : null;
    for (const item of list) {
      if (!item || typeof item !== 'object') continue;
      const fields = item as Record<string, unknown>;
      const text = str(fields['content_original']);
      const id = str(fields['ID']);
      if (!text || !id) continue;
      yield { id, outlet: str(fields['source']), date: str(fields['date']), title: str(fields['title']), url: str(fields['url']), text, dropped: [], origin: { file, line }, ...(group ? { group } : {}) };
    }
  }
}

/**
 * `count` events of three articles from the triplets: event i is triplet `i mod n`; its copies
 * after the first have their paragraphs shuffled (seeded by the copy number) and their ids and
 * group suffixed, so 1,000 events can be timed from the file's ~366 real ones.
 *
 * @example tripletEvents(articles, 1000).length // 3000
 */
export function tripletEvents(articles: readonly Article[], count: number): Article[] {
  const groups = new Map<string, Article[]>();
  for (const a of articles) if (a.group !== undefined) groups.set(a.group, [...(groups.get(a.group) ?? []), a]);
  const triplets = [...groups.values()].filter((g) => g.length === 3);
  if (triplets.length === 0) throw new TypeError('narrascope: no triplets (groups of three articles) to build events from');
  const events: Article[] = [];
  for (let i = 0; i < count; i++) {
    const copy = Math.floor(i / triplets.length);
    for (const a of triplets[i % triplets.length] as Article[]) {
      events.push(copy === 0 ? a : { ...a, id: `${a.id}#${copy}`, group: `${a.group ?? ''}#${copy}`, text: shuffleParagraphs(a.text, copy) });
    }
  }
  return events;
}

function shuffleParagraphs(text: string, seed: number): string {
  const parts = text.split(/\n\s*\n|\n/).filter((p) => p.trim() !== '');
  let state = seed >>> 0;
  for (let j = parts.length - 1; j > 0; j--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const r = state % (j + 1);
    [parts[j], parts[r]] = [parts[r] as string, parts[j] as string];
  }
  return parts.join('\n\n');
}
