/**
 * What a scheduled job keeps of each run, and what changed between two runs (the drift report).
 * Plain, read-only, JSON-serialisable data, like every type in this folder; no logic.
 *
 * A run's narratives carry *stable* ids (`N1`, `N2`, ...): a narrative of a new run takes the id of
 * the narrative of the previous run it shares most claims with, so one story can be followed over
 * time even though each run re-clusters all its claims from scratch.
 */
import type { StanceClass } from './index.js';

/** Cue classes an outlet used for what one actor says, with counts. */
export type ClassCounts = Readonly<Partial<Record<StanceClass, number>>>;

/** One narrative of a stored run. */
export interface SnapshotNarrative {
  /** Stable id across the runs of one job ("N3"). */
  readonly id: string;
  /** The narrative's id inside that run's report ("e1.n2"). */
  readonly reportId: string;
  /** Name of the event (group) the narrative belongs to in that run. */
  readonly event: string;
  readonly label: string;
  /**
   * Keys of its claims: a hash of the outlet and the normalised claim text, so a claim keeps its
   * key when its article is re-read or lightly edited. Matching runs compares these sets.
   */
  readonly claimKeys: readonly string[];
  /** Number of claims (`claimKeys.length`). */
  readonly claims: number;
  /** Its claims over all narrative claims of the run, in [0, 1]. */
  readonly share: number;
  /** Outlets carrying it, sorted. */
  readonly outlets: readonly string[];
  /** Names of the actors backing it. */
  readonly backers: readonly string[];
  /** Names of the actors disputing it. */
  readonly disputers: readonly string[];
}

/** How one outlet framed one actor in a run: the cue classes of the actor's attributed claims. */
export interface SnapshotFraming {
  readonly outlet: string;
  /** The actor's display name (actor ids are per report; names carry across runs). */
  readonly actor: string;
  readonly classes: ClassCounts;
}

/** Two narratives of a run in conflict, by stable id (`a` < `b`). */
export interface SnapshotConflict {
  readonly a: string;
  readonly b: string;
  readonly reason: string;
}

/** What a job keeps of one run to compare it with other runs. */
export interface RunSnapshot {
  readonly runId: number;
  readonly job: string;
  /** ISO 8601. */
  readonly startedAt: string;
  /** Articles in the run (analysed or reused). */
  readonly articles: number;
  /** Outlets present in the run, sorted. */
  readonly outlets: readonly string[];
  readonly narratives: readonly SnapshotNarrative[];
  readonly framing: readonly SnapshotFraming[];
  readonly conflicts: readonly SnapshotConflict[];
}

/** A run named in a drift report. */
export interface DriftRun {
  readonly runId: number;
  readonly startedAt: string;
}

/** A narrative compared between the two runs (a side it is absent from has 0 claims and share). */
export interface NarrativeDelta {
  readonly id: string;
  readonly label: string;
  readonly event: string;
  readonly claimsFrom: number;
  readonly claimsTo: number;
  readonly shareFrom: number;
  readonly shareTo: number;
  /** Outlets carrying it in the later run (in the earlier one for a vanished narrative). */
  readonly outlets: readonly string[];
}

/** An outlet that started or stopped carrying a narrative. */
export interface OutletChange {
  readonly narrativeId: string;
  readonly label: string;
  readonly outlet: string;
  readonly change: 'started' | 'stopped';
}

/** An outlet that framed an actor with different cue classes in the later run. */
export interface FramingChange {
  readonly outlet: string;
  readonly actor: string;
  readonly from: ClassCounts;
  readonly to: ClassCounts;
  /** Most frequent class in each run (null when the actor was not quoted by the outlet). */
  readonly dominantFrom: StanceClass | null;
  readonly dominantTo: StanceClass | null;
  /** Jensen-Shannon divergence (base 2) of the two class distributions, in [0, 1]. */
  readonly divergence: number;
}

/** A conflict present in the later run and not in the earlier one. */
export interface ConflictChange {
  readonly a: string;
  readonly b: string;
  readonly labelA: string;
  readonly labelB: string;
  readonly reason: string;
}

/** Narrative shares over a job's stored runs, oldest first. */
export interface DriftTimeline {
  readonly runs: readonly DriftRun[];
  /** One series per narrative seen in any of the runs; `shares[i]` belongs to `runs[i]` (0 when absent). */
  readonly series: readonly { readonly id: string; readonly label: string; readonly shares: readonly number[] }[];
}

/** What changed between two runs of a job. */
export interface DriftReport {
  readonly job: string;
  /** The earlier run; null for a job's first run (everything is new). */
  readonly from: DriftRun | null;
  readonly to: DriftRun;
  readonly new: readonly NarrativeDelta[];
  readonly vanished: readonly NarrativeDelta[];
  readonly growing: readonly NarrativeDelta[];
  readonly shrinking: readonly NarrativeDelta[];
  /** Narratives in both runs that neither grew nor shrank. */
  readonly steady: number;
  readonly outlets: readonly OutletChange[];
  readonly framing: readonly FramingChange[];
  readonly conflicts: readonly ConflictChange[];
  readonly timeline: DriftTimeline;
}
