/**
 * Rule: an abbreviation in brackets after a name is an alias of it, and later uses of the bare
 * abbreviation are the same actor: "the Crimean Defence Council (CDC) ... the CDC said".
 * (Known abbreviations like "FSB" are in the gazetteer already; this covers the rest.)
 */
import type { Candidate } from './candidate.js';
import type { Context } from './context.js';
import { isAcronym } from './text.js';

/** Return the candidates with bracketed abbreviations linked to the name before them. */
export function addAbbreviations(ctx: Context, selected: readonly Candidate[]): Candidate[] {
  const { words, segmented } = ctx;
  const byStart = new Map(selected.map((c) => [c.first, c]));
  const defined = new Map<string, Candidate>();
  const out: Candidate[] = [];
  for (const c of selected) {
    const abbr = defined.get(words[c.first] ?? '');
    if (abbr && c.end - c.first === 1 && c.form === 'name') {
      out.push({ ...c, kind: abbr.kind, key: abbr.key, name: abbr.name, tentative: false });
      continue;
    }
    out.push(c);
    const inside = segmented.tokens[c.end + 1];
    const isNamed = c.form === 'name' && c.key !== '' && c.kind !== 'person';
    if (!isNamed || words[c.end] !== '(' || words[c.end + 2] !== ')' || !inside || !isAcronym(inside)) continue;
    defined.set(words[c.end + 1] ?? '', c);
    if (!byStart.has(c.end + 1)) out.push({ ...c, first: c.end + 1, end: c.end + 2, tentative: false });
  }
  return out.sort((a, b) => a.first - b.first);
}
