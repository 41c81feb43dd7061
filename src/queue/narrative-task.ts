/**
 * The per-event narrative work of `compare --queue`, as a queue task: one event's analysed
 * articles (their record lines, read back with `fromRecord`) and the part of the comparison's
 * cross-article actors they use, in; the event's `NarrativeAnalysis` (JSON), out. Events are
 * independent, so any worker can build any event's narratives; the producer assembles the report
 * (src/08-report) from them, byte-identical to a local compare.
 */
import { buildNarratives, claimRelations, type ClaimRelationModel, type CrossActors } from '../07-narratives/index.js';
import { fromRecord } from '../record/index.js';
import type { AnalyzedArticle, CrossActor } from '../types/index.js';

/** One event to build narratives for (plain data: it travels through Redis as JSON). */
export interface NarrativeTask {
  /** The event's id in the report (`e3`): it prefixes the ids of claims and narratives. */
  readonly event: string;
  /** The event's articles that are not duplicates, in report order, as record lines. */
  readonly records: readonly string[];
  /** The comparison's cross-article actors that these articles mention, in comparison order. */
  readonly actors: readonly CrossActor[];
  /** Per article-local actor: `[articleId, actorId, crossActorId]` (the comparison's `idOf`). */
  readonly ids: readonly (readonly [string, string, string])[];
}

/**
 * The slice of a comparison's cross-actors that one event's articles need: the actors they
 * mention, in comparison order (the narratives stage reads them in that order), and the lookup of
 * their local actor ids. `buildNarratives` only ever asks about the event's own articles.
 *
 * @example eventActors(live, mergeActors(all)) // { actors: [A1, A7], ids: [['a1', 'p1', 'A1'], ...] }
 */
export function eventActors(articles: readonly AnalyzedArticle[], actors: CrossActors): Pick<NarrativeTask, 'actors' | 'ids'> {
  const ids: [string, string, string][] = [];
  for (const article of articles) {
    for (const actor of article.actors) {
      const id = actors.idOf(article.id, actor.id);
      if (id !== undefined) ids.push([article.id, actor.id, id]);
    }
  }
  const wanted = new Set(ids.map(([, , id]) => id));
  const members = new Set(articles.map((a) => a.id));
  return {
    // Members outside the event are not read by the narratives stage; leaving them out keeps a
    // widely quoted actor ("Donald Trump" in 10,000 articles) from weighing on every task.
    actors: actors.actors.filter((a) => wanted.has(a.id)).map((a) => ({ ...a, members: a.members.filter((m) => members.has(m.articleId)) })),
    ids,
  };
}

/** The {@link CrossActors} lookup a task carries. */
function crossActorsOf(task: NarrativeTask): CrossActors {
  const byLocal = new Map(task.ids.map(([articleId, actorId, id]) => [`${articleId}\u0000${actorId}`, id]));
  return {
    actors: task.actors,
    idOf: (articleId, actorId) => (actorId ? byLocal.get(`${articleId}\u0000${actorId}`) : undefined),
  };
}

// One relation model per thread, as one per comparison in a local compare (its cache only
// remembers prepared texts; it never changes an answer).
let relations: ClaimRelationModel | undefined;

/**
 * Build one event's narratives, as `buildReport` does for it locally; returns the analysis as
 * JSON (plain data: strings, numbers, booleans, arrays; it survives the round trip exactly).
 */
export function runNarrativeTask(task: NarrativeTask): string {
  relations ??= claimRelations();
  const articles = task.records.map((line) => fromRecord(JSON.parse(line)));
  return JSON.stringify(buildNarratives(articles, crossActorsOf(task), task.event, { relations }));
}
