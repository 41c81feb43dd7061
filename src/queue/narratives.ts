/**
 * The producer side of `compare --queue`'s narrative work: every event of the comparison becomes
 * a `narratives` task (narrative-task.ts) for the queue's workers; the report is then assembled
 * here by `buildReport`, which takes each event's narratives from the workers instead of building
 * them (its `narrativesOf` option). The report is byte for byte a local compare's.
 */
import { mergeActors } from '../07-narratives/index.js';
import type { AnalyzedArticle, NarrativeAnalysis } from '../types/index.js';
import { eventActors, type NarrativeTask } from './narrative-task.js';
import type { QueueProducer } from './producer.js';

/** What `buildReport`'s `narrativesOf` option is given and answers. */
export type NarrativesOf = (event: string, live: readonly AnalyzedArticle[]) => NarrativeAnalysis | undefined;

/** Counters of {@link distributeNarratives}, for the closing line. */
export interface DistributedNarratives {
  readonly narrativesOf: NarrativesOf;
  /** Events whose narratives workers built. */
  readonly events: number;
  /** Events left to the producer (a task failed; it builds them as a local compare would). */
  readonly local: number;
}

/**
 * Have the workers build the narratives of every event of a comparison. `results` and `records`
 * are the analysed articles in report order and their record lines (what the workers read back);
 * `eventOf` names each article's event as `buildReport`'s option of that name does. Events are
 * numbered as `buildReport` numbers them (`e1`, `e2`, ... in order of first appearance), and the
 * answer is checked against the event's articles when the report asks for it, so a mismatch
 * falls back to building locally, never to a wrong report. A comparison of one event is left to
 * the producer: there is nothing to share.
 *
 * @example
 * const { narrativesOf } = await distributeNarratives(results, lines, eventOf, producer);
 * const report = buildReport(results, { eventOf, narrativesOf });
 */
export async function distributeNarratives(
  results: readonly AnalyzedArticle[],
  records: readonly string[],
  eventOf: (article: AnalyzedArticle) => string | null | undefined,
  producer: QueueProducer<NarrativeTask>,
): Promise<DistributedNarratives> {
  if (records.length !== results.length) throw new TypeError(`narrascope: ${results.length} results but ${records.length} record lines`);
  const names: string[] = [];
  const byEvent = new Map<string, number[]>();
  results.forEach((result, i) => {
    const name = eventOf(result) ?? 'all';
    if (!byEvent.has(name)) { byEvent.set(name, []); names.push(name); }
    if (!result.duplicateOf) byEvent.get(name)?.push(i);
  });
  const built = new Map<string, { readonly ids: string; readonly analysis: NarrativeAnalysis }>();
  const idsOf = (articles: readonly AnalyzedArticle[]): string => articles.map((a) => a.id).join('\u0000');
  if (names.length < 2) return { narrativesOf: () => undefined, events: 0, local: names.length };

  const actors = mergeActors(results.filter((r) => !r.duplicateOf));
  let local = 0;
  // At most the producer's window of tasks in flight: its back-pressure, as the runner applies it.
  const inFlight = new Set<Promise<void>>();
  for (const [k, name] of names.entries()) {
    const event = `e${k + 1}`;
    const members = byEvent.get(name) ?? [];
    if (members.length === 0) continue;
    const live = members.map((i) => results[i] as AnalyzedArticle);
    const task: NarrativeTask = { event, records: members.map((i) => records[i] as string), ...eventActors(live, actors) };
    const done: Promise<void> = producer.run(task).then(
      ({ json }) => { built.set(event, { ids: idsOf(live), analysis: JSON.parse(json) as NarrativeAnalysis }); },
      () => { local++; },
    ).finally(() => inFlight.delete(done));
    inFlight.add(done);
    if (inFlight.size >= producer.concurrency) {
      producer.flush();
      await Promise.race(inFlight);
    }
  }
  producer.flush();
  await Promise.all(inFlight);
  return {
    narrativesOf: (event, live) => {
      const answer = built.get(event);
      return answer && answer.ids === idsOf(live) ? answer.analysis : undefined;
    },
    events: built.size,
    local,
  };
}
