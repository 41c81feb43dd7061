import type { Article } from '../types/index.js';
import { problem, type IngestEvent } from './events.js';

/**
 * Keeps article ids unique over one ingest call (all its files), because every later step keys
 * on them: output records, `--resume`, events, the job store. The first record with an id keeps
 * it; a later one becomes `ID#2` (then `ID#3`, ...; the first free one) with a
 * `record/duplicate-id` warning naming both places, which `--strict` makes fatal. Renaming
 * depends only on the order of the input, so a re-run gives the same ids.
 *
 * @example
 * const ids = new UniqueIds();
 * ids.admit(articleWithId('a1')); // [{ kind: 'article', article: { id: 'a1', ... } }]
 * ids.admit(articleWithId('a1')); // [warning "id "a1" is used again ...", { article: { id: 'a1#2' } }]
 */
export class UniqueIds {
  // id -> where it was first seen, packed as file index * 2^32 + line: one number, not an
  // object. A million 16-character ids take about 85 MB; all must be kept to catch a late repeat.
  readonly #first = new Map<string, number>();
  readonly #files: string[] = [];
  readonly #fileIndex = new Map<string, number>();

  /** The article under a unique id, preceded by a warning when its id had to change. */
  admit(article: Article): IngestEvent[] {
    const file = article.origin?.file ?? '';
    const line = article.origin?.line ?? 0;
    const earlier = this.#first.get(article.id);
    if (earlier === undefined) {
      this.#first.set(article.id, this.#pack(file, line));
      return [{ kind: 'article', article }];
    }
    let n = 2;
    while (this.#first.has(`${article.id}#${n}`)) n++;
    const id = `${article.id}#${n}`;
    this.#first.set(id, this.#pack(file, line));
    const where = this.#where(earlier);
    const warning = problem(
      'record/duplicate-id',
      `id "${article.id}" was already used by ${where}; this article is "${id}"`,
      { file, ...(line > 0 ? { line } : {}), id },
      'warning',
    );
    return [warning, { kind: 'article', article: { ...article, id } }];
  }

  #pack(file: string, line: number): number {
    let index = this.#fileIndex.get(file);
    if (index === undefined) {
      index = this.#files.push(file) - 1;
      this.#fileIndex.set(file, index);
    }
    return index * 2 ** 32 + line;
  }

  #where(packed: number): string {
    const file = this.#files[Math.floor(packed / 2 ** 32)] ?? '';
    const line = packed % 2 ** 32;
    return line > 0 ? `${file}:${line}` : file;
  }
}
