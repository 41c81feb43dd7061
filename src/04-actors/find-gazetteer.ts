/**
 * Rule: names from the gazetteers. States and their metonyms ("Moscow", "the Kremlin" -> Russia),
 * organisations ("FSB", "NATO"), groups ("ISIS-K"), media ("Reuters"), and state "sides" built
 * from a demonym or state name ("The Iranian side reportedly attributed ..." -> Iran).
 */
import type { Candidate } from './candidate.js';
import { PRIORITY } from './candidate.js';
import type { Context } from './context.js';
import type { GazetteerHit } from './gazetteers.js';
import { isCapitalised, isPartyLabel, spanText } from './text.js';

/** Prepositions that make a place name a location, not an actor: "arrived in Tehran". */
const LOCATIVE = new Set(['in', 'into', 'from', 'to', 'at', 'near', 'across', 'throughout', 'outside', 'inside', 'around', 'via', 'toward', 'towards', 'within']);

/** Find gazetteer mentions, longest match first at each token. */
export function findGazetteerMentions(ctx: Context): Candidate[] {
  const { segmented, words, gaz } = ctx;
  const tokens = segmented.tokens;
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = bestMatch(ctx, i);
    if (!hit) {
      i++;
      continue;
    }
    const [length, entry] = hit;
    const end = i + length;
    const previous = words[i - 1] === 'the' ? words[i - 2] : words[i - 1];
    // "the Iranian side", "the US government": the whole phrase stands for the state.
    const side = words[end];
    if (entry.kind === 'state' && entry.form !== 'metonym' && side !== undefined && gaz.stateSides.has(side) && words[i - 1] === 'the') {
      found.push(make(entry, i - 1, end + 1, 'description', PRIORITY.stateSide));
    } else if (i >= 2 && isPartyLabel(segmented, i - 2)) {
      // "Sen. Susan Collins, R-Maine": the state a lawmaker represents, not an actor.
    } else if (entry.form === 'demonym') {
      // "Iranian" alone is an adjective, not a mention: "Iranian President Massoud Pezeshikian".
    } else if (words[end] === '-' && words[end + 1] === 'based') {
      // "Islamic State's Afghanistan-based ISIS-Khorasan": a place of origin, not an actor.
    } else if (entry.locative && previous !== undefined && LOCATIVE.has(previous)) {
      // "a major blast in the city of Kerman", "arrived in Tehran": a place, not an actor.
    } else {
      found.push(make(entry, i, end, entry.form, PRIORITY.gazetteer));
    }
    i = end;
  }
  return found;

  function make(entry: GazetteerHit, first: number, end: number, form: Candidate['form'], priority: number): Candidate {
    return { first, end, kind: entry.kind, form, name: entry.name, key: `${entry.kind}:${entry.name}`, priority };
  }
}

/** The longest gazetteer key at token `i` whose spelling rules accept the text. */
function bestMatch(ctx: Context, i: number): [number, GazetteerHit] | undefined {
  const { segmented, words, gaz } = ctx;
  const tokens = segmented.tokens;
  for (const [length, hits] of gaz.names.matchAt(words, i)) {
    for (const hit of hits) {
      if (hit.exact !== undefined) {
        const surface = spanText(segmented, i, i + length).replace(/\s+/g, '');
        if (surface !== hit.exact.replace(/\s+/g, '')) continue;
      } else {
        // "the Kremlin" is written with a capital; "kremlin" in running text is not a name.
        const head = words[i] === 'the' ? tokens[i + 1] : tokens[i];
        if (!head || !isCapitalised(head)) continue;
      }
      return [length, hit];
    }
  }
  return undefined;
}
