/**
 * The metric functions of `eval narratives`, pure and small so tests can check them by hand:
 * span alignment, B-cubed, P/R/F1 from counts, and actor-name matching.
 */

/** Precision, recall and F1 in [0, 1] (NaN-free: 0 when undefined). */
export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** P/R/F1 from true positives, predicted and gold counts. */
export function prf(truePositivesPredicted: number, predicted: number, truePositivesGold: number, gold: number): Prf {
  const precision = predicted === 0 ? 0 : truePositivesPredicted / predicted;
  const recall = gold === 0 ? 0 : truePositivesGold / gold;
  return { precision, recall, f1: f1Of(precision, recall) };
}

/**
 * B-cubed precision, recall and F1 (Bagga & Baldwin 1998) of a clustering against gold classes.
 * Per item i: precision = |items in i's cluster with i's class| / |i's cluster|, recall = the same
 * over |i's class|; both averaged over items.
 *
 * @example bcubed([{ gold: 'a', predicted: 'x' }, { gold: 'a', predicted: 'y' }]) // P 1, R 0.5
 */
export function bcubed(items: readonly { readonly gold: string; readonly predicted: string }[]): Prf & { readonly items: number } {
  if (items.length === 0) return { precision: 0, recall: 0, f1: 0, items: 0 };
  const count = (key: (i: { gold: string; predicted: string }) => string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    return m;
  };
  const cluster = count((i) => i.predicted);
  const klass = count((i) => i.gold);
  const both = count((i) => `${i.predicted}\u0000${i.gold}`);
  let p = 0;
  let r = 0;
  for (const i of items) {
    const shared = both.get(`${i.predicted}\u0000${i.gold}`) ?? 0;
    p += shared / (cluster.get(i.predicted) ?? 1);
    r += shared / (klass.get(i.gold) ?? 1);
  }
  const precision = p / items.length;
  const recall = r / items.length;
  return { precision, recall, f1: f1Of(precision, recall), items: items.length };
}

/** What became of one gold narrative claim: its key, its gold narrative, the tool narrative it landed in. */
export interface GoldClaimFate {
  /** `narrative@article:start-end`, unique within an event (see `claimKey`). */
  readonly key: string;
  readonly gold: string;
  /** The tool narrative of the claim that overlaps it most, or null when no reported claim aligns. */
  readonly predicted: string | null;
}

/**
 * The B-cubed items of a fixed claim set: every gold claim whose key is in `set`, whether or not
 * the tool still extracts it. A claim of the set no reported narrative holds becomes a cluster of
 * its own (`#lost:` + key), so losing a claim costs recall (and never earns precision it would not
 * have had as a correct singleton); a claim outside the set is not scored, however it is grouped.
 * Over the claims a run extracts, this is the ordinary B-cubed; over a set frozen from a reference
 * run it compares two runs on the same items.
 *
 * @example fixedSetItems([{ key: 'a', gold: 'n1', predicted: 'T1' }, { key: 'b', gold: 'n1', predicted: null }, { key: 'c', gold: 'n2', predicted: 'T1' }], new Set(['a', 'b']))
 * // [{ gold: 'n1', predicted: 'T1' }, { gold: 'n1', predicted: '#lost:b' }]: c is not scored
 */
export function fixedSetItems(claims: readonly GoldClaimFate[], set: ReadonlySet<string>): { gold: string; predicted: string }[] {
  return claims.filter((c) => set.has(c.key)).map((c) => ({ gold: c.gold, predicted: c.predicted ?? `#lost:${c.key}` }));
}

/** A character span of one article. */
export interface ArticleSpan {
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
}

/** Characters two spans share (0 across articles). */
export function overlap(a: ArticleSpan, b: ArticleSpan): number {
  if (a.articleId !== b.articleId) return 0;
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Whether a tool claim aligns with a gold span: same article and they share at least half of the
 * shorter one's characters ("Ukraine may be linked" inside the gold sentence aligns; a claim that
 * only touches the sentence's last word does not).
 */
export function aligns(tool: ArticleSpan, gold: ArticleSpan): boolean {
  const shorter = Math.min(tool.end - tool.start, gold.end - gold.start);
  return shorter > 0 && overlap(tool, gold) * 2 >= shorter;
}

/** A name or alias compared loosely: case, punctuation, a leading "the", a trailing "'s". */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ').trim()
    .replace(/^the /, '');
}

/** Whether two actors, each a list of names and aliases, share a name. */
export function sameActor(a: readonly string[], b: readonly string[]): boolean {
  const keys = new Set(a.map(nameKey).filter((k) => k !== ''));
  return b.some((n) => keys.has(nameKey(n)));
}

/** Round to 3 decimals for reports. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
