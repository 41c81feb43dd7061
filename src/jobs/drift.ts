/**
 * Drift: what changed between two runs of a scheduled job, computed from their stored snapshots
 * (narratives with stable ids, outlet framing, conflicts), plus the narrative shares over the
 * job's recent runs. Pure: snapshots in, a JSON-serialisable `DriftReport` out.
 */
import { jensenShannon, round } from '../08-report/divergence.js';
import type { StanceClass } from '../types/index.js';
import type {
  ClassCounts,
  ConflictChange,
  DriftReport,
  DriftRun,
  DriftTimeline,
  FramingChange,
  NarrativeDelta,
  OutletChange,
  RunSnapshot,
  SnapshotFraming,
  SnapshotNarrative,
} from '../types/drift.js';

/** Thresholds of `computeDrift`. */
export interface DriftOptions {
  /**
   * A narrative in both runs grows (shrinks) when its share of the run's narrative claims rises
   * (falls) by at least this much, in share points.
   * @default 0.05
   * @example { minShareChange: 0.1 } // only moves of ten points or more
   */
  readonly minShareChange?: number;
  /**
   * ... or, when its share moved less than that, when its claim count is multiplied (divided) by at
   * least this factor, with at least `minClaimChange` claims of difference.
   * @default 1.5
   * @example { claimRatio: 2 } // claims must double (halve)
   */
  readonly claimRatio?: number;
  /**
   * Fewest claims of difference for a claim-count change to count (so 1 -> 2 claims is no growth).
   * @default 2
   * @example { minClaimChange: 5 }
   */
  readonly minClaimChange?: number;
  /**
   * An outlet's framing of an actor changed when the Jensen-Shannon divergence of its cue classes
   * in the two runs is at least this (or its dominant class changed), with enough cues on each side.
   * @default 0.3
   * @example { framingDivergence: 0.5 }
   */
  readonly framingDivergence?: number;
  /**
   * Fewest cues an (outlet, actor) pair needs in *each* run for its framing to be compared at all.
   * @default 2
   * @example { minFramingCues: 3 }
   */
  readonly minFramingCues?: number;
  /**
   * Most runs in the timeline: the latest ones, ending with the later run.
   * @default 30
   * @example { timelineRuns: 10 }
   */
  readonly timelineRuns?: number;
}

const DEFAULTS: Required<DriftOptions> = {
  minShareChange: 0.05,
  claimRatio: 1.5,
  minClaimChange: 2,
  framingDivergence: 0.3,
  minFramingCues: 2,
  timelineRuns: 30,
};

// Shares are stored rounded, so 0.35 - 0.30 is 0.04999...: compare with this much slack.
const EPSILON = 1e-9;

/**
 * What changed from run `from` to run `to` of one job.
 *
 * - `new`: narratives of `to` whose stable id is not in `from` (all of them when `from` is null);
 *   `vanished`: narratives of `from` not in `to`.
 * - For a narrative in both runs, with `Δshare = shareTo - shareFrom`:
 *   - the *share signal* is up when `Δshare >= minShareChange`, down when `Δshare <= -minShareChange`
 *     (compared with 1e-9 of slack, as stored shares are rounded; a share that did not move gives no
 *     signal even with `minShareChange: 0`);
 *   - the *claim signal* is up when `claimsTo >= claimsFrom × claimRatio` and
 *     `claimsTo - claimsFrom >= minClaimChange`, down when `claimsFrom >= claimsTo × claimRatio` and
 *     `claimsFrom - claimsTo >= minClaimChange`;
 *   - it is `growing` (`shrinking`) when the share signal is up (down); when the share signal is
 *     silent, the claim signal decides; so share wins when the two disagree. Otherwise it is steady.
 * - `outlets`: for narratives in both runs, outlets that started or stopped carrying them; every
 *   outlet of a new narrative has 'started' and every outlet of a vanished one 'stopped'. Sorted by
 *   the number in the narrative id (N2 before N10), then outlet.
 * - `framing`: only (outlet, actor) pairs present in both runs, with at least `minFramingCues` cues
 *   on each side, whose divergence is at least `framingDivergence` or whose dominant class changed
 *   (the most frequent classes of the two runs, ties included, have none in common).
 * - `conflicts`: conflicts of `to` whose unordered pair of ids is not a conflict of `from`.
 * - `timeline`: `history`, `from` and `to` together (runs of other jobs and runs after `to` left
 *   out, `to` replacing a stored run of its id), sorted by run id, the last `timelineRuns` kept.
 *
 * Shares are rounded to three decimals; deltas are ordered by the share that matters (`shareTo` for
 * new and growing, `shareFrom` for vanished and shrinking), largest first, then by id.
 * @throws {TypeError} when the runs belong to different jobs, `from` is not earlier than `to`, or an
 * option is out of range.
 * @example computeDrift(previous, latest, allRuns).new.map((d) => d.label)
 */
export function computeDrift(from: RunSnapshot | null, to: RunSnapshot, history: readonly RunSnapshot[], options: DriftOptions = {}): DriftReport {
  const o = checkOptions(options);
  if (from && from.job !== to.job) throw new TypeError(`narrascope: cannot compare runs of different jobs ("${from.job}" and "${to.job}")`);
  if (from && from.runId >= to.runId) throw new TypeError(`narrascope: expected the earlier run first, got run ${from.runId} then run ${to.runId}`);

  const before = new Map((from?.narratives ?? []).map((n) => [n.id, n]));
  const after = new Map(to.narratives.map((n) => [n.id, n]));
  const fresh: NarrativeDelta[] = [];
  const vanished: NarrativeDelta[] = [];
  const growing: NarrativeDelta[] = [];
  const shrinking: NarrativeDelta[] = [];
  let steady = 0;
  for (const n of to.narratives) {
    const old = before.get(n.id);
    if (!old) fresh.push(delta(null, n));
    else {
      const direction = trend(old, n, o);
      if (direction === 0) steady++;
      else (direction > 0 ? growing : shrinking).push(delta(old, n));
    }
  }
  for (const n of before.values()) if (!after.has(n.id)) vanished.push(delta(n, null));

  return {
    job: to.job,
    from: from ? runOf(from) : null,
    to: runOf(to),
    new: fresh.sort(byShare('shareTo')),
    vanished: vanished.sort(byShare('shareFrom')),
    growing: growing.sort(byShare('shareTo')),
    shrinking: shrinking.sort(byShare('shareFrom')),
    steady,
    outlets: outletChanges(before, after),
    framing: framingChanges(from?.framing ?? [], to.framing, o),
    conflicts: conflictChanges(from, to),
    timeline: timelineOf(from, to, history, o.timelineRuns),
  };
}

function checkOptions(options: DriftOptions): Required<DriftOptions> {
  // An option given as undefined (from JavaScript, or a parsed config) keeps its default.
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as DriftOptions;
  const o = { ...DEFAULTS, ...given };
  const expect = (ok: boolean, what: string): void => {
    if (!ok) throw new TypeError(`narrascope: drift option ${what}`);
  };
  for (const key of ['minShareChange', 'minClaimChange', 'framingDivergence', 'minFramingCues'] as const) {
    expect(Number.isFinite(o[key]) && o[key] >= 0, `${key} must be a number >= 0, got ${String(o[key])}`);
  }
  expect(Number.isFinite(o.claimRatio) && o.claimRatio >= 1, `claimRatio must be a number >= 1, got ${String(o.claimRatio)}`);
  expect(Number.isInteger(o.timelineRuns) && o.timelineRuns >= 1, `timelineRuns must be an integer >= 1, got ${String(o.timelineRuns)}`);
  return o;
}

/** 1 growing, -1 shrinking, 0 steady (the rule is in `computeDrift`'s JSDoc). */
function trend(old: SnapshotNarrative, now: SnapshotNarrative, o: Required<DriftOptions>): -1 | 0 | 1 {
  const share = now.share - old.share;
  if (Math.abs(share) > EPSILON && Math.abs(share) >= o.minShareChange - EPSILON) return share > 0 ? 1 : -1;
  if (now.claims >= old.claims * o.claimRatio && now.claims - old.claims >= o.minClaimChange) return 1;
  if (old.claims >= now.claims * o.claimRatio && old.claims - now.claims >= o.minClaimChange) return -1;
  return 0;
}

function delta(old: SnapshotNarrative | null, now: SnapshotNarrative | null): NarrativeDelta {
  // Name and outlets come from the later side when there is one: that is what readers see now.
  const shown = now ?? old;
  if (!shown) throw new TypeError('narrascope: a narrative delta needs at least one side');
  return {
    id: shown.id,
    label: shown.label,
    event: shown.event,
    claimsFrom: old?.claims ?? 0,
    claimsTo: now?.claims ?? 0,
    shareFrom: round(old?.share ?? 0),
    shareTo: round(now?.share ?? 0),
    outlets: shown.outlets,
  };
}

const byShare = (key: 'shareFrom' | 'shareTo') => (a: NarrativeDelta, b: NarrativeDelta): number => b[key] - a[key] || compareIds(a.id, b.id);

/** Stable ids in the order of their number ("N2" before "N10"), plain text order otherwise. */
function compareIds(a: string, b: string): number {
  const na = /\d+/.exec(a);
  const nb = /\d+/.exec(b);
  if (na && nb && Number(na[0]) !== Number(nb[0])) return Number(na[0]) - Number(nb[0]);
  return a < b ? -1 : a > b ? 1 : 0;
}

function runOf(snapshot: RunSnapshot): DriftRun {
  return { runId: snapshot.runId, startedAt: snapshot.startedAt };
}

function outletChanges(before: ReadonlyMap<string, SnapshotNarrative>, after: ReadonlyMap<string, SnapshotNarrative>): OutletChange[] {
  const changes: OutletChange[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(id);
    const now = after.get(id);
    const label = (now ?? old)?.label ?? id;
    const was = new Set(old?.outlets ?? []);
    const is = new Set(now?.outlets ?? []);
    for (const outlet of is) if (!was.has(outlet)) changes.push({ narrativeId: id, label, outlet, change: 'started' });
    for (const outlet of was) if (!is.has(outlet)) changes.push({ narrativeId: id, label, outlet, change: 'stopped' });
  }
  return changes.sort((a, b) => compareIds(a.narrativeId, b.narrativeId) || compareText(a.outlet, b.outlet));
}

function framingChanges(before: readonly SnapshotFraming[], after: readonly SnapshotFraming[], o: Required<DriftOptions>): FramingChange[] {
  const key = (f: SnapshotFraming): string => JSON.stringify([f.outlet, f.actor]);
  const old = new Map(before.map((f) => [key(f), f]));
  const changes: FramingChange[] = [];
  for (const now of after) {
    const was = old.get(key(now));
    if (!was) continue;
    const a = countsOf(was.classes);
    const b = countsOf(now.classes);
    if (total(a) < o.minFramingCues || total(b) < o.minFramingCues) continue;
    const divergence = jensenShannon(a, b);
    const topA = topClasses(a);
    const topB = topClasses(b);
    const dominantChanged = !topA.some((c) => topB.includes(c));
    if (divergence < o.framingDivergence - EPSILON && !dominantChanged) continue;
    changes.push({ outlet: now.outlet, actor: now.actor, from: was.classes, to: now.classes, dominantFrom: topA[0] ?? null, dominantTo: topB[0] ?? null, divergence });
  }
  return changes.sort((a, b) => b.divergence - a.divergence || compareText(a.outlet, b.outlet) || compareText(a.actor, b.actor));
}

function countsOf(classes: ClassCounts): Map<string, number> {
  return new Map(Object.entries(classes).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0));
}

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const n of counts.values()) sum += n;
  return sum;
}

/** The most frequent classes, ties included, in class-name order (so `[0]` is a stable "dominant"). */
function topClasses(counts: ReadonlyMap<string, number>): StanceClass[] {
  const max = Math.max(0, ...counts.values());
  if (max === 0) return [];
  return [...counts].filter(([, n]) => n === max).map(([c]) => c as StanceClass).sort(compareText);
}

function conflictChanges(from: RunSnapshot | null, to: RunSnapshot): ConflictChange[] {
  // {a, b} is unordered: a conflict stored as (N3, N1) before is the same as (N1, N3) now.
  const pair = (a: string, b: string): string => JSON.stringify(compareIds(a, b) <= 0 ? [a, b] : [b, a]);
  const known = new Set((from?.conflicts ?? []).map((c) => pair(c.a, c.b)));
  const labels = new Map(to.narratives.map((n) => [n.id, n.label]));
  return to.conflicts
    .filter((c) => !known.has(pair(c.a, c.b)))
    .map((c) => ({ a: c.a, b: c.b, labelA: labels.get(c.a) ?? c.a, labelB: labels.get(c.b) ?? c.b, reason: c.reason }))
    .sort((x, y) => compareIds(x.a, y.a) || compareIds(x.b, y.b));
}

function timelineOf(from: RunSnapshot | null, to: RunSnapshot, history: readonly RunSnapshot[], most: number): DriftTimeline {
  const runs = new Map<number, RunSnapshot>();
  for (const s of [...history, ...(from ? [from] : [])]) {
    if (s.job === to.job && s.runId < to.runId && !runs.has(s.runId)) runs.set(s.runId, s);
  }
  runs.set(to.runId, to);
  const kept = [...runs.values()].sort((a, b) => a.runId - b.runId).slice(-most);
  const labels = new Map<string, string>();
  for (const run of kept) for (const n of run.narratives) labels.set(n.id, n.label); // later runs overwrite
  const shares = kept.map((run) => new Map(run.narratives.map((n) => [n.id, n.share])));
  const series = [...labels].map(([id, label]) => ({ id, label, shares: shares.map((of) => round(of.get(id) ?? 0)) }));
  const last = (s: { shares: readonly number[] }): number => s.shares[s.shares.length - 1] ?? 0;
  series.sort((a, b) => last(b) - last(a) || compareIds(a.id, b.id));
  return { runs: kept.map(runOf), series };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
