/**
 * Overlap resolution: mention spans of the output never overlap. When two candidates share a
 * token, the higher-priority one wins, then the longer, then the earlier: "US officials"
 * (a generic source) beats "US" (a state); "Jordan Peterson" (a person) beats "Jordan".
 */
import type { Candidate } from './candidate.js';

/** Keep a non-overlapping subset of candidates, sorted by position. */
export function selectCandidates(candidates: readonly Candidate[], tokenCount: number): Candidate[] {
  // A tentative name ranks below everything: "The Post has learned" is the outlet, not a "Post".
  const rank = (c: Candidate): number => (c.tentative ? 0 : c.priority);
  const ranked = [...candidates].sort(
    (a, b) => rank(b) - rank(a) || b.end - b.first - (a.end - a.first) || a.first - b.first,
  );
  const taken = new Uint8Array(tokenCount);
  const kept: Candidate[] = [];
  for (const c of ranked) {
    let free = true;
    for (let k = c.first; k < c.end && free; k++) free = taken[k] === 0;
    if (!free) continue;
    taken.fill(1, c.first, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.first - b.first);
}
