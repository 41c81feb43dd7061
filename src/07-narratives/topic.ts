/**
 * Step 7.6b: which claims are about the event itself (the graph and the pair features read it).
 */
import { stem } from '../adapters/natural.js';
import type { ClaimFeatures } from './features.js';
import { AGENCY_WORDS } from './lexicon.js';

const AGENCY = new Set(AGENCY_WORDS.map(stem));

/**
 * Whether each claim is about the event itself. The event's words are the topic stems most of
 * its claims share ("attack", "massacre"); a claim is off the event when it names an object of
 * its own instead ("blamed Israel and the United States for supporting extremist groups in the
 * region": "support", "extremist", "region" are no event words).
 */
export function onEvent(features: readonly ClaimFeatures[]): boolean[] {
  const df = new Map<string, number>();
  for (const f of features) for (const w of new Set(f.words)) if (!f.nameWords.has(w)) df.set(w, (df.get(w) ?? 0) + 1);
  const min = Math.max(2, Math.ceil(features.length * 0.08));
  const eventWords = new Set([...df].filter(([, n]) => n >= min).map(([w]) => w));
  return features.map((f) => {
    if (f.words.some((w) => eventWords.has(w))) return true;
    const own = new Set(f.words.filter((w) => !f.nameWords.has(w) && !AGENCY.has(w)));
    return own.size <= 2;
  });
}
