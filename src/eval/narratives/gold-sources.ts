/**
 * The articles of a gold event, read exactly as narrascope ingests them, so gold offsets and the
 * tool's offsets index the same text.
 * - triplets: `readTriplets` (as `analyze FILE --id-field ID --text-field content_original
 *   --outlet-field source` would): id `ID`, text `content_original` byte for byte.
 * - basil: `readBasil` (as `eval basil`): id `uuid`, paragraphs joined by "\n\n", sentences by " ".
 * - files: the ordinary ingest (`.txt` id = file name without extension, text after front matter).
 */
import { resolve } from 'node:path';
import { ingestArticles } from '../../01-ingest/index.js';
import { readTriplets, TRIPLETS } from '../../bench/triplets.js';
import type { Article } from '../../types/index.js';
import { readBasil } from '../basil-read.js';
import type { GoldEvent } from './gold-schema.js';

/** Default location of each corpus a gold file can name, relative to the repository root. */
export const GOLD_CORPORA = {
  triplets: TRIPLETS,
  basil: '../shared/corpora/basil/basil_articles_annotated.jsonl',
} as const;

/** Which file to read for each corpus kind (override with `eval narratives --input basil=PATH`). */
export type CorpusPaths = Readonly<Partial<Record<keyof typeof GOLD_CORPORA, string>>>;

/** Reads and caches the corpora gold events refer to. */
export class GoldArticleSource {
  readonly #paths: Required<CorpusPaths>;
  readonly #root: string;
  readonly #cache = new Map<string, Promise<Map<string, Article>>>();

  /** `root` anchors relative paths (the repository root: where `../shared` resolves). */
  constructor(paths: CorpusPaths = {}, root: string = process.cwd()) {
    this.#paths = { ...GOLD_CORPORA, ...paths };
    this.#root = root;
  }

  /** The file read for a corpus kind, absolute. */
  pathOf(kind: keyof typeof GOLD_CORPORA): string {
    return resolve(this.#root, this.#paths[kind]);
  }

  /**
   * The event's articles in the order of its `articles` list; throws when one is missing (the
   * message names the event and the article id).
   */
  async articlesOf(event: GoldEvent): Promise<Article[]> {
    const source = event.source;
    let byId: Map<string, Article>;
    if (source.corpus === 'files') {
      byId = new Map();
      for await (const a of ingestArticles(source.paths.map((p) => resolve(this.#root, p)))) byId.set(a.id, a);
    } else {
      const corpus = await this.#corpus(source.corpus);
      // BASIL ids are unique only within a triplet (a few records have the uuid "empty").
      const prefix = source.corpus === 'basil' ? `${source.triplet}/` : '';
      byId = new Map(event.articles.map((ref) => [ref.id, corpus.get(prefix + ref.id)]).filter((e): e is [string, Article] => e[1] !== undefined));
    }
    return event.articles.map((ref) => {
      const article = byId.get(ref.id);
      if (!article) throw new TypeError(`narrascope: gold event "${event.event}": article "${ref.id}" not found in ${source.corpus === 'files' ? source.paths.join(', ') : this.pathOf(source.corpus)}`);
      return article;
    });
  }

  #corpus(kind: keyof typeof GOLD_CORPORA): Promise<Map<string, Article>> {
    let loaded = this.#cache.get(kind);
    if (!loaded) {
      loaded = kind === 'basil' ? readBasilById(this.pathOf(kind)) : readTripletsById(this.pathOf(kind));
      this.#cache.set(kind, loaded);
    }
    return loaded;
  }
}

async function readTripletsById(file: string): Promise<Map<string, Article>> {
  const byId = new Map<string, Article>();
  for await (const a of readTriplets(file)) if (!byId.has(a.id)) byId.set(a.id, a);
  return byId;
}

async function readBasilById(file: string): Promise<Map<string, Article>> {
  return new Map((await readBasil(file)).map((b) => [`${b.event}/${b.article.id}`, b.article]));
}
