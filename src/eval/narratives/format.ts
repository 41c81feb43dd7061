import type { NarrativeScores, NarrativesEvalReport } from './evaluate.js';

const pct = (x: number): string => (x * 100).toFixed(1);

/** The fixed-set B-cubed and the share of the set still extracted, or dashes without a set. */
function fixedColumns(s: NarrativeScores): string {
  const f = s.fixedSet;
  if (!f || f.claims === 0) return `${'-'.padStart(6)} ${'-'.padStart(6)} ${'-'.padStart(6)} ${'-'.padStart(11)}`;
  return `${pct(f.bcubed.precision).padStart(6)} ${pct(f.bcubed.recall).padStart(6)} ${pct(f.bcubed.f1).padStart(6)} ${`${pct(f.kept)} of ${f.claims}`.padStart(11)}`;
}

function row(name: string, s: NarrativeScores): string {
  return [
    name.padEnd(28).slice(0, 28),
    `${s.goldClaims}`.padStart(5),
    pct(s.extracted).padStart(6),
    pct(s.bcubed.precision).padStart(6), pct(s.bcubed.recall).padStart(6), pct(s.bcubed.f1).padStart(6),
    fixedColumns(s),
    `${pct(s.conflicts.precision)}/${pct(s.conflicts.recall)}/${pct(s.conflicts.f1)} (${s.conflicts.tool}:${s.conflicts.gold})`.padStart(26),
    `${pct(s.backers.accuracy)}/${pct(s.backers.recall)}`.padStart(12),
    `${pct(s.disputers.accuracy)}/${pct(s.disputers.recall)}`.padStart(12),
    `${pct(s.omissions.precision)} (${s.omissions.tool})`.padStart(11),
    `${s.narratives.tool}:${s.narratives.gold}`.padStart(8),
    pct(s.backgroundInNarratives).padStart(6),
  ].join(' ');
}

/**
 * The evaluation as a text table: one row per event, then the pooled figures. "B3" is scored on
 * the gold claims the run extracts; "fix B3" on the fixed claim set (lost claims as singletons),
 * with the share of the set still extracted ("kept").
 */
export function formatNarrativesReport(r: NarrativesEvalReport): string {
  const header = [
    'event'.padEnd(28), 'claims'.padStart(5), 'extr%'.padStart(6), 'B3 P'.padStart(6), 'B3 R'.padStart(6), 'B3 F1'.padStart(6),
    'fix P'.padStart(6), 'fix R'.padStart(6), 'fix F1'.padStart(6), 'kept%'.padStart(11),
    'conflicts P/R/F1 (tool:gold)'.padStart(26), 'backers A/R'.padStart(12), 'disput. A/R'.padStart(12), 'omit P (n)'.padStart(11),
    'narr t:g'.padStart(8), 'bg-in%'.padStart(6),
  ].join(' ');
  const lines = [
    `eval narratives ${r.gold}: ${r.events.length} events, ${(r.ms / 1000).toFixed(1)} s`,
    r.claimSet ? `fixed claim set ${r.claimSet.file} (frozen from ${r.claimSet.reference}): "fix" B-cubed scores every claim of the set, a lost one as its own narrative` : 'no fixed claim set (fix columns empty)',
    header,
    ...r.events.map((e) => row(e.event, e)),
    row('ALL (pooled)', r.overall),
    `macro: mean B-cubed F1 ${pct(r.macro.bcubedF1)}${r.macro.fixedSetF1 === null ? '' : `, on the fixed set ${pct(r.macro.fixedSetF1)}`}, mean narratives tool/gold ${r.macro.narrativeRatio}`,
  ];
  if (r.problems.length > 0) lines.push(`${r.problems.length} problem(s) (an event whose gold file fails its checks is skipped):`, ...r.problems.map((p) => `  ${p}`));
  return `${lines.join('\n')}\n`;
}
