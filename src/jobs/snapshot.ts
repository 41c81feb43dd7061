/**
 * What a job keeps of a run to compare it with later runs: the narratives with their claim keys,
 * shares, outlets, backers and disputers; each outlet's cue classes per actor; the conflicts.
 */
import type { DivergenceReport } from '../08-report/index.js';
import type { StanceClass } from '../types/index.js';
import type { ClassCounts, RunSnapshot, SnapshotConflict, SnapshotFraming, SnapshotNarrative } from '../types/drift.js';
import { claimKey, idOrder } from './stable-ids.js';

/** Claim keys of each narrative of a report, by narrative id (outlet + folded claim text). */
export function claimKeysOf(report: DivergenceReport): Map<string, string[]> {
  const outletOf = new Map(report.articles.map((a) => [a.id, a.outlet]));
  return new Map(report.narratives.map((n) => [n.id, [...new Set(n.claims.map((c) => claimKey(outletOf.get(c.articleId) ?? c.articleId, c.text)))]]));
}

/**
 * The snapshot of a run from its report, whose narratives already carry stable ids.
 *
 * @example
 * const snapshot = snapshotOf(report, { runId: 3, job: 'default', startedAt, articles: 6 });
 */
export function snapshotOf(report: DivergenceReport, run: { readonly runId: number; readonly job: string; readonly startedAt: string; readonly articles: number }): RunSnapshot {
  const actorName = new Map(report.actors.map((a) => [a.id, a.name]));
  const name = (id: string): string => actorName.get(id) ?? id;
  const keys = claimKeysOf(report);
  const eventName = new Map(report.events.map((e) => [e.id, e.name]));
  const total = report.narratives.reduce((sum, n) => sum + n.claims.length, 0);
  const narratives = report.narratives.map((n): SnapshotNarrative => {
    const claimKeys = keys.get(n.id) ?? [];
    return {
      id: n.id,
      reportId: n.id,
      event: eventName.get(n.event) ?? n.event,
      label: n.label,
      claimKeys,
      claims: n.claims.length,
      share: total === 0 ? 0 : Math.round((n.claims.length / total) * 1000) / 1000,
      outlets: [...n.outlets].sort(),
      backers: [...new Set(n.backers.map(name))].sort(),
      disputers: [...new Set(n.disputers.map(name))].sort(),
    };
  }).sort((a, b) => idOrder(a.id, b.id));
  // An outlet's framing of an actor, summed over the events it covers.
  const framing = new Map<string, { outlet: string; actor: string; classes: Partial<Record<StanceClass, number>> }>();
  for (const outlet of report.outlets) {
    for (const f of outlet.framing) {
      const actor = name(f.actorId);
      const key = `${outlet.outlet}\u0000${actor}`;
      const entry = framing.get(key) ?? { outlet: outlet.outlet, actor, classes: {} };
      entry.classes[f.class] = (entry.classes[f.class] ?? 0) + f.count;
      framing.set(key, entry);
    }
  }
  const conflicts = report.conflicts.map((c): SnapshotConflict => {
    const [a, b] = idOrder(c.a, c.b) <= 0 ? [c.a, c.b] : [c.b, c.a];
    return { a, b, reason: c.reason };
  });
  return {
    runId: run.runId,
    job: run.job,
    startedAt: run.startedAt,
    articles: run.articles,
    outlets: [...new Set(report.articles.map((a) => a.outlet))].sort(),
    narratives,
    framing: [...framing.values()]
      .map((f): SnapshotFraming => ({ outlet: f.outlet, actor: f.actor, classes: f.classes as ClassCounts }))
      .sort((a, b) => a.outlet.localeCompare(b.outlet) || a.actor.localeCompare(b.actor)),
    conflicts,
  };
}
