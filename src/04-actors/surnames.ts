import type { Segmented } from '../types/index.js';
import { PRIORITY, type Candidate } from './candidate.js';

/**
 * A lone word that is the surname of a person named in full elsewhere in the article is that
 * person, not the place or body the gazetteer knows by the same word: after "Rep. Jim Jordan",
 * "Jordan said" is Jim Jordan, not the kingdom; after "Sen. Tim Kaine ... Virginia's Kaine" the
 * same. Gazetteer matches of such words are turned into name candidates, which the clustering
 * then merges with the full name by surname.
 */
export function surnamesOverPlaces(segmented: Segmented, names: readonly Candidate[], gazetteer: readonly Candidate[]): Candidate[] {
  const surnames = new Set<string>();
  for (const c of names) {
    if (c.kind !== 'person' || c.tentative || c.end - c.first < 2) continue;
    const last = segmented.tokens[c.end - 1];
    if (last) surnames.add(last.lower);
  }
  if (surnames.size === 0) return [...gazetteer];
  return gazetteer.map((c) => {
    const token = segmented.tokens[c.first];
    if (c.end - c.first !== 1 || !token || !surnames.has(token.lower) || c.form === 'metonym') return c;
    return { first: c.first, end: c.end, kind: 'person', form: 'name', name: token.text, key: '', priority: PRIORITY.name };
  });
}
