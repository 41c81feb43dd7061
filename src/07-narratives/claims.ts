/**
 * Step 7.2: the claims of one article, i.e. the propositions narratives are made of. Each
 * attribution's content becomes a claim backed by its speaker, with a stance from its cue; each
 * sentence the writer asserts without attributing it becomes an own-voice claim.
 */
import type { AnalyzedArticle, Attribution, Span, StanceClass } from '../types/index.js';
import type { ClaimStance, NarrativeClaim } from '../types/narratives.js';
import { attributedStance, ownVoiceStance } from './claim-stance.js';
import { speakersOf, type CrossActors } from './cross-actors.js';

/**
 * Stance of a claim's backer, from the class of the cue that introduces it and whether the cue
 * is negated: "Peskov was not aware of any warnings" withholds belief (doubts), "did not deny"
 * leaves the content standing (hedges).
 */
export function stanceOf(stanceClass: StanceClass, negated = false): ClaimStance {
  if (negated) return stanceClass === 'denial' || stanceClass === 'doubt' ? 'hedges' : 'doubts';
  if (stanceClass === 'denial') return 'denies';
  if (stanceClass === 'doubt') return 'doubts';
  if (stanceClass === 'hedging') return 'hedges';
  return 'asserts';
}

// "the lives of over 140, which claimed ...": a relative pronoun naming a thing is never a speaker.
const NOT_A_SPEAKER = /^(which|that|it)$/i;
// "Reuters, citing three sources, ...": a nested "cite" names the evidence of its parent, not a proposition.
const EVIDENCE_CUES = new Set(['cite', 'quote']);
// The writer hedging in their own voice: "reportedly", "appears to", "might".
const OWN_HEDGES = /\b(reportedly|allegedly|apparently|appears?|seem(s|ed)?|might|may|could|possibly|purportedly)\b/i;
const MIN_WORDS = 3;
/**
 * Why a source may stay unnamed is no proposition: "according to the aide, who requested
 * anonymity to discuss the talks", "who spoke on condition of anonymity", "because they were not
 * authorized to speak publicly". News style attaches it to unnamed sources; it states nothing
 * about the event, so it backs and disputes nothing.
 */
const SOURCING_NOTE = /^(?:who\s+|because\s+\S+\s+)?(?:(?:spoke|speaking|talked|requested|asked\s+for|(?:was|were)\s+granted|insisted\s+on|on(?:\s+the)?\s+condition\s+of)\s+)*(?:anonymity|anonymously)\b|^(?:who\s+|because\s+\S+\s+)?(?:was|were|is|are)\s+not\s+authori[sz]ed\s+to\s+(?:speak|discuss|comment|talk)\b/i;

const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** Trim a span to its first and last letter or digit, keeping closing quotes out ("…, " -> "…"). */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && !/[\p{L}\p{N}“"‘'[(]/u.test(text[s] ?? '')) s++;
  while (e > s && !/[\p{L}\p{N}”"’')\]]/u.test(text[e - 1] ?? '')) e--;
  return e > s ? { start: s, end: e, text: text.slice(s, e) } : null;
}

/**
 * The part of a sentence an attribution with no content span asserts: the longest stretch not
 * covered by its source, its cue or other contents ("Iran had tipped Russia off ..., Reuters
 * reported on Monday" -> "Iran had tipped Russia off ..."). None when that stretch holds another
 * attribution's cue: the attribution then relays someone else's words, and a relay neither backs
 * nor disputes them ("Officials told the committee that ..., according to the aide"; "“Yikes,” one
 * official told colleagues, as described by the report": the officials speak, not the aide or the
 * report). A cue that is part of the event stays the relay's claim ("Iran warned Russia about an
 * attack, Reuters reported": Reuters asserts the warning, see `eventLike`).
 */
function residualContent(article: AnalyzedArticle, attribution: Attribution, taken: readonly Span[], others: readonly Attribution[] = []): Span | null {
  const sentence = article.sentences[attribution.cue.sentence];
  if (!sentence) return null;
  const covered = [...(attribution.source?.spans ?? []), ...attribution.cue.spans, ...taken]
    .filter((s) => s.end > sentence.start && s.start < sentence.end)
    .sort((a, b) => a.start - b.start);
  let best: Span | null = null;
  let cursor = sentence.start;
  for (const span of [...covered, { start: sentence.end, end: sentence.end, text: '' }]) {
    const piece = span.start > cursor ? trimSpan(article.text, cursor, span.start) : null;
    if (piece && (!best || piece.text.length > best.text.length)) best = piece;
    cursor = Math.max(cursor, span.end);
  }
  if (!best || wordCount(best.text) < MIN_WORDS + 1) return null;
  const piece = best;
  const relayed = others.some((o) => o !== attribution && o.source && !eventLike(o) && o.cue.spans.some((c) => c.start >= piece.start && c.end <= piece.end));
  return relayed ? null : piece;
}

/** Joins the fragments of a content into one covering span ("X," he said, "Y" -> X ... Y). */
function cover(article: AnalyzedArticle, spans: readonly Span[]): Span | null {
  if (spans.length === 0) return null;
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  return trimSpan(article.text, start, end);
}

/**
 * Attributions the attribution stage leaves without a source that speak for another one: a
 * nested cue speaks for its parent's source, and in a chain the content of one attribution is
 * the source of the next: "top officials signaling that [preliminary
 * findings] indicated Ukraine might have been involved". The inner claim is backed by the outer
 * speaker; the outer content, a bare noun phrase, is no claim.
 */
function relaysOf(attributions: readonly Attribution[]): { inner: Map<string, Attribution>; outer: Set<string> } {
  const inner = new Map<string, Attribution>();
  const outer = new Set<string>();
  for (const b of attributions) {
    if (b.source) continue;
    // "Peskov said he was not aware of any warnings": the nested cue speaks for its parent's source.
    const parent = b.parentId ? attributions.find((x) => x.id === b.parentId && x.source) : undefined;
    if (parent) {
      inner.set(b.id, parent);
      continue;
    }
    const cueStart = Math.min(...b.cue.spans.map((s) => s.start));
    const a = attributions.find((x) => x !== b && x.source && x.cue.sentence === b.cue.sentence &&
      x.content.some((c) => c.end <= cueStart && cueStart - c.end <= 2));
    if (!a) continue;
    inner.set(b.id, a);
    if (wordCount(a.content.map((c) => c.text).join(' ')) <= MIN_WORDS) outer.add(a.id);
  }
  return { inner, outer };
}

/**
 * Actors named as the evidence of an attribution by a nested citing cue ("Reuters reported,
 * citing three sources familiar with the matter"): they back the claim too.
 */
function citedActors(article: AnalyzedArticle, attribution: Attribution): string[] {
  const children = article.attributions.filter((a) => a.parentId === attribution.id && EVIDENCE_CUES.has(a.cue.lemma));
  const ids: string[] = [];
  for (const child of children) {
    for (const actor of article.actors) {
      // "citing former Missouri senators like John Ashcroft": a place before a plural noun
      // or a party label describes the people cited; it is not cited itself.
      const cited = actor.mentions.some((m) => child.content.some((c) => m.start >= c.start && m.end <= c.end) &&
        !(actor.kind !== 'person' && PLACE_MODIFIER.test(article.text.slice(m.end, m.end + 24))));
      if (cited) ids.push(actor.id);
    }
  }
  return ids;
}

/** What follows a place that qualifies people: "Missouri [senators]", "Texas [Republicans]". */
const PLACE_MODIFIER = /^\s+(?:[a-z][a-z-]*s|Republicans?|Democrats?)\b/;

/**
 * The attribution an outer one reports, when its content is mostly that other attribution.
 * "Washington claimed that the Islamic State was behind it, she said": the inner claim carries the
 * proposition with its own speaker and cue; the outer speaker only reports it and does not back
 * it. But when the inner cue's verb is part of the proposition and takes no clause ("Iran warned
 * Russia about a major terrorist operation, three sources said"), the outer speaker asserts the
 * whole event and backs it; the inner fragment is then no claim of its own.
 */
function reportedInner(outer: Attribution, all: readonly Attribution[]): Attribution | undefined {
  const content = outer.content;
  if (content.length === 0) return undefined;
  const length = content.reduce((n, c) => n + c.end - c.start, 0);
  return all.find((inner) => inner !== outer &&
    inner.cue.spans.every((s) => content.some((c) => s.start >= c.start && s.end <= c.end)) &&
    inner.content.reduce((n, c) => n + c.end - c.start, 0) >= length / 2);
}

/** True when the inner attribution's verb belongs to the proposition (see {@link reportedInner}). */
const eventLike = (inner: Attribution): boolean => !SPEECH_ONLY.has(inner.cue.lemma) && !REPORTING.has(inner.cue.lemma) &&
  !/^(that|whether|if)\b|^[“"‘']/i.test(inner.content[0]?.text ?? '');

// Attitude and claim verbs whose content is the proposition even without "that": "claimed responsibility" is ISIS-K's claim.
const REPORTING = new Set(['claim', 'allege', 'insist', 'suggest', 'believe', 'deny', 'reject', 'dismiss', 'accuse', 'blame', 'assert', 'argue', 'maintain']);

// Cues whose verb is part of the proposition: "Iran warned Russia ...", "Tehran attributed the threat to ...".
const SPEECH_ONLY = new Set(['say', 'tell', 'state', 'report', 'according to', 'add', 'note', 'write', 'cite', 'quote', 'announce', 'explain']);

/**
 * The attribution as one stretch of its sentence, from its (or its relay's) source to the content
 * end, when the cue carries content ("Iran warned Russia about a major terrorist operation") and
 * the content is no quote or that-clause, and the stretch stays short.
 */
function statementOf(article: AnalyzedArticle, attribution: Attribution, content: Span, speaker: Attribution): { statement: string } | Record<string, never> {
  if (SPEECH_ONLY.has(attribution.cue.lemma) || /^(that|whether|if)\b|^[“"‘']/i.test(content.text)) return {};
  const starts = [...(speaker.source?.spans ?? []), ...attribution.cue.spans].map((s) => s.start);
  const start = Math.min(...starts);
  if (!Number.isFinite(start) || start > content.start || content.start - start > 80) return {};
  const stretch = trimSpan(article.text, start, content.end);
  return stretch && !/[\n]/.test(stretch.text) ? { statement: stretch.text } : {};
}

/** Options of {@link claimsOf}. */
export interface ClaimOptions {
  /** Prefix of claim ids, so ids stay unique across articles. */
  readonly idPrefix: string;
}

/**
 * Every claim of one analysed article, in text order. Attributions give attributed claims (nested
 * evidence-citing ones and those whose "source" is a relative pronoun are skipped); sentences with
 * no cue and no reported content give own-voice claims. Claims under three words are dropped.
 */
export function claimsOf(article: AnalyzedArticle, actors: CrossActors, options: ClaimOptions): NarrativeClaim[] {
  const claims: NarrativeClaim[] = [];
  const kept = article.attributions.filter((a) =>
    !(a.parentId && EVIDENCE_CUES.has(a.cue.lemma)) &&
    // "declined to comment on the claim": a cue committing the source to nothing makes no claim.
    a.cue.sourceCommitment !== 0 &&
    !(a.source && !a.source.actorId && NOT_A_SPEAKER.test(a.source.spans.map((s) => s.text).join(' ').trim())));
  const contents = kept.flatMap((a) => a.content);
  const busySentences = new Set<number>();
  const relays = relaysOf(kept);
  // Inner event-like attributions whose outer speaker asserts the whole event (see reportedInner).
  const absorbed = new Set(kept.flatMap((outer) => {
    const inner = reportedInner(outer, kept);
    return inner && eventLike(inner) ? [inner.id] : [];
  }));
  for (const attribution of kept) {
    busySentences.add(attribution.cue.sentence);
    if (relays.outer.has(attribution.id) || absorbed.has(attribution.id)) continue;
    const inner = reportedInner(attribution, kept);
    if (inner && !eventLike(inner)) continue;
    const explicit = cover(article, attribution.content);
    const span = explicit && wordCount(explicit.text) >= MIN_WORDS ? explicit : attribution.content.length === 0 ? residualContent(article, attribution, contents, kept) : null;
    if (!span || SOURCING_NOTE.test(span.text)) continue;
    const relay = relays.inner.get(attribution.id);
    const cited = citedActors(article, attribution);
    const speakers = [...speakersOf(article, relay ?? attribution), ...cited]
      .map((id) => actors.idOf(article.id, id)).filter((id): id is string => id !== undefined);
    const [actorId, ...coActorIds] = [...new Set(speakers)];
    const sourceText = (relay ?? attribution).source?.spans.map((s) => s.text).join(' ');
    claims.push({
      id: `${options.idPrefix}${claims.length + 1}`,
      articleId: article.id,
      outlet: article.outlet,
      sentence: attribution.cue.sentence,
      ...span,
      ...(actorId ? { actorId } : {}),
      ...(coActorIds.length > 0 ? { coActorIds } : {}),
      ...(!actorId && sourceText ? { sourceText } : {}),
      ...attributedStance(article, attribution, span, stanceOf(attribution.cue.stanceClass, attribution.cue.environment.negated)),
      voice: 'attributed',
      cueClass: attribution.cue.stanceClass,
      cueLemma: attribution.cue.lemma,
      attributionId: attribution.id,
      ...statementOf(article, attribution, span, relay ?? attribution),
    });
  }
  for (const sentence of article.sentences) {
    if (busySentences.has(sentence.index)) continue;
    if (contents.some((c) => c.start < sentence.end && c.end > sentence.start)) continue;
    const span = trimSpan(article.text, sentence.start, sentence.end);
    if (!span || wordCount(span.text) < MIN_WORDS + 1) continue;
    const hedged = OWN_HEDGES.test(span.text);
    claims.push({
      id: `${options.idPrefix}${claims.length + 1}`,
      articleId: article.id,
      outlet: article.outlet,
      sentence: sentence.index,
      ...span,
      ...ownVoiceStance(article, sentence.index, span, hedged),
      voice: 'own',
    });
  }
  return claims.sort((a, b) => a.start - b.start);
}
