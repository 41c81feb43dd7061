/**
 * Coordinated reports: "The mayor warned that the bridge would close, and residents said they
 * were worried." are two relations side by side, not one nested in the other. A one-layer tagger
 * trained with inner cues (train-inner-cues.ts) sometimes lets the first content run over the
 * second report; PolNeAR never nests, and a clause joined by ", and" / ", but" whose subject
 * stands right before its own cue is a report of its own.
 */
import type { Segmented } from '../types/index.js';
import type { Links } from './link.js';
import type { CueTokens } from './tag-roles.js';

const CONJUNCTIONS = new Set(['and', 'but']);
/** Parts of speech a subject noun phrase is made of ("many of the local residents"). */
const SUBJECT = new Set(['NOUN', 'PROPN', 'PRON', 'DET', 'ADJ', 'NUM', 'ADP', 'PART']);
const HEAD = new Set(['NOUN', 'PROPN', 'PRON']);
/** "..., and I think ..." inside a quote hedges the quote; it is no second report. */
const SPEAKER = new Set(['i', 'we', 'you']);
/** Longest subject considered, in tokens. */
const MAX_SUBJECT = 8;

/**
 * Cut a content that runs up to or over ", and SUBJECT CUE" when that cue found no source of its
 * own: the content stops before the comma, the subject becomes the cue's source and what the cut
 * content held after the cue, if anything, its content. Runs before nestAfterContent, which
 * would otherwise join the two contents.
 *
 * @example
 * // "The mayor warned [that the bridge would close, and residents said they were worried]."
 * // -> warned: "that the bridge would close"; said: source "residents", content "they were worried"
 */
export function splitCoordinated(segmented: Segmented, mapped: CueTokens, links: Links): void {
  const { tokens } = segmented;
  mapped.ranges.forEach((ranges, c2) => {
    const first = ranges[0]?.[0];
    const end = ranges[ranges.length - 1]?.[1];
    if (first === undefined || end === undefined || (links.sources[c2]?.length ?? 0) > 0) return;
    // Walk back over the subject to the conjunction.
    let j = first - 1;
    let head = false;
    while (j >= 0 && first - j <= MAX_SUBJECT && SUBJECT.has(tokens[j]?.pos ?? 'X') && !CONJUNCTIONS.has(tokens[j]?.lower ?? '')) {
      if (SPEAKER.has(tokens[j]?.lower ?? '')) return;
      if (HEAD.has(tokens[j]?.pos ?? 'X')) head = true;
      j--;
    }
    if (!head || j === first - 1 || !CONJUNCTIONS.has(tokens[j]?.lower ?? '') || tokens[j - 1]?.text !== ',') return;
    const comma = j - 1;
    for (const [c1, list] of links.contents.entries()) {
      if (c1 === c2) continue;
      const k = list.findIndex((s) => s.first < comma && first <= s.end);
      const holder = list[k];
      if (!holder) continue;
      list[k] = { role: 'content', first: holder.first, end: comma };
      links.sources[c2] = [{ role: 'source', first: j + 1, end: first }];
      if (holder.end > end && (links.contents[c2]?.length ?? 0) === 0) links.contents[c2] = [{ role: 'content', first: end, end: holder.end }];
      return;
    }
  });
}
