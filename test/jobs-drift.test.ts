// Drift between two runs of a job: narratives new, vanished, growing, shrinking or steady; outlets
// that started or stopped carrying them; framing changes; new conflicts; the share timeline.
import { describe, expect, it } from 'vitest';
import { computeDrift, type DriftOptions } from '../src/jobs/drift.js';
import type { ClassCounts, DriftReport, RunSnapshot, SnapshotNarrative } from '../src/types/drift.js';

/** A narrative of a snapshot: `claims` claims, `share` of the run, carried by `outlets`. */
const n = (id: string, claims: number, share: number, outlets: readonly string[] = ['BBC'], label = `story ${id}`): SnapshotNarrative => ({
  id,
  reportId: `e1.${id.toLowerCase()}`,
  event: 'Crocus attack',
  label,
  claimKeys: Array.from({ length: claims }, (_, i) => `${id}-${i}`),
  claims,
  share,
  outlets,
  backers: [],
  disputers: [],
});

const run = (runId: number, narratives: readonly SnapshotNarrative[], extra: Partial<RunSnapshot> = {}): RunSnapshot => ({
  runId,
  job: 'crocus',
  startedAt: `2026-01-0${runId}T06:00:00Z`,
  articles: 12,
  outlets: ['BBC', 'RT', 'TASS'],
  narratives,
  framing: [],
  conflicts: [],
  ...extra,
});

const framed = (runId: number, outlet: string, actor: string, classes: ClassCounts): RunSnapshot =>
  run(runId, [n('N1', 4, 1)], { framing: [{ outlet, actor, classes }] });

const ids = (deltas: readonly { id: string }[]): string[] => deltas.map((d) => d.id);

describe('computeDrift: narratives and outlets', () => {
  const base = n('N1', 6, 0.5, ['BBC', 'RT']);
  it.each<[string, RunSnapshot | null, RunSnapshot, Partial<Record<'new' | 'vanished' | 'growing' | 'shrinking', string[]>> & { steady: number }, DriftOptions?]>([
    ['a new narrative', run(1, [base]), run(2, [base, n('N2', 3, 0.2)]), { new: ['N2'], steady: 1 }],
    ['a vanished narrative', run(1, [base, n('N2', 3, 0.2)]), run(2, [base]), { vanished: ['N2'], steady: 1 }],
    ['growing by share (exactly the threshold: 0.30 -> 0.35)', run(1, [n('N1', 3, 0.3)]), run(2, [n('N1', 3, 0.35)]), { growing: ['N1'], steady: 0 }],
    ['shrinking by claims (6 -> 3), share nearly still', run(1, [n('N1', 6, 0.4)]), run(2, [n('N1', 3, 0.38)]), { shrinking: ['N1'], steady: 0 }],
    ['growing by claims and share together', run(1, [n('N1', 2, 0.2)]), run(2, [n('N1', 6, 0.4)]), { growing: ['N1'], steady: 0 }],
    ['share decides when claims disagree (share up, claims halved)', run(1, [n('N1', 8, 0.3)]), run(2, [n('N1', 4, 0.4)]), { growing: ['N1'], steady: 0 }],
    ['steady: small moves of share and claims', run(1, [n('N1', 5, 0.5)]), run(2, [n('N1', 6, 0.52)]), { steady: 1 }],
    ['steady: 1 -> 2 claims is below minClaimChange', run(1, [n('N1', 1, 0.1)]), run(2, [n('N1', 2, 0.12)]), { steady: 1 }],
    ['thresholds are options', run(1, [n('N1', 5, 0.5)]), run(2, [n('N1', 6, 0.52)]), { growing: ['N1'], steady: 0 }, { minShareChange: 0.01 }],
    ['first run: everything is new', null, run(1, [n('N1', 2, 0.25), n('N2', 6, 0.75)]), { new: ['N2', 'N1'], steady: 0 }],
  ])('%s', (_name, from, to, expected, options) => {
    const drift = computeDrift(from, to, [], options);
    expect({ new: ids(drift.new), vanished: ids(drift.vanished), growing: ids(drift.growing), shrinking: ids(drift.shrinking), steady: drift.steady })
      .toEqual({ new: [], vanished: [], growing: [], shrinking: [], ...expected });
  });

  it('gives both sides of each delta, shares rounded to three decimals', () => {
    const drift = computeDrift(run(1, [n('N1', 6, 0.4)]), run(2, [n('N1', 3, 0.38), n('N2', 1, 1 / 3)]), []);
    expect(drift.shrinking[0]).toEqual({ id: 'N1', label: 'story N1', event: 'Crocus attack', claimsFrom: 6, claimsTo: 3, shareFrom: 0.4, shareTo: 0.38, outlets: ['BBC'] });
    expect(drift.new[0]).toMatchObject({ id: 'N2', claimsFrom: 0, shareFrom: 0, shareTo: 0.333 });
  });

  it.each([
    ['an outlet starts and another stops carrying a narrative', run(1, [n('N1', 4, 1, ['BBC', 'RT'])]), run(2, [n('N1', 4, 1, ['BBC', 'TASS'])]),
      [['N1', 'RT', 'stopped'], ['N1', 'TASS', 'started']]],
    ['every outlet of a new narrative started, of a vanished one stopped, in N-number order', run(1, [n('N10', 4, 1, ['RT'])]), run(2, [n('N2', 4, 1, ['TASS', 'BBC'])]),
      [['N2', 'BBC', 'started'], ['N2', 'TASS', 'started'], ['N10', 'RT', 'stopped']]],
    ['first run: every outlet started', null, run(1, [n('N1', 4, 1, ['BBC', 'RT'])]), [['N1', 'BBC', 'started'], ['N1', 'RT', 'started']]],
  ] as const)('outlets: %s', (_name, from, to, expected) => {
    const drift = computeDrift(from, to, []);
    expect(drift.outlets.map((o) => [o.narrativeId, o.outlet, o.change])).toEqual(expected);
    expect(drift.outlets[0]?.label).toBe(`story ${expected[0][0]}`);
  });
});

describe('computeDrift: framing', () => {
  it.each<[string, ClassCounts, ClassCounts, { dominantFrom: string; dominantTo: string; divergence: number } | null]>([
    ['dominant class changed (neutral -> distancing)', { neutral: 2 }, { distancing: 2 }, { dominantFrom: 'neutral', dominantTo: 'distancing', divergence: 1 }],
    ['dominant class changed with a small divergence', { neutral: 3, distancing: 2 }, { neutral: 2, distancing: 3 }, { dominantFrom: 'neutral', dominantTo: 'distancing', divergence: 0.029 }],
    ['divergence over the threshold, dominant still among the top', { neutral: 4 }, { neutral: 4, distancing: 4 }, { dominantFrom: 'neutral', dominantTo: 'distancing', divergence: 0.311 }],
    ['below the threshold: not reported', { neutral: 4 }, { neutral: 4, distancing: 1 }, null],
    ['too few cues on one side: not reported', { neutral: 1 }, { distancing: 3 }, null],
    ['same classes: not reported', { endorsing: 2, neutral: 1 }, { endorsing: 4, neutral: 2 }, null],
  ])('%s', (_name, before, after, expected) => {
    const drift = computeDrift(framed(1, 'RT', 'John Kirby', before), framed(2, 'RT', 'John Kirby', after), []);
    expect(drift.framing).toEqual(expected ? [{ outlet: 'RT', actor: 'John Kirby', from: before, to: after, ...expected }] : []);
  });

  it('compares only (outlet, actor) pairs present in both runs', () => {
    const drift = computeDrift(framed(1, 'RT', 'John Kirby', { neutral: 3 }), framed(2, 'TASS', 'John Kirby', { distancing: 3 }), []);
    expect(drift.framing).toEqual([]);
  });
});

describe('computeDrift: conflicts', () => {
  it('reports a new conflict with its labels, not an old one stored in reversed order', () => {
    const narratives = [n('N1', 2, 0.4, ['BBC'], 'ISIS-K did it'), n('N2', 2, 0.3, ['RT'], 'Ukraine did it'), n('N3', 2, 0.3, ['TASS'], 'The West did it')];
    const from = run(1, narratives, { conflicts: [{ a: 'N2', b: 'N1', reason: 'different perpetrators' }] });
    const to = run(2, narratives, { conflicts: [{ a: 'N1', b: 'N2', reason: 'different perpetrators' }, { a: 'N1', b: 'N3', reason: 'different perpetrators' }] });
    expect(computeDrift(from, to, []).conflicts).toEqual([{ a: 'N1', b: 'N3', labelA: 'ISIS-K did it', labelB: 'The West did it', reason: 'different perpetrators' }]);
  });
});

describe('computeDrift: timeline', () => {
  const r1 = run(1, [n('N1', 3, 0.6, ['BBC'], 'old label'), n('N2', 2, 0.4)]);
  const r2 = run(2, [n('N1', 4, 1)]);
  const r3 = run(3, [n('N1', 2, 0.25, ['BBC'], 'new label'), n('N2', 3, 0.375), n('N3', 3, 0.375)]);
  const r4 = run(4, [n('N9', 1, 1)]);
  const series = (drift: DriftReport) => drift.timeline.series.map((s) => [s.id, s.label, s.shares]);

  it.each<[string, readonly RunSnapshot[], DriftOptions, number[], unknown[]]>([
    ['out of order history, a narrative absent in the middle run (0), a later run dropped', [r4, r3, r1, r2], {},
      [1, 2, 3], [['N2', 'story N2', [0.4, 0, 0.375]], ['N3', 'story N3', [0, 0, 0.375]], ['N1', 'new label', [0.6, 1, 0.25]]]],
    ['history without the compared runs: they are added', [r1], {}, [1, 2, 3], [['N2', 'story N2', [0.4, 0, 0.375]], ['N3', 'story N3', [0, 0, 0.375]], ['N1', 'new label', [0.6, 1, 0.25]]]],
    ['only the latest timelineRuns', [r1, r2, r3, r4], { timelineRuns: 2 }, [2, 3], [['N2', 'story N2', [0, 0.375]], ['N3', 'story N3', [0, 0.375]], ['N1', 'new label', [1, 0.25]]]],
    ['runs of another job are left out', [{ ...r1, job: 'other' }], {}, [2, 3], [['N2', 'story N2', [0, 0.375]], ['N3', 'story N3', [0, 0.375]], ['N1', 'new label', [1, 0.25]]]],
  ])('%s', (_name, history, options, runs, expected) => {
    const drift = computeDrift(r2, r3, history, options);
    expect(drift.timeline.runs.map((r) => r.runId)).toEqual(runs);
    expect(drift.timeline.runs.at(-1)).toEqual({ runId: 3, startedAt: r3.startedAt });
    expect(series(drift)).toEqual(expected);
  });

  it('has the one run of a first run', () => {
    const drift = computeDrift(null, r1, [r1]);
    expect(drift.from).toBeNull();
    expect(drift.timeline.runs).toEqual([{ runId: 1, startedAt: r1.startedAt }]);
    expect(series(drift)).toEqual([['N1', 'old label', [0.6]], ['N2', 'story N2', [0.4]]]);
  });
});

describe('computeDrift: errors', () => {
  it.each<[string, RunSnapshot, RunSnapshot, DriftOptions, RegExp]>([
    ['runs of different jobs', run(1, []), { ...run(2, []), job: 'other' }, {}, /^narrascope: .*different jobs/],
    ['the later run first', run(3, []), run(2, []), {}, /^narrascope: expected the earlier run first/],
    ['the same run twice', run(2, []), run(2, []), {}, /^narrascope: expected the earlier run first/],
    ['timelineRuns 0', run(1, []), run(2, []), { timelineRuns: 0 }, /^narrascope: drift option timelineRuns/],
    ['claimRatio below 1', run(1, []), run(2, []), { claimRatio: 0.5 }, /^narrascope: drift option claimRatio/],
  ])('throws a TypeError for %s', (_name, from, to, options, message) => {
    expect(() => computeDrift(from, to, [], options)).toThrow(TypeError);
    expect(() => computeDrift(from, to, [], options)).toThrow(message);
  });
});
