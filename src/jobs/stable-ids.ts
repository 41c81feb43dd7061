/**
 * Stable narrative ids across runs. Each run clusters its claims from scratch, so its narratives
 * come out with fresh report ids (`e1.n2`); a job wants to follow one story over time. A new
 * narrative takes the stable id of the earlier narrative it shares most claims with.
 */
import { createHash } from 'node:crypto';
import type { DivergenceReport, ReportConflict, ReportNarrative, ReportOutlet, ReportQuestion } from '../08-report/index.js';

/**
 * The key of a claim: its outlet and its text with case, spacing and quote marks folded. A claim
 * keeps its key when its article is re-read, re-ordered or lightly edited around it; the same
 * sentence in two outlets (wire copy) gives two keys, since each outlet carries it.
 *
 * @example claimKey('Reuters', '“ISIS-K  claimed it”') === claimKey('Reuters', '"isis-k claimed it"')
 */
export function claimKey(outlet: string, text: string): string {
  const folded = text.toLowerCase().replace(/[\u2018\u2019\u201c\u201d"'`]/g, '').replace(/\s+/g, ' ').trim();
  return createHash('sha1').update(outlet).update('\u0000').update(folded).digest('base64url').slice(0, 16);
}

/** A narrative to match: its id and claim keys. */
export interface KeyedNarrative {
  readonly id: string;
  readonly claimKeys: readonly string[];
}

/** Options of {@link matchNarratives}. */
export interface MatchOptions {
  /**
   * Least overlap, shared claims over the claims of the smaller narrative, for a match. 0.5: a
   * narrative that doubled (old claims plus as many new) keeps its id; one that shares a single
   * claim of five with an old one does not.
   * @default 0.5
   */
  readonly minOverlap?: number;
}

/**
 * Match current narratives to earlier ones, one to one: every pair sharing claims is scored by
 * overlap (shared / smaller size), and pairs are taken greedily, best first (ties: more shared
 * claims, then the earlier id), so a narrative that split keeps its id in the larger part and the
 * other part gets a new one. `previous` may hold each id's latest appearance over all stored
 * runs, so a narrative that returns after a gap gets its old id back.
 *
 * @returns current id -> previous id, for the matched narratives only
 * @example
 * matchNarratives([{ id: 'e1.n1', claimKeys: ['a', 'b', 'c'] }], [{ id: 'N4', claimKeys: ['a', 'b'] }]);
 * // Map { 'e1.n1' => 'N4' }
 */
export function matchNarratives(current: readonly KeyedNarrative[], previous: readonly KeyedNarrative[], options: MatchOptions = {}): Map<string, string> {
  const minOverlap = options.minOverlap ?? 0.5;
  const owners = new Map<string, number[]>();
  previous.forEach((p, i) => {
    for (const key of new Set(p.claimKeys)) owners.set(key, [...(owners.get(key) ?? []), i]);
  });
  const pairs: { c: number; p: number; shared: number; overlap: number }[] = [];
  current.forEach((narrative, c) => {
    const shared = new Map<number, number>();
    for (const key of new Set(narrative.claimKeys)) for (const p of owners.get(key) ?? []) shared.set(p, (shared.get(p) ?? 0) + 1);
    const size = new Set(narrative.claimKeys).size;
    for (const [p, count] of shared) {
      const overlap = count / Math.min(size, new Set(previous[p]?.claimKeys).size);
      if (overlap >= minOverlap) pairs.push({ c, p, shared: count, overlap });
    }
  });
  pairs.sort((x, y) => y.overlap - x.overlap || y.shared - x.shared || idOrder(previous[x.p]?.id ?? '', previous[y.p]?.id ?? '') || x.c - y.c);
  const taken = new Set<number>();
  const matched = new Map<string, string>();
  for (const pair of pairs) {
    const c = current[pair.c];
    const p = previous[pair.p];
    if (!c || !p || matched.has(c.id) || taken.has(pair.p)) continue;
    matched.set(c.id, p.id);
    taken.add(pair.p);
  }
  return matched;
}

/** Order of stable ids by number ("N2" before "N10"), then as text. */
export function idOrder(a: string, b: string): number {
  const na = Number(a.replace(/^N/, ''));
  const nb = Number(b.replace(/^N/, ''));
  return Number.isFinite(na) && Number.isFinite(nb) && na !== nb ? na - nb : a.localeCompare(b);
}

/**
 * The report with every narrative id replaced through `ids` (report id -> stable id): narratives,
 * questions, conflicts, and the outlets' shares, omissions (and what they rest on), coverage and voice. Ids not in `ids`
 * stay as they are.
 */
export function renameNarratives(report: DivergenceReport, ids: ReadonlyMap<string, string>): DivergenceReport {
  const to = (id: string): string => ids.get(id) ?? id;
  const rekey = <V>(record: Readonly<Record<string, V>>): Record<string, V> =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [to(k), v]));
  const narratives = report.narratives.map((n): ReportNarrative => ({ ...n, id: to(n.id) }));
  const conflicts = report.conflicts.map((c): ReportConflict => ({ ...c, a: to(c.a), b: to(c.b) }));
  const outlets = report.outlets.map((o): ReportOutlet => ({ ...o, shares: rekey(o.shares), omitted: o.omitted.map(to), ...(o.unnamed ? { unnamed: rekey(o.unnamed) } : {}), coverage: rekey(o.coverage), voice: rekey(o.voice) }));
  const questions = report.questions.map((q): ReportQuestion => ({ ...q, narratives: q.narratives.map(to) }));
  return { ...report, questions, narratives, conflicts, outlets };
}
