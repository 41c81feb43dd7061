/**
 * Stage 06: attributions. Given the cues of stage 05, find each cue's source and content and
 * return who-said-what, plus the writer's own unattributed claims.
 *
 * PolNeAR annotation conventions (studied on train; the model learns them, the rules keep them):
 * - Content starts at "that" when present ("said [that he would run]") and stops before the
 *   sentence's final period, but keeps quote marks and a period inside them
 *   ("said, [“We will win.”]"). Content never crosses a line break: a quote over two paragraphs
 *   is two fragments of one attribution, and "He added:" ¶ "“...”" links across the break.
 * - Content may cross sentences within a paragraph ("[“We won. It was big,”] he said").
 * - Sources are whole noun phrases with determiners, titles and appositives
 *   ("[Spokeswoman Haley Morris] says", "[Brent Bozell III, founder of the MRC,] says") and
 *   pronouns ("[he] said"); agentless reports have no source ("[the reasons] [have been
 *   well-documented]").
 * - Cues are verb groups with auxiliaries, negation and adverbs ("[has repeatedly said]"),
 *   phrases ("[according to]"), nouns ("his [announcement of]"), and a trailing ":" in
 *   "X [said:]"-style lead-ins. Beliefs and wishes count too ("he [thinks]", "they [want]").
 * - Nesting: "[Reuters], [citing] [three sources], [reported] ..." gives two relations, and an
 *   outer content runs over an inner relation ("Peskov said [he was not aware of any warnings]").
 *
 * How: a second averaged-perceptron tagger (trained on PolNeAR train, see train.ts) labels
 * sources and contents paragraph by paragraph, with features relative to the cues found by
 * stage 05 (tag-roles.ts, role-features.ts); rules then repair what one layer of labels cannot
 * say (repair.ts, nest.ts) and link each span to its cue (link.ts).
 */
import type { FeatureContext } from '../05-cues/detect-features.js';
import { featureContext } from '../05-cues/detect-features.js';
import { defaultAttributionModel, type AttributionModel } from '../05-cues/detect-model.js';
import type { Actor, Attribution, Claim, Cue, Segmented, Span } from '../types/index.js';
import { collectClaims } from './claims.js';
import { splitCoordinated } from './coordinated.js';
import { relativeSubject } from './relative-subject.js';
import { linkSpans } from './link.js';
import { frontedContent, nestAfterContent, nestInner } from './nest.js';
import { splitAccordingTo } from './repair.js';
import { wholeQuoteMarks, withoutTrailingComma } from './span-edges.js';
import { cueTokens, tagRoles, type RoleSpan } from './tag-roles.js';

/** What the attribution stage finds in one article. */
export interface AttributionResult {
  readonly attributions: readonly Attribution[];
  /** Sentences asserted by the writer without any attribution. */
  readonly claims: readonly Claim[];
}

/** Options of {@link extractAttributions}. */
export interface AttributionOptions {
  /** The trained model. @default the model under `models/` */
  readonly model?: AttributionModel;
  /** Reuse the feature context computed by cue detection. */
  readonly context?: FeatureContext;
}

/**
 * Link each cue to its source and content; collect unattributed claims.
 *
 * @example
 * const { attributions } = extractAttributions(segmented, actors, tagCues(segmented));
 * attributions[0].source?.spans[0].text; // "Sen. Warren"
 */
export function extractAttributions(
  segmented: Segmented,
  actors: readonly Actor[],
  cues: readonly Cue[],
  options: AttributionOptions = {},
): AttributionResult {
  const model = options.model ?? defaultAttributionModel();
  const ctx = options.context ?? featureContext(segmented);
  const { tokens, article } = segmented;
  const mapped = cueTokens(segmented, cues);
  const spans = splitAccordingTo(segmented, cues, mapped, tagRoles(model, segmented, cues, mapped, ctx));
  const links = linkSpans(segmented, mapped, spans);
  splitCoordinated(segmented, mapped, links);
  relativeSubject(segmented, mapped, links);
  nestAfterContent(segmented, mapped, links);
  frontedContent(segmented, mapped, links);
  nestInner(segmented, mapped, links, (inner) => {
    const innerList = inner.map((c) => cues[c]).filter((c): c is Cue => c !== undefined);
    const innerMapped = cueTokens(segmented, innerList);
    // Only the inner cues' own paragraphs: their roles stay inside the outer content.
    const paragraphs = new Set(innerMapped.ranges.map((r) => ctx.paragraphOf[r[0]?.[0] ?? 0] ?? 0));
    return { spans: tagRoles(model, segmented, innerList, innerMapped, ctx, paragraphs), mapped: innerMapped };
  });
  const toSpan = (s: RoleSpan): Span => {
    const start = tokens[s.first]?.start ?? 0;
    const end = tokens[s.end - 1]?.end ?? start;
    return { start, end, text: article.text.slice(start, end) };
  };
  const byStart = (a: RoleSpan, b: RoleSpan): number => a.first - b.first;
  const attributions: Attribution[] = cues.map((cue, c) => {
    const sourceSpans = [...(links.sources[c] ?? [])].sort(byStart).map((span) => toSpan(wholeQuoteMarks(segmented, span)));
    return {
      id: `t${c + 1}`,
      source: sourceSpans.length > 0 ? { spans: sourceSpans, actorId: actorOf(actors, sourceSpans, cue) } : null,
      cue,
      content: [...(links.contents[c] ?? [])].sort(byStart).map((span) => toSpan(wholeQuoteMarks(segmented, withoutTrailingComma(segmented, span)))),
    };
  });
  const nested = withParents(attributions);
  const covered = new Uint8Array(tokens.length);
  for (const s of spans) for (let i = s.first; i < s.end; i++) covered[i] = 1;
  for (let i = 0; i < tokens.length; i++) if ((mapped.cueOf[i] ?? -1) >= 0) covered[i] = 1;
  return { attributions: nested, claims: collectClaims(segmented, covered, ctx.inQuote) };
}

/**
 * The actor of the source: among mentions overlapping a source span, the one nearest the cue,
 * since the head of a source phrase sits next to its verb ("The head of Russia’s FSB, Aleksandr
 * Bortnikov, suggested" -> Bortnikov, not Russia; "said Maria Lopez, a spokeswoman for the
 * union" -> Lopez). Null when no mention overlaps.
 */
function actorOf(actors: readonly Actor[], spans: readonly Span[], cue: Cue): string | null {
  const at = cue.spans[0];
  let best: { id: string; distance: number; length: number } | undefined;
  for (const actor of actors) {
    for (const m of actor.mentions) {
      if (!spans.some((s) => m.start < s.end && s.start < m.end)) continue;
      const distance = at ? Math.max(at.start - m.end, m.start - at.end, 0) : 0;
      const length = m.end - m.start;
      if (!best || distance < best.distance || (distance === best.distance && length > best.length)) best = { id: actor.id, distance, length };
    }
  }
  return best ? best.id : null;
}

/**
 * Nesting: an attribution whose cue sits inside another's content is nested in it
 * ("Officials said [Trump told aides he would stay]"); a "citing"/"quoting" cue is nested in
 * the attribution of the nearest other cue of its sentence ("Reuters, citing sources, reported").
 */
function withParents(list: readonly Attribution[]): Attribution[] {
  return list.map((a) => {
    const at = a.cue.spans[0];
    if (!at) return a;
    let parent = list.find((b) => b !== a && b.content.some((s) => s.start <= at.start && at.end <= s.end));
    if (!parent && /^(cite|quote|citing|quoting)$/.test(a.cue.lemma)) {
      let best = Infinity;
      for (const b of list) {
        const bs = b.cue.spans[0];
        if (b === a || !bs || b.cue.sentence !== a.cue.sentence) continue;
        const d = Math.abs(bs.start - at.start);
        if (d < best) { best = d; parent = b; }
      }
    }
    return parent ? { ...a, parentId: parent.id } : a;
  });
}
