/**
 * How the omission rules do on whole sides (`omission-errors.ts --oracle`): every reported
 * narrative is merged into the gold narrative it maps to (an oracle merge, as if the clustering
 * cut no side into fragments), then coverage and the stated omissions are computed again on the
 * merged narratives and judged against the gold omissions. "Without the whole-side tests" leaves
 * out tests 5 and 6 of `omissions.ts` (side size, sibling paraphrase, an agreeing claim). Tells whether a rule holds whether the
 * narratives are fragments or whole sides. Dev only (never the held-back final half).
 */
import { agreementOf, coverageEvidence, distinctiveActors, judgeAll } from '../src/08-report/coverage.js';
import { asReporters, givenAnswers, reportedOmissions, voicedOutlets, type OmissionActor, type WholeSide } from '../src/08-report/omissions.js';
import { claimVectorsById, sideSized, toldParaphrase } from '../src/08-report/whole-sides.js';
import { loadEmbeddings } from '../src/adapters/embeddings.js';
import type { ClaimRelationModel } from '../src/07-narratives/index.js';
import type { GoldEvent } from '../src/eval/narratives/gold-schema.js';
import type { AnalyzedArticle, Narrative, NarrativeAnalysis } from '../src/types/index.js';

/** Counts of one event: stated omissions (right of all), with and without the whole-side tests; gold omissions found. */
export interface OracleCounts { readonly stated: number; readonly right: number; readonly statedNoWhole: number; readonly rightNoWhole: number; readonly gold: number; readonly found: number }

/** The event's narratives merged by their gold mapping (`G` and `¬G` stay apart; unmapped ones stay alone). */
export function oracleMerge(a: NarrativeAnalysis, mapping: Readonly<Record<string, string>>): { analysis: NarrativeAnalysis; goldOf: Map<string, string> } {
  const groups = new Map<string, Narrative[]>();
  for (const n of a.narratives) {
    const m = mapping[n.id] ?? 'none';
    const key = m === 'none' || m === 'background' ? n.id : m;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  const idOf = new Map<string, string>();
  const goldOf = new Map<string, string>();
  const narratives = [...groups].map(([key, ns]) => {
    const first = ns[0] as Narrative;
    for (const n of ns) idOf.set(n.id, first.id);
    if (key !== first.id) goldOf.set(first.id, key);
    const union = (f: (n: Narrative) => readonly string[]): string[] => [...new Set(ns.flatMap(f))];
    return { ...first, claimIds: union((n) => n.claimIds), disputingClaimIds: union((n) => n.disputingClaimIds), backers: union((n) => n.backers), disputers: union((n) => n.disputers), outlets: union((n) => n.outlets) };
  });
  const seen = new Set<string>();
  const conflicts = a.conflicts.flatMap((c) => {
    const x = idOf.get(c.a) ?? c.a;
    const y = idOf.get(c.b) ?? c.b;
    const key = [x, y].sort().join(' ');
    if (x === y || seen.has(key)) return [];
    seen.add(key);
    return [{ ...c, a: x, b: y }];
  });
  return { analysis: { ...a, narratives, conflicts }, goldOf };
}

/** Stated omissions on the oracle-merged narratives of one event, judged against gold. */
export function oracleOmissions(o: {
  gold: GoldEvent; analysis: NarrativeAnalysis; mapping: Readonly<Record<string, string>>; live: readonly AnalyzedArticle[];
  outlets: readonly string[]; mentioned: ReadonlyMap<string, ReadonlySet<string>>; actorOf: (id: string) => OmissionActor | undefined;
  relations: ClaimRelationModel; outletOfArticle: ReadonlyMap<string, string>;
}): OracleCounts {
  const { analysis: m, goldOf } = oracleMerge(o.analysis, o.mapping);
  const goldById = new Map(o.gold.questions.flatMap((q) => q.narratives).map((g) => [g.id, g]));
  const evidence = coverageEvidence(o.live, m, o.outlets, { mentioned: o.mentioned, relations: o.relations });
  const coverage = judgeAll(evidence);
  const agreement = agreementOf(evidence);
  const actorOf = asReporters(o.actorOf, o.outlets);
  const answers = distinctiveActors(m, o.outlets, o.mentioned);
  const voiced = voicedOutlets(m.narratives, m.claims);
  const paraphrase = toldParaphrase(m, o.outlets, claimVectorsById(m.claims, loadEmbeddings()));
  const counts = { stated: 0, right: 0, statedNoWhole: 0, rightNoWhole: 0, gold: 0, found: 0 };
  const rightFor = (outlet: string, id: string): boolean => {
    const key = goldOf.get(id) ?? o.mapping[id] ?? 'none';
    const g = goldById.get(key.replace(/^¬/, ''));
    if (!g) return false;
    return key.startsWith('¬') ? !g.disputes.some((d) => o.outletOfArticle.get(d.article) === outlet) : g.omittedBy.includes(outlet);
  };
  for (const outlet of o.outlets) {
    const texts = o.live.filter((r) => (r.outlet ?? r.id) === outlet).flatMap((r) => r.sentences.map((s) => s.text));
    const given = givenAnswers(m.narratives, m.claims, answers, m.conflicts, outlet);
    const whole: WholeSide = {
      sideSized: (id) => { const n = m.narratives.find((x) => x.id === id); return !!n && sideSized(n); }, paraphraseTold: (id) => paraphrase.get(outlet)?.get(id) ?? 0,
      agreed: (id) => agreement.get(outlet)?.get(id) ?? 0, answered: (id) => given.get(id) ?? [],
    };
    const stated = reportedOmissions(m.narratives, coverage.get(outlet), o.mentioned.get(outlet), answers, actorOf, texts, voiced, whole);
    const without = reportedOmissions(m.narratives, coverage.get(outlet), o.mentioned.get(outlet), answers, actorOf, texts, voiced);
    counts.stated += stated.length; counts.right += stated.filter((id) => rightFor(outlet, id)).length;
    counts.statedNoWhole += without.length; counts.rightNoWhole += without.filter((id) => rightFor(outlet, id)).length;
    for (const [id, key] of [...goldOf, ...m.narratives.filter((n) => !goldOf.has(n.id) && o.mapping[n.id] && !['none', 'background'].includes(o.mapping[n.id] ?? '')).map((n) => [n.id, o.mapping[n.id] ?? ''] as const)]) {
      const g = goldById.get(key);
      if (!g || key.startsWith('¬') || !g.omittedBy.includes(outlet)) continue;
      counts.gold++;
      if (stated.includes(id)) counts.found++;
    }
  }
  return counts;
}
