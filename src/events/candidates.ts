import type { TermVector } from './vectors.js';

/**
 * Pairs of articles worth comparing, without comparing all pairs: an inverted index over each
 * article's few heaviest terms that are shared (df >= 2) but rare (df <= `maxPosting`). Two
 * articles on one event nearly always share a rare heavy term (a name, a place, "caucus");
 * a term in thousands of articles ("election") would add many pairs and little evidence.
 * Pairs are yielded article by article (`[i, j]`, i < j, each once) and never all held at once:
 * at most `topTerms * maxPosting` per article, so time grows linearly with the corpus and memory
 * is the index only.
 *
 * @example
 * for (const [i, j] of candidatePairs(vectors, df, 10, 200)) score(i, j);
 */
export function* candidatePairs(
  vectors: readonly TermVector[],
  df: ReadonlyMap<string, number>,
  topTerms: number,
  maxPosting: number,
): Generator<readonly [number, number]> {
  const keys: string[][] = [];
  const postings = new Map<string, number[]>();
  vectors.forEach((vector, i) => {
    const top = [...vector]
      .filter(([term]) => { const f = df.get(term) ?? 0; return f >= 2 && f <= maxPosting; })
      .sort((x, y) => y[1] - x[1])
      .slice(0, topTerms)
      .map(([term]) => term);
    keys.push(top);
    for (const term of top) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(i);
    }
  });
  for (let i = 0; i < vectors.length; i++) {
    const partners = new Set<number>();
    for (const term of keys[i] ?? []) for (const j of postings.get(term) ?? []) if (j > i) partners.add(j);
    for (const j of [...partners].sort((x, y) => x - y)) yield [i, j];
  }
}
