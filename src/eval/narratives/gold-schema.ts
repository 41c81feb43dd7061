/**
 * The gold format of `narrascope eval narratives`: one JSON file per real event, holding its
 * contested questions, the competing narratives (answers) with the claim spans that carry them,
 * who backs and who disputes each, the conflicts, per-outlet omissions and background facts.
 *
 * Gold files never hold article text: every span is an article id plus character offsets into
 * the text narrascope ingests for that article (see `data/gold/narratives/README.md` for the id
 * scheme), with at most a few words (`hint`) that must occur inside the span, as a checksum.
 */
import { z } from 'zod';

/** Version tag every gold file carries. */
export const GOLD_SCHEMA = 'narrascope-gold-narratives/1';

const id = z.string().regex(/^[A-Za-z0-9][\w.-]*$/, 'an id of letters, digits, "_", "-" or "."');

/** How the speaker of a claim stands toward it (the tool's `ClaimStance`). */
const stance = z.enum(['asserts', 'hedges', 'denies', 'doubts']);

/**
 * A span of one article's ingested text: `[start, end)` in UTF-16 code units, as JavaScript's
 * `String.prototype.slice` counts them (the offsets narrascope reports).
 */
export const goldSpanSchema = z.strictObject({
  article: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** At most 8 words that occur inside the span (whitespace-normalised): a checksum, not a quote. */
  hint: z.string().min(1).refine((h) => h.trim().split(/\s+/).length <= 8, 'at most 8 words'),
  /** Actor id of the speaker (see `actors`), or "own" for the outlet's own voice. */
  speaker: z.string().min(1).optional(),
  stance: stance.optional(),
}).refine((s) => s.end > s.start, { message: 'end must be greater than start', path: ['end'] });

/** An actor as written in the articles, with every alias an outlet uses. */
export const goldActorSchema = z.strictObject({
  id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
});

/** One answer to a contested question: a narrative. */
export const goldNarrativeSchema = z.strictObject({
  id,
  /** The answer in the annotator's own words. */
  answer: z.string().min(1),
  /** Spans that assert or hedge this answer (whoever speaks, the outlet included). */
  claims: z.array(goldSpanSchema).min(1),
  /** Spans that deny or doubt it without asserting a rival answer. */
  disputes: z.array(goldSpanSchema).default([]),
  /** Spans that discuss it without taking a side ("the memo's authenticity is in question"). */
  discusses: z.array(goldSpanSchema).default([]),
  /** Actor ids of those who assert or endorse it (outlets' own voice never backs). */
  backers: z.array(id).default([]),
  /** Actor ids of those who deny or doubt it. */
  disputers: z.array(id).default([]),
  /** Outlets with no span in `claims`, `disputes` or `discusses` (checked on load). */
  omittedBy: z.array(z.string().min(1)).default([]),
});

/** A contested question of the event and its competing answers. */
export const goldQuestionSchema = z.strictObject({
  id,
  question: z.string().min(1),
  narratives: z.array(goldNarrativeSchema).min(1),
});

/** Where the event's articles come from (see the README for each corpus's id scheme). */
export const goldSourceSchema = z.discriminatedUnion('corpus', [
  /** Left/center/right triplets: article id = `ID`, text = `content_original`, outlet = `source`. */
  z.strictObject({ corpus: z.literal('triplets'), group: z.string().min(1) }),
  /** BASIL: article id = `uuid`, text = paragraphs joined by a blank line, sentences by a space. */
  z.strictObject({ corpus: z.literal('basil'), triplet: z.string().min(1) }),
  /** Files read by the ordinary ingest (id = file name without extension), relative to the repository root. */
  z.strictObject({ corpus: z.literal('files'), paths: z.array(z.string().min(1)).min(1) }),
]);

/** A gold file: one event. */
export const goldEventSchema = z.strictObject({
  schema: z.literal(GOLD_SCHEMA),
  event: id,
  /** What happened, in the annotator's words. */
  title: z.string().min(1),
  source: goldSourceSchema,
  /** The event's articles; `chars` is the ingested text's length (a checksum of the text). */
  articles: z.array(z.strictObject({ id: z.string().min(1), outlet: z.string().min(1), chars: z.number().int().positive() })).min(1),
  actors: z.array(goldActorSchema).default([]),
  questions: z.array(goldQuestionSchema).default([]),
  /** Pairs of narrative ids that cannot both be true (`rival`) or where one denies the other (`denial`). */
  conflicts: z.array(z.strictObject({ a: id, b: id, kind: z.enum(['rival', 'denial']) })).default([]),
  /** Own-voice facts nobody in the articles contests (a sample, not every such sentence). */
  background: z.array(goldSpanSchema).default([]),
  annotation: z.strictObject({
    date: z.string().min(1),
    /** Minutes spent annotating (reading included). */
    minutes: z.number().positive(),
    /** Date and note of the second review pass. */
    reviewed: z.string().min(1),
    notes: z.string().optional(),
  }),
});

/** A gold span as loaded. */
export type GoldSpan = z.infer<typeof goldSpanSchema>;
/** A gold actor as loaded. */
export type GoldActor = z.infer<typeof goldActorSchema>;
/** A gold narrative as loaded. */
export type GoldNarrative = z.infer<typeof goldNarrativeSchema>;
/** A gold question as loaded. */
export type GoldQuestion = z.infer<typeof goldQuestionSchema>;
/** Where a gold event's articles come from. */
export type GoldSource = z.infer<typeof goldSourceSchema>;
/** A gold event file as loaded. */
export type GoldEvent = z.infer<typeof goldEventSchema>;
