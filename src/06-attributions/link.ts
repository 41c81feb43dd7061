/**
 * Link the tagged source and content spans to the cues they belong to.
 *
 * Rules, in order (token distance is the gap between the two spans):
 * - A source goes to the nearest cue of its sentence that has no source yet
 *   ("Clinton said ..., aides added" -> "Clinton"/said, "aides"/added); a second source for the
 *   same cue only when no free cue is left ("Trump and Pence, he said" stays one attribution).
 * - A content goes to the nearest cue of its sentence; failing that, to the nearest cue of an
 *   earlier sentence of the paragraph (a quote running on: "“We won,” he said. “Big.”"), then of
 *   a later one, then to the last cue of the previous two paragraphs
 *   ("He added:" ¶ "“We will win.”").
 * - A cue left without a source borrows the source of the previous cue of its sentence when it
 *   is a participle after a comma ("McCain said, citing low growth" -> McCain for "citing") or
 *   when that previous cue is a "citing"/"quoting" aside ("Reuters, citing sources, reported").
 * - Spans that find no cue are dropped: PolNeAR has no source or content without a cue.
 */
import type { Segmented } from '../types/index.js';
import type { CueTokens, RoleSpan } from './tag-roles.js';

/** Which spans belong to which cue (indices into the cue list). */
export interface Links {
  readonly sources: RoleSpan[][];
  readonly contents: RoleSpan[][];
}

interface CueSite {
  readonly index: number;
  readonly first: number;
  readonly end: number;
  readonly sentence: number;
  readonly paragraph: number;
}

function gap(a: { first: number; end: number }, b: { first: number; end: number }): number {
  if (a.end <= b.first) return b.first - a.end;
  if (b.end <= a.first) return a.first - b.end;
  return 0;
}

/** Assign every tagged span to a cue. */
export function linkSpans(segmented: Segmented, mapped: CueTokens, spans: readonly RoleSpan[]): Links {
  const { tokens, sentences } = segmented;
  const sites: CueSite[] = [];
  mapped.ranges.forEach((ranges, index) => {
    const first = ranges[0]?.[0] ?? 0;
    const end = ranges[ranges.length - 1]?.[1] ?? first;
    const sentence = tokens[first]?.sentence ?? 0;
    sites.push({ index, first, end, sentence, paragraph: sentences[sentence]?.paragraph ?? 0 });
  });
  const sources: RoleSpan[][] = sites.map(() => []);
  const contents: RoleSpan[][] = sites.map(() => []);
  const sentenceOf = (span: RoleSpan): number => tokens[span.first]?.sentence ?? 0;
  // A span never belongs to a cue it holds: in "Reuters reported [that officials said X]" the
  // content is the outer cue's, and the inner "said" gets its own roles in a second pass (nest.ts).
  const nearest = (span: RoleSpan, pool: readonly CueSite[]): CueSite | undefined => {
    let best: CueSite | undefined;
    for (const site of pool) {
      if (span.first < site.first && site.end <= span.end) continue;
      if (!best || gap(span, site) < gap(span, best)) best = site;
    }
    return best;
  };

  // Sources: greedy by distance, one per cue first, then leftovers to their nearest cue.
  const srcSpans = spans.filter((s) => s.role === 'source');
  const pairs: { s: number; c: number; d: number }[] = [];
  srcSpans.forEach((span, s) => {
    const sentence = sentenceOf(span);
    for (const site of sites) if (site.sentence === sentence) pairs.push({ s, c: site.index, d: gap(span, site) });
  });
  pairs.sort((a, b) => a.d - b.d || a.s - b.s);
  const used = new Set<number>();
  for (const { s, c } of pairs) {
    const list = sources[c];
    const span = srcSpans[s];
    if (used.has(s) || !list || list.length > 0 || !span) continue;
    list.push(span);
    used.add(s);
  }
  srcSpans.forEach((span, s) => {
    if (used.has(s)) return;
    const sentence = sentenceOf(span);
    const site = nearest(span, sites.filter((x) => x.sentence === sentence));
    if (site) sources[site.index]?.push(span);
  });

  borrowSources(segmented, sites, sources);

  for (const span of spans) {
    if (span.role !== 'content') continue;
    const sentence = sentenceOf(span);
    const paragraph = sentences[sentence]?.paragraph ?? 0;
    const site =
      nearest(span, sites.filter((x) => x.sentence === sentence)) ??
      nearest(span, sites.filter((x) => x.paragraph === paragraph && x.sentence < sentence)) ??
      nearest(span, sites.filter((x) => x.paragraph === paragraph && x.sentence > sentence)) ??
      [...sites].reverse().find((x) => x.paragraph < paragraph && x.paragraph >= paragraph - 2);
    if (site) contents[site.index]?.push(span);
  }
  return { sources, contents };
}

/** The source-sharing rules for sourceless participles and cues after a "citing" aside. */
function borrowSources(segmented: Segmented, sites: readonly CueSite[], sources: RoleSpan[][]): void {
  const { tokens } = segmented;
  sites.forEach((site, c) => {
    if ((sources[c]?.length ?? 0) > 0) return;
    let previous: CueSite | undefined;
    for (const other of sites) if (other.sentence === site.sentence && other.end <= site.first && (!previous || other.end > previous.end)) previous = other;
    if (!previous) return;
    const head = tokens[site.first];
    const participle = head?.pos === 'VERB' && head.lower.endsWith('ing') && tokens[site.first - 1]?.text === ',';
    const aside = /^(cite|citing|quote|quoting)$/.test(tokens[previous.first]?.lemma ?? '') || /^(citing|quoting)$/.test(tokens[previous.first]?.lower ?? '');
    const borrowed = sources[previous.index];
    if ((participle || aside) && borrowed && borrowed.length > 0) sources[c] = [...borrowed];
  });
}
