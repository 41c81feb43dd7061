import { candidatePairs } from './candidates.js';
import type { EventAssignment, EventInput, EventOptions } from './types.js';
import { cosine, termVectors, type TermVector } from './vectors.js';
import { wireCopies } from './wire-copy.js';

const DAY = 86_400_000;

function check(name: string, value: number, ok: boolean): number {
  if (!ok) throw new TypeError(`narrascope: event option ${name} out of range: ${value}`);
  return value;
}

/**
 * Union-find over article indexes, tracking members and the sum of their vectors: the mean cosine
 * over all cross pairs of two groups is `sumA . sumB / (|A| |B|)`, so average-link costs one
 * sparse dot product per merge attempt, whatever the group sizes.
 */
class Clusters {
  readonly #parent: number[];
  readonly members: number[][];
  // A singleton's sum is its own vector (shared, never written); a group gets its own map when
  // it first grows, so memory stays one vector per article plus one map per merged group.
  readonly sums: ReadonlyMap<string, number>[];
  constructor(vectors: readonly TermVector[]) {
    this.#parent = vectors.map((_, i) => i);
    this.members = vectors.map((_, i) => [i]);
    this.sums = [...vectors];
  }
  averageLink(a: number, b: number): number {
    const size = (this.members[a]?.length ?? 1) * (this.members[b]?.length ?? 1);
    return cosine(this.sums[a] ?? new Map(), this.sums[b] ?? new Map()) / size;
  }
  find(i: number): number {
    let root = i;
    while (this.#parent[root] !== root) root = this.#parent[root] ?? root;
    while (this.#parent[i] !== root) { const next = this.#parent[i] ?? root; this.#parent[i] = root; i = next; }
    return root;
  }
  union(a: number, b: number): void {
    const [big, small] = (this.members[a]?.length ?? 0) >= (this.members[b]?.length ?? 0) ? [a, b] : [b, a];
    this.#parent[small] = big;
    this.members[big]?.push(...(this.members[small] ?? []));
    this.members[small] = [];
    const into = new Map(this.sums[big]);
    for (const [term, weight] of this.sums[small] ?? []) into.set(term, (into.get(term) ?? 0) + weight);
    this.sums[big] = into;
    this.sums[small] = new Map();
  }
}

/**
 * Which articles cover the same event, for corpora without a group field.
 *
 * 1. Title + lead become TF-IDF vectors (names weigh double, see `terms.ts`).
 * 2. Candidate pairs come from an inverted index of rare heavy terms (never all pairs).
 * 3. Pairs within `windowDays` and at or above `threshold` cosine are merged, most similar first,
 *    average-link: two groups join only if their articles are on average similar enough, so one
 *    loose link ("Trump" + "debate") does not chain two debates into one event.
 * 4. Inside each event, near-identical text from another outlet is flagged `wireCopyOf`.
 *
 * Output is in input order; the event id is `e` + the input index of the event's first article.
 *
 * @example
 * groupEvents([
 *   { id: 'a', outlet: 'X', date: '2024-03-22', title: 'Gunmen attack concert hall near Moscow', text: '...' },
 *   { id: 'b', outlet: 'Y', date: '2024-03-23', title: 'Moscow concert hall attack kills dozens', text: '...' },
 * ]) // [{ id: 'a', event: 'e0' }, { id: 'b', event: 'e0' }]
 */
export function groupEvents(articles: readonly EventInput[], options: EventOptions = {}): EventAssignment[] {
  const windowDays = options.windowDays ?? 3;
  const threshold = options.threshold ?? 0.25;
  const leadChars = options.leadChars ?? 1000;
  const wireThreshold = options.wireCopyThreshold ?? 0.7;
  check('windowDays', windowDays, windowDays >= 0);
  check('threshold', threshold, threshold > 0 && threshold <= 1);
  check('leadChars', leadChars, Number.isInteger(leadChars) && leadChars > 0);
  check('wireCopyThreshold', wireThreshold, wireThreshold > 0 && wireThreshold <= 1);

  const n = articles.length;
  const { vectors, df } = termVectors(articles, leadChars);
  const times = articles.map((a) => (a.date ? Date.parse(a.date) : Number.NaN));
  const maxPosting = Math.max(50, Math.ceil(Math.sqrt(n) * 4));
  const scored: Array<readonly [number, number, number]> = [];
  for (const [i, j] of candidatePairs(vectors, df, 10, maxPosting)) {
    const ti = times[i] ?? Number.NaN;
    const tj = times[j] ?? Number.NaN;
    if (!Number.isNaN(ti) && !Number.isNaN(tj) && Math.abs(ti - tj) > windowDays * DAY) continue;
    const similarity = cosine(vectors[i] ?? new Map(), vectors[j] ?? new Map());
    if (similarity >= threshold) scored.push([i, j, similarity]);
  }
  scored.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);

  const clusters = new Clusters(vectors);
  for (const [i, j] of scored) {
    const a = clusters.find(i);
    const b = clusters.find(j);
    if (a === b) continue;
    if (clusters.averageLink(a, b) >= threshold) clusters.union(a, b);
  }

  const eventOf = new Map<number, string>();
  const wire = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const root = clusters.find(i);
    if (eventOf.has(root)) continue;
    const members = [...(clusters.members[root] ?? [])].sort((x, y) => x - y);
    eventOf.set(root, `e${members[0] ?? i}`);
    for (const [copy, original] of wireCopies(articles, members, wireThreshold)) wire.set(copy, original);
  }
  return articles.map((article, i) => {
    const original = wire.get(i);
    const originalId = original === undefined ? undefined : articles[original]?.id;
    return { id: article.id, event: eventOf.get(clusters.find(i)) ?? `e${i}`, ...(originalId !== undefined ? { wireCopyOf: originalId } : {}) };
  });
}
