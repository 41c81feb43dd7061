/**
 * Step 7.3: what the similarity and contradiction steps read from a claim: its content words
 * (Porter stems), the actors it mentions, whether it answers "who did it" and with whom, whether
 * that answer is exclusive, left open, or negated.
 */
import { stem } from '../adapters/natural.js';
import type { AnalyzedArticle, Span } from '../types/index.js';
import type { ClaimProposition, CrossActor, NarrativeClaim, QuestionKind } from '../types/narratives.js';
import type { CrossActors } from './cross-actors.js';
import { AGENCY_WORDS, EMPTY_CUES, EXCLUSIVE_WORDS, NEGATORS, OPEN_QUESTION_PHRASES, STOPWORDS } from './lexicon.js';
import { polarityOf } from './polarity.js';
import { numbersOf, questionKind } from './question.js';

/** The features of one claim. */
export interface ClaimFeatures {
  readonly claim: NarrativeClaim;
  /** Content stems (stop words out), with the cue lemma when it carries content ("warn"). */
  readonly words: readonly string[];
  /** Cross-actor ids mentioned in the claim, including demonyms of states ("Ukrainian" -> Ukraine). */
  readonly entities: ReadonlySet<string>;
  /** True when the claim answers "who is behind it?". */
  readonly agency: boolean;
  /** The answer: actors named as responsible or involved (empty when none is named). */
  readonly culprits: ReadonlySet<string>;
  readonly exclusive: boolean;
  readonly openQuestion: boolean;
  /** +1 when the backer holds the proposition true, -1 when denied, doubted or negated. */
  readonly polarity: 1 | -1;
  /** Stems of words inside actor mentions (names, not topic words). */
  readonly nameWords: ReadonlySet<string>;
  /** The question the claim answers. */
  readonly question: QuestionKind;
  /** Numbers it gives. */
  readonly numbers: readonly number[];
  /** The negation that made the clause negative, in the article's offsets. */
  readonly negation?: Span;
  /** The sentence the claim stands in, with its speaker and cue: what the relation model reads. */
  readonly sentence?: string;
  /**
   * The actor the claim's clause is about as its subject: an actor named in its first words
   * ("Iran warned Russia ..."), or the speaker when it opens on a pronoun ("officials said they
   * had warned Moscow").
   */
  readonly subject?: string;
}

/** The proposition of a claim, as the report gives it (see `ClaimProposition`). */
export function propositionOf(f: ClaimFeatures): ClaimProposition {
  return {
    question: f.question, polarity: f.polarity, ...(f.negation ? { negation: f.negation } : {}),
    actors: [...(f.question === 'responsibility' ? f.culprits : f.entities)].sort(), numbers: f.numbers, exclusive: f.exclusive, open: f.openQuestion,
  };
}

const AGENCY = new Set(AGENCY_WORDS.map(stem));
const EXCLUSIVE = new Set(EXCLUSIVE_WORDS);
const NEGATOR = new Set(NEGATORS);
const STOP = new Set(STOPWORDS);
const EMPTY = new Set(EMPTY_CUES);
// "attributed to X", "carried out by X", "with the help of X": the agent follows these words.
const AGENT_AFTER = new Set(['by', 'of', 'to', 'from']);

interface Word { readonly lower: string; readonly stem: string; readonly start: number }

function wordsIn(text: string, offset: number): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)) {
    const lower = m[0].toLowerCase().replace(/’/g, "'");
    out.push({ lower, stem: stem(lower), start: offset + (m.index ?? 0) });
  }
  return out;
}

/**
 * The content stems of a text, stop words and negators out: the terms similarity is computed on.
 * @example contentStems('Iran warned Russia') // ['iran', 'warn', 'russia']
 */
export function contentStems(text: string): string[] {
  return wordsIn(text, 0).filter((w) => !STOP.has(w.lower) && !NEGATOR.has(w.lower) && w.lower.length > 1).map((w) => w.stem);
}

/** A state's demonym prefix: "Ukraine" -> "ukrain" (matches "Ukrainian"), "Iran" -> "iran". */
function demonymPrefix(actor: CrossActor): string | null {
  if (actor.kind !== 'state' || actor.name.includes(' ')) return null;
  const prefix = actor.name.toLowerCase().replace(/[ae]$/, '');
  return prefix.length >= 4 ? prefix : null;
}

/** Prepared lookups for one comparison, shared by all its claims. */
export interface FeatureContext {
  readonly actors: CrossActors;
  readonly articles: ReadonlyMap<string, AnalyzedArticle>;
  readonly demonyms: readonly { readonly prefix: string; readonly id: string }[];
  /** Groups related by name, the parent listed for each offshoot ("ISIS-K" -> "Islamic State"). */
  readonly kin: ReadonlyMap<string, string>;
  /** The kind of each of the event's cross-actors. */
  readonly kinds: ReadonlyMap<string, CrossActor['kind']>;
}

/** Initials of a multi-word name: "Islamic State" -> "IS". */
const initials = (name: string): string => name.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');

/**
 * Offshoots and their parent groups, by name: a group whose alias starts with the initials of
 * another ("ISIS-K", "ISIS-Khorasan" vs "Islamic State") is the same side of a "who did it" question.
 */
function kinOf(actors: readonly CrossActor[]): Map<string, string> {
  const kin = new Map<string, string>();
  const groups = actors.filter((a) => a.kind === 'group' || a.kind === 'organisation');
  for (const parent of groups) {
    const init = initials(parent.name);
    if (init.length < 2 || !parent.name.includes(' ')) continue;
    for (const child of groups) {
      if (child !== parent && child.aliases.some((alias) => alias.startsWith(init) && alias.length > init.length && !alias.includes(' '))) kin.set(child.id, parent.id);
    }
  }
  return kin;
}

/** Build the lookups {@link featuresOf} needs. */
export function featureContext(articles: readonly AnalyzedArticle[], actors: CrossActors): FeatureContext {
  // Only the event's own actors: a grouped comparison holds thousands, an event tens.
  const own = new Set(articles.flatMap((article) => article.actors.map((a) => actors.idOf(article.id, a.id))));
  const local = actors.actors.filter((a) => own.has(a.id));
  const demonyms = local.flatMap((a) => {
    const prefix = demonymPrefix(a);
    return prefix ? [{ prefix, id: a.id }] : [];
  });
  return { actors, articles: new Map(articles.map((a) => [a.id, a])), demonyms, kin: kinOf(local), kinds: new Map(local.map((a) => [a.id, a.kind])) };
}

/** A content that opens on a personal pronoun subject: "(that) they had warned ...". */
const SPEAKER_PRONOUN = /^[“"‘']?(?:that\s+)?(?:he|she|they|we)\s/i;

/** The features of one claim (see {@link ClaimFeatures}). */
export function featuresOf(claim: NarrativeClaim, context: FeatureContext): ClaimFeatures {
  const article = context.articles.get(claim.articleId);
  const words = wordsIn(claim.text, claim.start);
  const lowerText = claim.text.toLowerCase().replace(/’/g, "'");

  // Actor mentions inside the claim, by position, so the agent can be told from the victim.
  const mentions: { id: string; start: number }[] = [];
  for (const actor of article?.actors ?? []) {
    const id = context.actors.idOf(claim.articleId, actor.id);
    if (!id) continue;
    for (const m of actor.mentions) if (m.start >= claim.start && m.end <= claim.end) mentions.push({ id, start: m.start });
  }
  for (const w of words) {
    const hit = context.demonyms.find((d) => w.lower.startsWith(d.prefix) && w.lower.length > d.prefix.length + 1);
    if (hit) mentions.push({ id: hit.id, start: w.start });
  }
  const entities = new Set(mentions.map((m) => m.id));
  // A content-bearing cue makes its speaker a participant: "Iran warned Russia" is about Iran.
  const cueLemmaEarly = claim.cueLemma ?? '';
  if (claim.actorId && cueLemmaEarly && !EMPTY.has(cueLemmaEarly) && !cueLemmaEarly.includes(' ') && claim.cueClass === 'neutral') entities.add(claim.actorId);
  // Reported speech whose subject is a pronoun speaks of the speaker: "officials said they had
  // warned Moscow" is about the officials, "Peskov said he was not aware" about Peskov.
  const speaksOfSelf = claim.actorId !== undefined && claim.voice === 'attributed' && SPEAKER_PRONOUN.test(claim.text);
  if (speaksOfSelf && claim.actorId) entities.add(claim.actorId);
  const opening = /^[“"‘']?(?:that\s+)?/i.exec(claim.text)?.[0].length ?? 0;
  const subject = speaksOfSelf ? claim.actorId : [...mentions].sort((x, y) => x.start - y.start).find((m) => m.start - claim.start <= opening + 4)?.id;

  const cueLemma = claim.cueLemma ?? '';
  const accusation = claim.cueClass === 'accusation';
  // "intelligence pointed to ISIS-K": a pointing phrase names the agent after it.
  const agencyAt = words.findIndex((w, i) => AGENCY.has(w.stem) || (/^point(s|ed|ing)?$/.test(w.lower) && words[i + 1]?.lower === 'to'));
  // "blamed Israel and the United States for supporting extremist groups": responsibility for
  // another deed (a gerund that is no agency word) answers another question than the event's.
  const otherDeed = /\bfor\s+([a-z]+ing)\b/i.exec(claim.text);
  const elsewhere = otherDeed !== null && !AGENCY.has(stem((otherDeed[1] ?? '').toLowerCase()));
  const agency = (accusation || agencyAt >= 0) && !elsewhere;
  const culprits = new Set<string>();
  if (accusation) {
    // "Tehran attributed the threat to ISIS-K", "blamed Israel": the content names the culprit.
    for (const m of mentions) culprits.add(m.id);
  } else if (agencyAt >= 0) {
    const pivot = words[agencyAt]?.start ?? claim.start;
    // "ISIS-K was the sole culprit": the agent comes before the predicate, unless it is a place
    // ("travel to Afghanistan", "the attack near Moscow") ...
    const locative = (start: number): boolean => /\b(to|in|at|from|near|into|toward|towards|across|inside)\s+(the\s+)?$/i.test(claim.text.slice(Math.max(0, start - claim.start - 12), start - claim.start));
    // ... and after the last complementiser before it ("Russian officials have alleged that Kyiv
    // helped the gunmen": Kyiv, not Russia, is the agent).
    const frame = [...claim.text.slice(0, pivot - claim.start).matchAll(/\b(that|whether)\b/gi)].pop();
    const from = claim.start + (frame ? (frame.index ?? 0) + frame[0].length : 0);
    for (const m of mentions) if (m.start < pivot && m.start >= from && !locative(m.start)) culprits.add(m.id);
    // ... or after "by/of/to" within a few words ("prepared with the help of Ukrainian services").
    for (let i = agencyAt + 1; i < Math.min(words.length, agencyAt + 6); i++) {
      if (!AGENT_AFTER.has(words[i]?.lower ?? '') && !/^point/.test(words[agencyAt]?.lower ?? '')) continue;
      const from = words[i]?.start ?? 0;
      const to = words[Math.min(words.length - 1, i + 4)]?.start ?? from;
      for (const m of mentions) if (m.start > from && m.start <= to) culprits.add(m.id);
    }
    // "ISIS-K claimed responsibility", "Kyiv denied any involvement": no agent in the content
    // and the predicate leads it, so the speaker is the agent.
    const leading = words.slice(0, agencyAt).every((w) => STOP.has(w.lower) || NEGATOR.has(w.lower));
    if (culprits.size === 0 && leading && claim.actorId) culprits.add(claim.actorId);
  }

  // Only someone can be the answer to "who did it": not "preliminary findings" (a document) nor
  // a newspaper or an unnamed source.
  for (const id of [...culprits]) {
    const kind = context.kinds.get(id);
    if (kind === 'document' || kind === 'media' || kind === 'anonymous') culprits.delete(id);
  }
  // An offshoot answers for its parent group too: "ISIS-K" and "Islamic State's affiliate" agree.
  for (const id of [...culprits]) {
    const parent = context.kin.get(id);
    if (parent) culprits.add(parent);
  }
  // Polarity from the clause that carries the claim, never a count of negators over the span.
  const clause = polarityOf(claim.text);
  const negated = clause.value < 0 && !clause.question;
  const openQuestion = OPEN_QUESTION_PHRASES.some((p) => lowerText.includes(p));
  const doubted = claim.stance === 'denies' || claim.stance === 'doubts';
  // Denial verbs and negators do not cancel out: "rejected the accusations as absurd" is still a denial.
  const polarity: 1 | -1 = doubted || (negated && !openQuestion) ? -1 : 1;

  const stems = words.filter((w) => !STOP.has(w.lower) && !NEGATOR.has(w.lower) && w.lower.length > 1).map((w) => w.stem);
  if (cueLemma && !EMPTY.has(cueLemma) && !cueLemma.includes(' ')) stems.push(stem(cueLemma));
  return {
    claim,
    words: stems,
    entities,
    agency,
    culprits,
    exclusive: words.some((w) => EXCLUSIVE.has(w.lower)),
    openQuestion,
    polarity,
    question: questionKind(claim.statement ?? claim.text, agency),
    ...(article?.sentences[claim.sentence] ? { sentence: article.sentences[claim.sentence]?.text ?? '' } : {}),
    numbers: numbersOf(claim.text),
    ...(negated && clause.cue ? { negation: { start: claim.start + clause.cue.start, end: claim.start + clause.cue.end, text: clause.cue.text } } : {}),
    nameWords: new Set(words.filter((w) => mentions.some((m) => m.start === w.start) || /^\p{Lu}/u.test(claim.text.slice(w.start - claim.start))).map((w) => w.stem)),
    ...(subject ? { subject } : {}),
  };
}
