/**
 * Scoring of predicted attributions against PolNeAR gold, three ways:
 * - exact span: per role, every fragment is a span; the distinct (start, end) spans of an article
 *   are matched one-to-one on identical offsets (a span shared by two gold relations, e.g. one
 *   source of two cues, counts once, as in the BIO-based published scores);
 * - lenient: the same distinct spans, a prediction matching a gold span when they share at least
 *   one character (spans are token-aligned, so: share a token), one-to-one, greedy in text order;
 * - relation: a predicted attribution matches a gold one when their cues overlap, their contents
 *   overlap and their sources overlap, or the gold has no source and the prediction none either;
 *   one-to-one, greedy in text order.
 */
import type { Attribution } from '../types/index.js';
import type { GoldAttribution, GoldFragment } from './polnear-read.js';

/** Counts and derived precision, recall and F1 (all in [0, 1]). */
export interface Prf {
  readonly tp: number;
  readonly predicted: number;
  readonly gold: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Mutable counts accumulated over articles. */
export interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}

/** The three attribution roles. */
export type Role = 'source' | 'cue' | 'content';
/** The roles in report order. */
export const ROLES: readonly Role[] = ['source', 'cue', 'content'];

/** Precision, recall, F1 from counts. */
export function prf(c: Counts): Prf {
  const precision = c.predicted ? c.tp / c.predicted : 0;
  const recall = c.gold ? c.tp / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp: c.tp, predicted: c.predicted, gold: c.gold, precision, recall, f1 };
}

function distinct(spans: readonly GoldFragment[]): GoldFragment[] {
  const seen = new Map<string, GoldFragment>();
  for (const s of spans) seen.set(`${s.start}:${s.end}`, { start: s.start, end: s.end });
  return [...seen.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

const overlaps = (a: GoldFragment, b: GoldFragment): boolean => a.start < b.end && b.start < a.end;
const anyOverlap = (a: readonly GoldFragment[], b: readonly GoldFragment[]): boolean => a.some((x) => b.some((y) => overlaps(x, y)));

/** The fragments of one role over all relations of an article. */
export function goldRole(gold: readonly GoldAttribution[], role: Role): GoldFragment[] {
  return distinct(gold.flatMap((a) => a[role]));
}

/** The predicted fragments of one role over all attributions of an article. */
export function predictedRole(pred: readonly Attribution[], role: Role): GoldFragment[] {
  if (role === 'cue') return distinct(pred.flatMap((a) => a.cue.spans));
  if (role === 'source') return distinct(pred.flatMap((a) => a.source?.spans ?? []));
  return distinct(pred.flatMap((a) => a.content));
}

/** Add the exact-span matches of one article and role to `into`. */
export function scoreExact(pred: readonly GoldFragment[], gold: readonly GoldFragment[], into: Counts): void {
  const keys = new Set(gold.map((g) => `${g.start}:${g.end}`));
  into.predicted += pred.length;
  into.gold += gold.length;
  for (const p of pred) if (keys.has(`${p.start}:${p.end}`)) into.tp++;
}

/** Add the lenient (shared token) matches of one article and role to `into`. */
export function scoreLenient(pred: readonly GoldFragment[], gold: readonly GoldFragment[], into: Counts): void {
  into.predicted += pred.length;
  into.gold += gold.length;
  const used = new Uint8Array(gold.length);
  for (const p of pred) {
    const g = gold.findIndex((x, i) => !used[i] && overlaps(p, x));
    if (g >= 0) { used[g] = 1; into.tp++; }
  }
}

/** Add the relation-level matches of one article to `into`. */
export function scoreRelations(pred: readonly Attribution[], gold: readonly GoldAttribution[], into: Counts): void {
  into.predicted += pred.length;
  into.gold += gold.length;
  const used = new Uint8Array(gold.length);
  for (const p of pred) {
    const cue = p.cue.spans;
    const source = p.source?.spans ?? [];
    const g = gold.findIndex((x, i) => {
      if (used[i] || !anyOverlap(cue, x.cue)) return false;
      const sourceOk = x.source.length === 0 ? source.length === 0 : anyOverlap(source, x.source);
      const contentOk = x.content.length === 0 ? p.content.length === 0 : anyOverlap(p.content, x.content);
      return sourceOk && contentOk;
    });
    if (g >= 0) { used[g] = 1; into.tp++; }
  }
}

/**
 * The attributions PolNeAR would annotate: those whose cue is not inside another attribution's
 * content. PolNeAR marks only the outermost relation of a nest (none of the 2,193 dev relations,
 * and none of the 19,868 train ones, has its cue inside another relation's content), so a nested
 * inner attribution ("Fox paid [a booker who said Ailes harassed her]") is kept in the output
 * but has no gold counterpart to be scored against.
 */
export function outermost(pred: readonly Attribution[]): { outer: Attribution[]; nested: number } {
  const outer: Attribution[] = [];
  let nested = 0;
  for (const a of pred) {
    const inside = pred.some((b) => b !== a && b.content.some((c) => a.cue.spans.every((s) => c.start <= s.start && s.end <= c.end)));
    if (inside) nested++; else outer.push(a);
  }
  return { outer, nested };
}
