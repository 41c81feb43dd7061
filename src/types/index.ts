/**
 * The data model of narrascope: the read-only, JSON-serialisable objects that flow one way through
 * the stages (ingest -> clean -> segment -> actors -> cues -> attributions -> narratives -> report).
 *
 * No logic lives here. Every span anywhere is a pair of character offsets into the article's
 * ORIGINAL text (JavaScript UTF-16 string indices, end exclusive) plus the text it covers, so
 * `article.text.slice(span.start, span.end) === span.text` holds for every span of every output.
 */

/** A stretch of the original article text. */
export interface Span {
  /** Offset of the first character (UTF-16 index into `Article.text`). */
  readonly start: number;
  /** Offset one past the last character. */
  readonly end: number;
  /** `Article.text.slice(start, end)`, repeated so reports can quote their evidence. */
  readonly text: string;
}

/** Where a record came from: the file, and the 1-based line for line-oriented formats. */
export interface Origin {
  readonly file: string;
  readonly line?: number;
}

/** Why a region of text was judged not to be part of the article. */
export type DropReason =
  | 'teaser' // headline of another story, typically truncated with an ellipsis
  | 'byline' // "By Jane Doe, Reuters" or "Jane Doe | Staff writer"
  | 'boilerplate' // "Read more", share/subscribe/follow prompts, copyright lines
  | 'repeated-paragraph' // a paragraph that already appeared earlier in the same article
  | 'dateline' // a bare date/time stamp line
  | 'embed' // an embedded post: "... pic.twitter.com/x — Jane Doe (@jdoe) March 5, 2024"
  | 'caption' // a photo caption or credit: "(Photo by Jane Doe/Getty Images)", "FILE PHOTO: ..."
  | 'link' // a link line: a bare URL, "(RELATED: ...)", the headlines under a "READ MORE:" heading
  | 'author-box'; // "Jane Doe is a reporter for Example News. Follow her on Twitter @jdoe"

/** A region of the original text dropped by the clean stage, kept so nothing is lost silently. */
export interface DroppedRegion extends Span {
  readonly reason: DropReason;
  /** Human-readable explanation of the decision (which rule fired and why). */
  readonly detail: string;
}

/** A problem found in the data. Problems never throw; they travel with the document or the run. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `jsonl/invalid-json`, `ingest/empty-text`. */
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  /** The id of the article (or input record) the problem is about, when it has one. */
  readonly id?: string;
}

/** One news article as ingested. `text` is never modified after ingest. */
export interface Article {
  readonly id: string;
  readonly outlet: string | null;
  readonly date: string | null;
  readonly title: string | null;
  readonly url: string | null;
  /** The original article text; every span in every output indexes into it. */
  readonly text: string;
  /** Regions of `text` that the clean stage judged not to belong to the article. */
  readonly dropped: readonly DroppedRegion[];
  readonly origin?: Origin;
  /** The comparison group (event) read from the field named by `--group-by`, when asked for. */
  readonly group?: string;
}

/** Coarse universal part of speech, as produced by wink-nlp (UD tag set). */
export type PartOfSpeech =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON'
  | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

/** One token of the original text. */
export interface Token extends Span {
  /** Index of this token in `Segmented.tokens`. */
  readonly index: number;
  /** Index of the sentence holding it, in `Segmented.sentences`. */
  readonly sentence: number;
  readonly pos: PartOfSpeech;
  /** Lower-cased dictionary form ("said" -> "say"). */
  readonly lemma: string;
  /** Lower-cased surface form, the key most lexicon lookups use. */
  readonly lower: string;
  /** True when the token is the start of a new line in the original text. */
  readonly lineStart: boolean;
}

/** One sentence: a span plus the range of its tokens. */
export interface Sentence extends Span {
  readonly index: number;
  /** Index of the first token in `Segmented.tokens`. */
  readonly firstToken: number;
  /** Index one past the last token. */
  readonly endToken: number;
  /** Index of the paragraph (a run of text between blank lines or line breaks). */
  readonly paragraph: number;
}

/** An article after segmentation. Dropped regions produce no sentences or tokens. */
export interface Segmented {
  readonly article: Article;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
}

/** What kind of thing an actor is. */
export type ActorKind =
  | 'person'
  | 'organisation'
  | 'state' // a country or its government, including metonyms ("Moscow", "the White House")
  | 'group' // armed, militant, political or social groups ("ISIS-K", "Hamas")
  | 'media' // news organisations ("Reuters", "the news agency")
  | 'anonymous' // unnamed sources ("three sources familiar with the matter")
  | 'generic' // generic collectives ("US officials", "experts", "critics")
  | 'document'; // polls, reports, studies that "show" or "find"

/** How a mention refers to its actor. */
export type MentionForm = 'name' | 'title' | 'description' | 'pronoun' | 'metonym';

/** One mention of an actor in the text. */
export interface Mention extends Span {
  readonly actorId: string;
  readonly form: MentionForm;
  /** Role title attached to the mention, e.g. "Kremlin spokesman". */
  readonly role?: string;
}

/** An actor: all mentions in one article that refer to the same person, state, group... */
export interface Actor {
  /** Article-local id, e.g. `a3`. */
  readonly id: string;
  /** Canonical name: the longest proper name seen, or the state a metonym stands for. */
  readonly name: string;
  readonly kind: ActorKind;
  /** Distinct surface forms used for the actor, without pronouns. */
  readonly aliases: readonly string[];
  /** Role titles seen with the actor ("Kremlin spokesman"). */
  readonly roles: readonly string[];
  readonly mentions: readonly Mention[];
}

/** The stance a cue expresses toward the content it introduces. */
export type StanceClass =
  | 'neutral' // said, told, reported, according to
  | 'endorsing' // confirmed, revealed, showed, acknowledged
  | 'distancing' // claimed, alleged, purported
  | 'insistence' // insisted, stressed, maintained, reiterated
  | 'hedging' // suggested, signaled, hinted, speculated
  | 'denial' // denied, rejected, dismissed, refuted
  | 'accusation' // accused, blamed
  | 'doubt'; // questioned, doubted, skeptical

/** Grammatical environment of a cue that shifts commitment. */
export interface CueEnvironment {
  readonly negated: boolean; // "did not say"
  readonly modal: boolean; // "may have suggested"
  readonly question: boolean; // "Did she admit ...?"
  readonly conditional: boolean; // "if she admitted"
  readonly firstPerson: boolean; // "I think": the writer is the source
}

/** An attribution cue: the verb, noun or phrase that introduces reported content. */
export interface Cue {
  readonly id: string;
  /** Fragments of the cue (usually one; "did ... say" gives two). */
  readonly spans: readonly Span[];
  /** Lexicon key: lemma or multi-word phrase ("say", "according to"). */
  readonly lemma: string;
  readonly stanceClass: StanceClass;
  /** How far the source is committed to the content being true, in [-1, 1]. */
  readonly sourceCommitment: number;
  /** How far the writer of the text vouches for the content, in [-1, 1]. */
  readonly reporterCommitment: number;
  readonly environment: CueEnvironment;
  readonly sentence: number;
}

/** The environment of a clause-embedding predicate: the cue environment plus tense and person. */
export interface PredicateEnvironment extends CueEnvironment {
  /** From the predicate and its auxiliaries: "realized", "had known" -> past; "will reveal" -> future. */
  readonly tense: 'past' | 'present' | 'future';
  /** "I don't think" -> first; "it seems", "it is clear" -> impersonal; else third. */
  readonly person: 'first' | 'third' | 'impersonal';
}

/**
 * A clause-embedding predicate ("realized that", "was not aware that", "the fact that", "declined
 * to") and how far the writer and the predicate's subject are committed to its clause being
 * true. Scores are in [-1, 1] (Ross & Pavlick's -2..2 ratings halved): 1 = true, -1 = false.
 */
export interface PredicateCommitment {
  readonly id: string;
  /** The predicate word ("aware" of "was not aware that"). */
  readonly predicate: Span;
  readonly lemma: string;
  readonly kind: 'verb' | 'adjective' | 'noun';
  /** "that" clause (also a bare "I think it ...") or "to" infinitive. */
  readonly complementType: 'that' | 'to';
  /** The embedded clause, without "that"; with "to" for infinitives. */
  readonly clause: Span;
  readonly environment: PredicateEnvironment;
  /** Learnt from crowd ratings (see src/05-cues/commitments/model.ts); modal, question and conditional shrink it by rule. */
  readonly writerCommitment: number;
  /** The subject's own stance: the stance lexicon's source score when the lemma is a cue, else the model's positive frame. */
  readonly subjectCommitment: number;
  readonly sentence: number;
  /** Id of the attribution cue on the same word, when the cue tagger found one. */
  readonly cueId?: string;
}

/** Who an attribution is attributed to. */
export interface AttributionSource {
  readonly spans: readonly Span[];
  /** The actor the source mention belongs to, or null when none was resolved. */
  readonly actorId: string | null;
}

/** Who said what, with which cue. */
export interface Attribution {
  readonly id: string;
  /** Null when the text names no source ("reportedly", agentless passives). */
  readonly source: AttributionSource | null;
  readonly cue: Cue;
  /** The reported content, as one or more fragments (discontinuous quotes give several). */
  readonly content: readonly Span[];
  /** Id of the attribution this one is nested in ("Reuters, citing sources, reported ..."). */
  readonly parentId?: string;
}

/** A factual claim the writer makes without attributing it to anyone. */
export interface Claim {
  readonly id: string;
  readonly span: Span;
  readonly sentence: number;
}

/** The result of the per-article stages, as written by `narrascope analyze`. */
export interface AnalyzedArticle {
  readonly id: string;
  readonly outlet: string | null;
  readonly date: string | null;
  readonly title: string | null;
  readonly url: string | null;
  readonly text: string;
  readonly dropped: readonly DroppedRegion[];
  readonly sentences: readonly Sentence[];
  /** Present only when asked for (`includeTokens`): tokens make the output ~10x larger. */
  readonly tokens?: readonly Token[];
  readonly actors: readonly Actor[];
  readonly cues: readonly Cue[];
  readonly attributions: readonly Attribution[];
  readonly claims: readonly Claim[];
  /** Every clause-embedding predicate with the writer's and subject's commitment to its clause. */
  readonly commitments: readonly PredicateCommitment[];
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Set when the article duplicates an earlier one of the run: it is then not analysed (its
   * sentences, actors, cues... are empty) but still listed, so nothing is dropped silently.
   */
  readonly duplicateOf?: DuplicateOf;
}

/** Why an article was judged a duplicate, and of which earlier article. */
export interface DuplicateOf {
  readonly id: string;
  readonly kind: 'exact' | 'near';
  /** Estimated Jaccard similarity of word 5-shingles (1 for exact duplicates). */
  readonly similarity: number;
}
export type * from './narratives.js';
