/**
 * What the narratives error scripts (`narrative-errors.ts`, `omission-errors.ts`) share: their
 * command line, the category counter, gold spans with their labels, and the category of a wrong
 * backer or disputer. Never reads the held-back final half.
 */
import { aligns, overlap, sameActor, type ArticleSpan } from '../src/eval/narratives/metrics.js';
import type { DivergenceReport } from '../src/08-report/index.js';
import type { GoldEvent, GoldNarrative, GoldSpan } from '../src/eval/narratives/gold-schema.js';
import type { Narrative, NarrativeAnalysis, NarrativeClaim } from '../src/types/index.js';

/** The command line: the gold folder (dev by default, never final), `--list`, `--only EVENT`, other flags. */
export function errorArgs(script: string): { dir: string; list: boolean; only: string | undefined; has: (flag: string) => boolean } {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--only') ?? 'data/gold/narratives/dev';
  if (/final/.test(dir)) throw new Error(`${script}: never tune on the held-back final half`);
  return { dir, list: args.includes('--list'), only: args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined, has: (flag) => args.includes(flag) };
}

/** Counts per (kind, category), printed as a table at the end of a listing. */
export class CategoryCounts {
  readonly counts = new Map<string, number>();
  readonly count = (kind: string, category: string): void => { this.counts.set(`${kind}\t${category}`, (this.counts.get(`${kind}\t${category}`) ?? 0) + 1); };
  /** The counts by kind, most frequent category first. */
  print(): void {
    for (const [key, n] of [...this.counts].sort((x, y) => (x[0].split('\t')[0] ?? '').localeCompare(y[0].split('\t')[0] ?? '') || y[1] - x[1])) console.log(`${String(n).padStart(4)}  ${key.replace('\t', ': ')}`);
  }
}

export const spanOf = (s: GoldSpan): ArticleSpan => ({ articleId: s.article, start: s.start, end: s.end });
export const claimSpan = (c: { articleId: string; start: number; end: number }): ArticleSpan => ({ articleId: c.articleId, start: c.start, end: c.end });
export const short = (t: string, n = 90): string => (t.length > n ? `${t.slice(0, n)}…` : t).replace(/\s+/g, ' ');

/** A gold span with its label: `n1` claim, `¬n1` dispute, `~n1` discussion, `background`. */
export interface LabelledSpan { readonly span: GoldSpan; readonly label: string }

/** Every gold span of an event with its label. */
export function labelledSpans(gold: GoldEvent): LabelledSpan[] {
  return [
    ...gold.questions.flatMap((q) => q.narratives).flatMap((n) => [
      ...n.claims.map((span) => ({ span, label: n.id })),
      ...n.disputes.map((span) => ({ span, label: `¬${n.id}` })),
      ...n.discusses.map((span) => ({ span, label: `~${n.id}` })),
    ]),
    ...gold.background.map((span) => ({ span, label: 'background' })),
  ];
}

/** A wrong backer or disputer: the tool claims that made it one, the gold spans they align with, and why it is wrong. */
export interface WrongActor { readonly own: NarrativeClaim[]; readonly aligned: (LabelledSpan & { readonly c: NarrativeClaim })[]; readonly category: string }

/**
 * Why an actor the tool gives narrative `g` as a backer (or disputer, `role`) is not one in gold.
 * `claims` are the narrative's tool claims the actor may speak; `matches` says whether gold actor
 * ids name the actor.
 */
export function wrongActor(o: {
  gold: GoldEvent; g: GoldNarrative; role: 'backers' | 'disputers'; actor: string; claims: readonly (NarrativeClaim | undefined)[];
  spans: readonly LabelledSpan[]; matches: (ids: readonly string[]) => boolean;
}): WrongActor {
  const { gold, g, role, actor, matches } = o;
  const other = role === 'backers' ? 'disputers' : 'backers';
  const own = o.claims.filter((c): c is NarrativeClaim => !!c && (c.actorId === actor || (c.coActorIds ?? []).includes(actor)));
  const aligned = own.flatMap((c) => o.spans.filter((s) => aligns(claimSpan(c), spanOf(s.span))).map((s) => ({ c, ...s })));
  const goldNarratives = gold.questions.flatMap((q) => q.narratives);
  let category: string;
  if (matches(g[other])) category = `a gold ${other === 'backers' ? 'backer' : 'disputer'} of the same narrative`;
  else if (own.length > 0 && own.every((c) => c.coActorIds?.includes(actor) && c.actorId !== actor)) category = 'co-speaker only';
  else if (goldNarratives.some((x) => x.id !== g.id && (matches(x.backers) || matches(x.disputers)))) category = 'backer/disputer of another gold narrative';
  else if (aligned.some((a) => a.label === g.id && a.span.speaker === 'own')) category = 'speaks a claim gold gives to the outlet own voice';
  else if (aligned.some((a) => a.label === g.id && a.span.speaker && g[role].includes(a.span.speaker))) category = `speaks a claim of G gold gives to one of its ${role}: wrong speaker or alias`;
  else if (aligned.some((a) => a.label === g.id && a.span.speaker && a.span.speaker !== 'own')) category = 'speaks a claim of G gold gives to another speaker';
  else if (aligned.some((a) => a.label === g.id)) category = 'speaks a claim of G (no gold speaker)';
  else if (aligned.some((a) => a.label === `¬${g.id}`)) category = 'speaks a dispute of G';
  else if (aligned.some((a) => a.label === 'background')) category = 'speaks a background claim';
  else if (aligned.length > 0) category = 'speaks a claim of another gold narrative';
  else if (matches(gold.actors.map((a) => a.id))) category = 'gold actor, its claim unannotated';
  else category = 'not a gold actor, its claim unannotated';
  return { own, aligned, category };
}

/**
 * The verdict on a stated omission of the tool narrative mapped to gold `mapped` that needs no
 * search of the outlet's claims: mapped to nothing or to background (wrong), or to a gold
 * narrative's disputes (right when the outlet carries none of them); null otherwise.
 */
export function plainOmission(mapped: string, g: GoldNarrative | undefined, outlet: string, outletOfArticle: ReadonlyMap<string, string>): { right: boolean; category: string } | null {
  if (mapped === 'none' || mapped === 'background') return { right: false, category: `tool narrative maps to ${mapped}` };
  if (!g) return { right: false, category: 'unknown' };
  if (!mapped.startsWith('¬')) return null;
  const right = !g.disputes.some((d) => outletOfArticle.get(d.article) === outlet);
  return { right, category: right ? 'right (denial narrative)' : 'denial narrative: outlet carries the disputes' };
}

/** One backer or disputer the tool gives a narrative that maps to a gold narrative (see {@link actorChecks}). */
export interface ActorCheck {
  readonly n: Narrative;
  /** The gold label the narrative maps to (`n3`, or `¬n3` for its disputes). */
  readonly m: string;
  readonly g: GoldNarrative;
  /** The tool's role, and the role it amounts to in gold (swapped for a narrative mapped to disputes). */
  readonly role0: 'backers' | 'disputers';
  readonly role: 'backers' | 'disputers';
  readonly actor: string;
  readonly actorNames: readonly string[];
  readonly matches: (ids: readonly string[]) => boolean;
  /** Whether gold gives the actor that role. */
  readonly right: boolean;
}

/** Every backer and disputer of the tool's narratives that map to a gold narrative, checked against gold. */
export function* actorChecks(o: {
  narratives: readonly Narrative[]; mapping: Readonly<Record<string, string>>; goldById: ReadonlyMap<string, GoldNarrative>;
  names: ReadonlyMap<string, readonly string[]>; goldNames: ReadonlyMap<string, readonly string[]>;
}): Generator<ActorCheck> {
  for (const n of o.narratives) {
    const m = o.mapping[n.id] ?? 'none';
    const g = o.goldById.get(m.replace(/^¬/, ''));
    if (!g || m === 'background') continue;
    const denial = m.startsWith('¬');
    for (const [actors, role0] of [[n.backers, 'backers'], [n.disputers, 'disputers']] as const) {
      const role = denial ? (role0 === 'backers' ? 'disputers' : 'backers') : role0;
      for (const actor of actors) {
        const actorNames = o.names.get(actor) ?? [actor];
        const matches = (ids: readonly string[]): boolean => ids.some((id) => sameActor(o.goldNames.get(id) ?? [id], actorNames));
        yield { n, m, g, role0, role, actor, actorNames, matches, right: matches(g[role]) };
      }
    }
  }
}

/** Where one of an outlet's gold spans went in the tool's analysis (rank 1 best). */
export interface SpanPlace { readonly rank: number; readonly what: string; readonly s: LabelledSpan }

/**
 * The lookups an error listing of one event needs: gold narratives by id, labelled gold spans,
 * outlets of articles, actor names on both sides, tool claims by id, and `placesOf(g, outlet)`:
 * where the outlet's gold spans of gold narrative `g` ended up in the tool (best first).
 */
export function eventIndex(gold: GoldEvent, report: DivergenceReport, analysis: NarrativeAnalysis, mapping: Readonly<Record<string, string>>) {
  const goldById = new Map(gold.questions.flatMap((q) => q.narratives).map((n) => [n.id, n]));
  const spans = labelledSpans(gold);
  const outletOfArticle = new Map(gold.articles.map((x) => [x.id, x.outlet]));
  const names = new Map(report.actors.map((x) => [x.id, [x.name, ...x.aliases]]));
  const goldNames = new Map(gold.actors.map((x) => [x.id, [x.name, ...x.aliases]]));
  const claimById = new Map(analysis.claims.map((c) => [c.id, c]));
  const narrativeOfClaim = new Map<string, string>();
  for (const n of analysis.narratives) for (const id of [...n.claimIds, ...n.disputingClaimIds]) narrativeOfClaim.set(id, n.id);
  const inBackground = new Set(analysis.background);
  const placesOf = (g: string, outlet: string): SpanPlace[] =>
    spans.filter((s) => s.label.replace(/^[¬~]/, '') === g && outletOfArticle.get(s.span.article) === outlet).map((s) => {
      const hit = analysis.claims.filter((c) => aligns(claimSpan(c), spanOf(s.span)))
        .sort((x, y) => overlap(claimSpan(y), spanOf(s.span)) - overlap(claimSpan(x), spanOf(s.span)))[0];
      const kind = s.label.startsWith('¬') ? 'dispute' : s.label.startsWith('~') ? 'discussion' : 'claim';
      if (!hit) return { rank: 4, what: `${kind} not extracted as a claim`, s };
      const where = narrativeOfClaim.get(hit.id);
      if (where) return { rank: 1, what: `${kind} told in another tool narrative (${where} -> ${mapping[where] ?? 'none'})`, s };
      if (inBackground.has(hit.id)) return { rank: 2, what: `${kind} in the tool's background`, s };
      return { rank: 3, what: `${kind} a stray claim in no narrative`, s };
    }).sort((x, y) => x.rank - y.rank);
  return { goldById, spans, outletOfArticle, names, goldNames, claimById, placesOf };
}

/**
 * Every omission the report states, with the gold narrative its narrative maps to and, where no
 * search is needed, its verdict (see {@link plainOmission}; `decided` false leaves it to the caller).
 */
export function* statedOmissions(report: DivergenceReport, mapping: Readonly<Record<string, string>>, goldById: ReadonlyMap<string, GoldNarrative>, outletOfArticle: ReadonlyMap<string, string>):
  Generator<{ outlet: string; id: string; m: string; g: GoldNarrative | undefined; decided: boolean; right: boolean; category: string }> {
  for (const o of report.outlets) {
    for (const id of o.omitted) {
      const m = mapping[id] ?? 'none';
      const g = goldById.get(m.replace(/^¬/, ''));
      const plain = plainOmission(m, g, o.outlet, outletOfArticle);
      yield { outlet: o.outlet, id, m, g, decided: plain !== null, right: plain?.right ?? false, category: plain?.category ?? '' };
    }
  }
}
