/**
 * What the narratives error scripts (`narrative-errors.ts`, `omission-errors.ts`) share: their
 * command line, the category counter, gold spans with their labels, and the category of a wrong
 * backer or disputer. Never reads the held-back final half.
 */
import { aligns, type ArticleSpan } from '../src/eval/narratives/metrics.js';
import type { GoldEvent, GoldNarrative, GoldSpan } from '../src/eval/narratives/gold-schema.js';
import type { NarrativeClaim } from '../src/types/index.js';

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
