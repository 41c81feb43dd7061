/**
 * The subject before a relative clause: in "The senator, who has criticized the plan, said it
 * would fail." the role tagger gives "who" to "has criticized" and leaves "said" with no source,
 * since it has seen few such subjects with a cue of their own in the clause. PolNeAR gives the
 * outer cue the noun phrase before ", who" (the relative clause holds a relation of its own).
 * Dashes delimit the clause as commas do: "The governor -- who has denied any wrongdoing -- said".
 */
import { isDash } from '../05-cues/typed-marks.js';
import type { Segmented } from '../types/index.js';
import type { Links } from './link.js';
import type { CueTokens } from './tag-roles.js';

const RELATIVE = new Set(['who', 'which']);
/** Parts of speech of a subject noun phrase ("A spokesman for the ministry"). */
const PHRASE = new Set(['NOUN', 'PROPN', 'DET', 'ADJ', 'NUM', 'PART', 'ADP']);
const HEAD = new Set(['NOUN', 'PROPN']);
/** Longest relative clause and subject considered, in tokens. */
const MAX_CLAUSE = 25;
const MAX_SUBJECT = 10;

/**
 * Give a sourceless cue right after ", who/which CLAUSE," the noun phrase before the comma as its
 * source, when the clause holds another cue (which keeps "who" as its source).
 *
 * @example
 * // "[The senator], who [has criticized] the plan, [said] it would fail."
 * // -> said: source "The senator"
 */
export function relativeSubject(segmented: Segmented, mapped: CueTokens, links: Links): void {
  const { tokens } = segmented;
  mapped.ranges.forEach((ranges, c) => {
    const first = ranges[0]?.[0];
    if (first === undefined || (links.sources[c]?.length ?? 0) > 0) return;
    // The clause is set off by commas or by dashes, the same on both sides.
    const comma = tokens[first - 1]?.text === ',';
    if (!comma && !isDash(tokens, first - 1)) return;
    const delimits = (i: number): boolean => (comma ? tokens[i]?.text === ',' : isDash(tokens, i));
    const sentence = tokens[first]?.sentence;
    // Back over the relative clause, no delimiter inside, to ", who".
    let w = first - 2;
    while (w >= 0 && first - w <= MAX_CLAUSE && tokens[w]?.sentence === sentence && !delimits(w) && !RELATIVE.has(tokens[w]?.lower ?? '')) w--;
    if (!RELATIVE.has(tokens[w]?.lower ?? '') || !delimits(w - 1)) return;
    const inner = mapped.ranges.some((r, o) => o !== c && (r[0]?.[0] ?? -1) > w && (r[0]?.[0] ?? Infinity) < first - 1);
    if (!inner) return;
    // Back over the subject noun phrase.
    const end = w - 1;
    let start = end;
    let head = false;
    while (start - 1 >= 0 && end - start < MAX_SUBJECT && tokens[start - 1]?.sentence === sentence && PHRASE.has(tokens[start - 1]?.pos ?? 'X')) {
      start--;
      if (HEAD.has(tokens[start]?.pos ?? 'X')) head = true;
    }
    // A phrase opened by a preposition ("In Ohio, ...") is no subject.
    while (start < end && tokens[start]?.pos === 'ADP') start++;
    if (!head || start >= end || (mapped.cueOf[start] ?? -1) >= 0) return;
    links.sources[c] = [{ role: 'source', first: start, end }];
    // The phrase is no content of the clause's cue ("The company" of "which denied").
    for (const list of links.contents) {
      for (let k = list.length - 1; k >= 0; k--) {
        const s = list[k];
        if (s && s.first >= start && s.end <= end) list.splice(k, 1);
      }
    }
  });
}
