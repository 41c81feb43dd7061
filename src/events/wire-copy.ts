import type { EventInput } from './types.js';

const SHINGLE = 5;

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  const result = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) result.add(words.slice(i, i + SHINGLE).join(' '));
  return result;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Within one event, flag articles that are near-identical copies of an earlier article from a
 * different outlet (an AP story run by three papers): word 5-shingle Jaccard over the full text.
 * Only pairs inside an event are compared, so the cost is small; events larger than `maxEvent`
 * articles are skipped rather than compared pairwise.
 *
 * @example
 * wireCopies(articles, [0, 3, 4], 0.7) // Map { 4 => 0 }: article 4 copies article 0
 */
export function wireCopies(articles: readonly EventInput[], members: readonly number[], threshold: number, maxEvent = 200): Map<number, number> {
  const copies = new Map<number, number>();
  if (members.length < 2 || members.length > maxEvent) return copies;
  const sets = members.map((i) => shingles(articles[i]?.text ?? ''));
  for (let b = 1; b < members.length; b++) {
    const later = articles[members[b] ?? 0];
    for (let a = 0; a < b; a++) {
      const original = articles[members[a] ?? 0];
      if (!later || !original || copies.has(members[a] ?? -1)) continue;
      if (later.outlet === original.outlet && later.outlet !== null) continue; // same outlet: a repeat, not syndication
      if (jaccard(sets[a] ?? new Set(), sets[b] ?? new Set()) >= threshold) {
        copies.set(members[b] ?? 0, members[a] ?? 0);
        break;
      }
    }
  }
  return copies;
}
