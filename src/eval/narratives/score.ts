/**
 * Scoring one event's divergence report against its gold file (see the definitions in
 * `data/gold/narratives/README.md`). Only the report's JSON contract is read (`narratives` with
 * their claims, backers and disputers; `conflicts`; `outlets[].omitted`; `actors`), so any
 * narratives stage that writes that contract can be scored.
 */
import type { DivergenceReport, ReportClaim } from '../../08-report/types.js';
import type { GoldEvent, GoldNarrative, GoldSpan } from './gold-schema.js';
import { aligns, overlap, sameActor, type ArticleSpan, type GoldClaimFate } from './metrics.js';

/** Counts of one event, pooled over events for the overall figures. */
export interface EventCounts {
  /** Gold narrative claims, and those the tool put in some narrative (aligned claim). */
  readonly goldClaims: number;
  readonly extracted: number;
  /** One item per extracted gold claim: its gold narrative and the tool narrative it landed in. */
  readonly items: readonly { readonly gold: string; readonly predicted: string }[];
  /** Every gold narrative claim, extracted or not, keyed `event/narrative@article:start-end`: what a fixed claim set is scored on. */
  readonly claims: readonly GoldClaimFate[];
  readonly conflicts: Tally;
  readonly backers: Tally;
  readonly disputers: Tally;
  readonly omissions: Tally;
  readonly narratives: { readonly tool: number; readonly gold: number; readonly questions: number };
  readonly background: { readonly gold: number; readonly inNarratives: number };
  /** What lies behind the figures, for reading one event closely. */
  readonly details: EventDetails;
}

/** Per event: the gold claims the tool missed and what each tool narrative was mapped to. */
export interface EventDetails {
  /** Gold narrative claims no claim of any tool narrative aligns with. */
  readonly missed: readonly { readonly narrative: string; readonly article: string; readonly start: number; readonly end: number; readonly hint: string }[];
  /** Tool narrative id -> gold narrative id, `¬id` (its denials), `background` or `none`. */
  readonly mapping: Readonly<Record<string, string>>;
}

/** Predicted items and how many were right; gold items and how many were found. */
export interface Tally {
  readonly predicted: number;
  readonly correct: number;
  readonly gold: number;
  readonly found: number;
}

/** What a tool narrative stands for in gold terms. */
export type NarrativeMapping =
  | { readonly kind: 'narrative'; readonly gold: GoldNarrative }
  | { readonly kind: 'denial'; readonly gold: GoldNarrative } // its claims are the disputes of a gold narrative
  | { readonly kind: 'background' }
  | { readonly kind: 'none' };

const BACKGROUND = '#background';

/**
 * The key of a gold narrative claim within its event: `narrative@article:start-end`
 * ("n2@gulf-monitor:120-188"). It names the claim in a frozen claim set, so it changes only when
 * the gold file's spans do.
 */
export const claimKey = (narrative: string, s: GoldSpan): string => `${narrative}@${s.article}:${s.start}-${s.end}`;
const spanOf = (s: GoldSpan): ArticleSpan => ({ articleId: s.article, start: s.start, end: s.end });
const claimSpan = (c: ReportClaim): ArticleSpan => ({ articleId: c.articleId, start: c.start, end: c.end });

/** Score one event: `report` holds that event only (its articles' ids are the gold ones). */
export function scoreEvent(gold: GoldEvent, report: DivergenceReport): EventCounts {
  const narratives = gold.questions.flatMap((q) => q.narratives);
  const byId = new Map(narratives.map((n) => [n.id, n]));
  // Gold spans with the label they vote for: the narrative, its denial (`¬id`), or background.
  const labelled: { span: GoldSpan; label: string }[] = [
    ...narratives.flatMap((n) => [...n.claims.map((span) => ({ span, label: n.id })), ...n.disputes.map((span) => ({ span, label: `¬${n.id}` }))]),
    ...gold.background.map((span) => ({ span, label: BACKGROUND })),
  ];
  const toolClaims = report.narratives.flatMap((n) => n.claims.map((c) => ({ narrative: n.id, claim: c })));

  // Each gold claim lands in the narrative of the tool claim that overlaps it most.
  const items: { gold: string; predicted: string }[] = [];
  const fates: GoldClaimFate[] = [];
  const missed: { narrative: string; article: string; start: number; end: number; hint: string }[] = [];
  let goldClaims = 0;
  for (const n of narratives) {
    for (const span of n.claims) {
      goldClaims++;
      let best: { narrative: string; shared: number } | null = null;
      for (const t of toolClaims) {
        if (!aligns(claimSpan(t.claim), spanOf(span))) continue;
        const shared = overlap(claimSpan(t.claim), spanOf(span));
        if (!best || shared > best.shared) best = { narrative: t.narrative, shared };
      }
      fates.push({ key: `${gold.event}/${claimKey(n.id, span)}`, gold: n.id, predicted: best?.narrative ?? null });
      if (best) items.push({ gold: n.id, predicted: best.narrative });
      else missed.push({ narrative: n.id, article: span.article, start: span.start, end: span.end, hint: span.hint });
    }
  }

  // Each tool narrative stands for the label most of its aligned gold spans carry. Its telling
  // claims vote with their span's label; a disputing claim says what the narrative is not, so it
  // votes only as a gold dispute of G (`¬G` disputing it: it is G), never as a claim of the rival
  // answer it disputes the narrative with (Calderón's "we will not pay" disputing "Trump will make
  // Mexico pay" does not make that narrative "Mexico will not pay").
  const mapping = new Map<string, NarrativeMapping>();
  for (const n of report.narratives) {
    const votes = new Map<string, number>();
    const telling = n.claims.filter((c) => c.role !== 'disputes');
    const disputing = n.claims.filter((c) => c.role === 'disputes');
    for (const { span, label } of labelled) {
      const vote = telling.some((c) => aligns(claimSpan(c), spanOf(span))) ? label
        : label.startsWith('¬') && disputing.some((c) => aligns(claimSpan(c), spanOf(span))) ? label.slice(1) : null;
      if (vote !== null) votes.set(vote, (votes.get(vote) ?? 0) + 1);
    }
    let top: string | null = null;
    for (const [label, count] of votes) if (top === null || count > (votes.get(top) ?? 0)) top = label;
    const plain = top?.replace(/^¬/, '');
    const target = plain ? byId.get(plain) : undefined;
    mapping.set(n.id, top === null ? { kind: 'none' } : top === BACKGROUND ? { kind: 'background' } : target ? { kind: top.startsWith('¬') ? 'denial' : 'narrative', gold: target } : { kind: 'none' });
  }
  const mapped = (id: string): NarrativeMapping => mapping.get(id) ?? { kind: 'none' };

  return {
    goldClaims,
    extracted: items.length,
    items,
    claims: fates,
    conflicts: scoreConflicts(gold, report, mapped),
    ...scoreActors(gold, report, mapped),
    omissions: scoreOmissions(gold, report, mapped),
    narratives: { tool: report.narratives.length, gold: narratives.length, questions: gold.questions.length },
    background: { gold: gold.background.length, inNarratives: gold.background.filter((b) => toolClaims.some((t) => aligns(claimSpan(t.claim), spanOf(b)))).length },
    details: {
      missed,
      mapping: Object.fromEntries([...mapping].map(([id, m]) => [id, m.kind === 'narrative' ? m.gold.id : m.kind === 'denial' ? `¬${m.gold.id}` : m.kind])),
    },
  };
}

const pairKey = (a: string, b: string): string => [a, b].sort().join('\u0000');

/**
 * A tool conflict is right when its two narratives map to a gold conflict pair, or to a gold
 * narrative and its own denial (a denial the tool shows as a narrative of its own). A gold pair
 * is found when some tool conflict maps to it.
 */
function scoreConflicts(gold: GoldEvent, report: DivergenceReport, mapped: (id: string) => NarrativeMapping): Tally {
  const goldPairs = new Set(gold.conflicts.map((c) => pairKey(c.a, c.b)));
  const found = new Set<string>();
  let correct = 0;
  for (const c of report.conflicts) {
    const a = mapped(c.a);
    const b = mapped(c.b);
    if (!('gold' in a) || !('gold' in b)) continue;
    if (a.kind === 'narrative' && b.kind === 'narrative') {
      const key = pairKey(a.gold.id, b.gold.id);
      if (goldPairs.has(key)) { correct++; found.add(key); }
    } else if (a.kind !== b.kind && a.gold.id === b.gold.id) {
      correct++;
    }
  }
  return { predicted: report.conflicts.length, correct, gold: goldPairs.size, found: found.size };
}

/**
 * Backers and disputers of every tool narrative mapped to a gold narrative, judged against that
 * narrative's gold backers and disputers by name or alias. For a tool narrative made of a gold
 * narrative's denials, its backers are judged as disputers and its disputers as backers.
 */
function scoreActors(gold: GoldEvent, report: DivergenceReport, mapped: (id: string) => NarrativeMapping): { backers: Tally; disputers: Tally } {
  const names = new Map(report.actors.map((a) => [a.id, [a.name, ...a.aliases]]));
  const goldNames = new Map(gold.actors.map((a) => [a.id, [a.name, ...a.aliases]]));
  const tally = { backers: { predicted: 0, correct: 0 }, disputers: { predicted: 0, correct: 0 } };
  // Per gold narrative and role: the tool actors predicted for it.
  const predictedFor = new Map<string, string[][]>();
  for (const n of report.narratives) {
    const m = mapped(n.id);
    if (!('gold' in m)) continue;
    const roles: [readonly string[], 'backers' | 'disputers'][] = m.kind === 'narrative' ? [[n.backers, 'backers'], [n.disputers, 'disputers']] : [[n.backers, 'disputers'], [n.disputers, 'backers']];
    for (const [actors, role] of roles) {
      const goldActors = m.gold[role].map((id) => goldNames.get(id) ?? [id]);
      for (const actor of actors) {
        const actorNames = names.get(actor) ?? [actor];
        tally[role].predicted++;
        if (goldActors.some((g) => sameActor(g, actorNames))) tally[role].correct++;
        const key = `${m.gold.id}\u0000${role}`;
        predictedFor.set(key, [...(predictedFor.get(key) ?? []), actorNames]);
      }
    }
  }
  const recall = (role: 'backers' | 'disputers'): { gold: number; found: number } => {
    let goldCount = 0;
    let found = 0;
    const covered = new Set([...mappedGold(report, mapped)]);
    for (const n of gold.questions.flatMap((q) => q.narratives)) {
      if (!covered.has(n.id)) continue;
      const predicted = predictedFor.get(`${n.id}\u0000${role}`) ?? [];
      for (const id of n[role]) {
        goldCount++;
        if (predicted.some((p) => sameActor(goldNames.get(id) ?? [id], p))) found++;
      }
    }
    return { gold: goldCount, found };
  };
  return { backers: { ...tally.backers, ...recall('backers') }, disputers: { ...tally.disputers, ...recall('disputers') } };
}

/** Gold narrative ids some tool narrative maps to (as itself or its denial). */
function mappedGold(report: DivergenceReport, mapped: (id: string) => NarrativeMapping): Set<string> {
  const ids = new Set<string>();
  for (const n of report.narratives) {
    const m = mapped(n.id);
    if ('gold' in m) ids.add(m.gold.id);
  }
  return ids;
}

/**
 * An omission the tool reports (outlet, narrative) is right when the narrative maps to a gold
 * narrative the outlet omits in gold, or to a gold narrative's denial and the outlet carries none
 * of its disputes. Gold omissions count as found when a tool narrative mapped to that narrative
 * is among the outlet's omitted ones.
 */
function scoreOmissions(gold: GoldEvent, report: DivergenceReport, mapped: (id: string) => NarrativeMapping): Tally {
  const outletOf = new Map(gold.articles.map((a) => [a.id, a.outlet]));
  let predicted = 0;
  let correct = 0;
  const foundPairs = new Set<string>();
  for (const o of report.outlets) {
    for (const id of o.omitted) {
      predicted++;
      const m = mapped(id);
      if (m.kind === 'narrative' && m.gold.omittedBy.includes(o.outlet)) { correct++; foundPairs.add(`${m.gold.id}\u0000${o.outlet}`); }
      if (m.kind === 'denial' && !m.gold.disputes.some((d) => outletOf.get(d.article) === o.outlet)) correct++;
    }
  }
  const covered = mappedGold(report, mapped);
  let goldCount = 0;
  for (const n of gold.questions.flatMap((q) => q.narratives)) if (covered.has(n.id)) goldCount += n.omittedBy.length;
  return { predicted, correct, gold: goldCount, found: foundPairs.size };
}
