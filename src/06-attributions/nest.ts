/**
 * Repairs after linking, for two structures a one-layer tagger cannot express, since PolNeAR
 * lets relations nest (a token may be in the content of one relation and the source of another).
 */
import type { Segmented } from '../types/index.js';
import { linkSpans, type Links } from './link.js';
import type { CueTokens, RoleSpan } from './tag-roles.js';

interface Site {
  readonly first: number;
  readonly end: number;
  readonly sentence: number;
}

function sitesOf(segmented: Segmented, mapped: CueTokens): Site[] {
  return mapped.ranges.map((ranges) => {
    const first = ranges[0]?.[0] ?? 0;
    return { first, end: ranges[ranges.length - 1]?.[1] ?? first, sentence: segmented.tokens[first]?.sentence ?? 0 };
  });
}

/**
 * A sourceless cue right after a content of another cue (which follows its cue) is a relation
 * nested in that content: the outer content runs on to the end of the inner one. (Making the
 * span the inner source too was tried: PolNeAR rarely annotates it, -0.4 source F1 on dev.
 * Contents of any length, not only up to 6 tokens: +0.2 content, +0.5 relation F1 on dev; also
 * when the inner cue has a source right before it ("... [$18 million] [he] [says] ..."): no
 * gain, -0.3 cue recall and -0.1 relation F1, since many such cues are relations of their own.)
 *
 * @example
 * // "Peskov said [he] [was not aware of] [any warnings]."
 * // -> said: content "he was not aware of any warnings"
 */
export function nestAfterContent(segmented: Segmented, mapped: CueTokens, links: Links): void {
  const sites = sitesOf(segmented, mapped);
  sites.forEach((inner, c2) => {
    if ((links.sources[c2]?.length ?? 0) > 0) return;
    sites.forEach((outer, c1) => {
      if (c1 === c2 || outer.sentence !== inner.sentence || outer.end > inner.first) return;
      const list = links.contents[c1] ?? [];
      const k = list.findIndex((s) => s.end === inner.first && s.first >= outer.end);
      const subject = list[k];
      if (!subject) return;
      const after = (links.contents[c2] ?? []).filter((s) => s.first >= inner.end && s.first <= inner.end + 1);
      const end = Math.max(...after.map((s) => s.end));
      if (after.length === 0) return;
      list[k] = { role: 'content', first: subject.first, end };
    });
  });
}

const CLAUSE = new Set(['VERB', 'AUX']);

/**
 * A cue that found no content, whose source sits between a comma and the cue, reports the
 * clause before the comma. The tagger usually gets this pattern; this catches the sentences
 * where a clause inside the content misled it.
 *
 * @example
 * // "Iran warned Russia days before the attack, which claimed 140 lives, Reuters reported."
 * // -> reported: content "Iran warned Russia days before the attack, which claimed 140 lives"
 */
export function frontedContent(segmented: Segmented, mapped: CueTokens, links: Links): void {
  const { tokens, sentences } = segmented;
  const sites = sitesOf(segmented, mapped);
  sites.forEach((site, c) => {
    const source = links.sources[c]?.[0];
    if ((links.contents[c]?.length ?? 0) > 0 || !source || source.end !== site.first) return;
    const comma = source.first - 1;
    const sentence = sentences[site.sentence];
    if (!sentence || tokens[comma]?.text !== ',' || comma - sentence.firstToken < 4) return;
    const region: RoleSpan = { role: 'content', first: sentence.firstToken, end: comma };
    let clause = false;
    for (let i = region.first; i < region.end; i++) if (CLAUSE.has(tokens[i]?.pos ?? 'X')) clause = true;
    if (!clause) return;
    // Leave it alone when a cue outside the region already claims text inside it.
    const taken = sites.some((other, o) =>
      o !== c && (other.first < region.first || other.first >= region.end) &&
      (links.contents[o] ?? []).some((s) => s.first < region.end && region.first < s.end));
    if (!taken) links.contents[c] = [region];
  });
}

/** A cue inside a content of another cue, with the token range of that content. */
interface Inner {
  readonly cue: number;
  readonly first: number;
  readonly end: number;
}

/** Cues whose tokens lie inside a content linked to another cue, with that content's range. */
export function innerCues(mapped: CueTokens, links: Links): Inner[] {
  const out: Inner[] = [];
  mapped.ranges.forEach((ranges, c2) => {
    const first = ranges[0]?.[0];
    const end = ranges[ranges.length - 1]?.[1];
    if (first === undefined || end === undefined) return;
    for (const [c1, list] of links.contents.entries()) {
      if (c1 === c2) continue;
      const holder = list.find((s) => s.first <= first && end <= s.end);
      if (holder) { out.push({ cue: c2, first: holder.first, end: holder.end }); return; }
    }
  });
  return out;
}

/**
 * The second layer: a cue inside another cue's content gets its own source and content, read by
 * the role tagger over the paragraph with only the inner cues marked and kept inside the outer
 * content. PolNeAR annotates only the outer relation; the inner one is kept nested
 * (`parentId`), so both survive.
 *
 * @example
 * // "Fox paid a settlement to a booker who said Mr. Ailes harassed her, the Times reported."
 * // layer 1: reported <- content "Fox paid ... harassed her"; layer 2: said <- source "who",
 * // content "Mr. Ailes harassed her"
 */
export function nestInner(
  segmented: Segmented,
  mapped: CueTokens,
  links: Links,
  tag: (inner: readonly number[]) => { spans: readonly RoleSpan[]; mapped: CueTokens },
): void {
  const inner = innerCues(mapped, links);
  if (inner.length === 0) return;
  const { spans, mapped: innerMapped } = tag(inner.map((x) => x.cue));
  const clipped: RoleSpan[] = [];
  for (const span of spans) {
    const outer = inner.find((x) => x.first < span.end && span.first < x.end);
    if (!outer) continue;
    const first = Math.max(span.first, outer.first);
    const end = Math.min(span.end, outer.end);
    if (end > first) clipped.push({ role: span.role, first, end });
  }
  const sub = linkSpans(segmented, innerMapped, clipped);
  inner.forEach((x, j) => {
    links.sources[x.cue] = sub.sources[j] ?? [];
    links.contents[x.cue] = sub.contents[j] ?? [];
  });
}
