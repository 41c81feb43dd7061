/**
 * The internal currency of the actors stage: a candidate mention over a token range, found by one
 * of the `find-*` rules and later selected (overlaps removed) and clustered into actors.
 */
import type { ActorKind, MentionForm } from '../types/index.js';
import type { Described } from './descriptors.js';

/** Grammatical gender as far as pronoun resolution cares: male, female or unknown. */
export type Gender = 'm' | 'f' | '';

/**
 * How a candidate without its own identity finds its actor.
 * - `recent`: the most recent earlier actor of one of `kinds` ("the news agency" -> Reuters),
 *   optionally one whose roles fit a description (`described`: "the spokesman") or whose mentions share
 *   `head` ("one of the sources" -> "three sources familiar with the matter").
 * - `pronoun`: the most recent compatible person ("Peskov said he ...").
 */
export type Link =
  | {
      readonly to: 'recent';
      readonly kinds: readonly ActorKind[];
      readonly head?: string;
      /**
       * A definite description of a person ("the Arizona Republican", "the Republican senator",
       * "the spokeswoman"): its US parties and states must not contradict what is known of the
       * person, and something must fit; an unnamed source fits when its head is `titleHead`.
       */
      readonly described?: Described & { readonly titleHead?: string };
      /** Start a new actor when nothing matches (sources), instead of dropping the mention. */
      readonly orNew: boolean;
    }
  | { readonly to: 'pronoun'; readonly gender: Gender };

/** One candidate mention, as token indices into `Segmented.tokens` (end exclusive). */
export interface Candidate {
  readonly first: number;
  readonly end: number;
  readonly kind: ActorKind;
  readonly form: MentionForm;
  /** The canonical name this mention proposes for its actor. */
  readonly name: string;
  /**
   * Identity key: candidates with equal keys are one actor ("state:Russia"). Empty when the
   * candidate is resolved through `link` or by surname.
   */
  readonly key: string;
  readonly link?: Link;
  /** Singular head noun of a source phrase ("source" for "three sources familiar with ..."). */
  readonly head?: string;
  /** Role title attached to the mention ("Kremlin spokesman"), filled by the roles rule. */
  role?: string;
  /** A US party label after a person's name ("R-Ariz.", ", a Tennessee Democrat"). */
  descriptors?: Described;
  gender?: Gender;
  /**
   * A capitalised run of unknown kind ("Crocus City Hall"): dropped unless later confirmed as a
   * person by a role, a speech verb or a surname match.
   */
  tentative?: boolean;
  /** Higher wins when candidates overlap (then longer, then earlier). */
  readonly priority: number;
}

/** Priorities of the rules, highest first, in one place so their order can be read at once. */
export const PRIORITY = {
  /** "three sources familiar with the matter", "US officials", "a Bloomberg poll" */
  sourcePhrase: 6,
  /** "Vladimir Putin": a first-name-led name beats a gazetteer word inside it ("Jordan Peterson"). */
  personName: 5,
  /** "the Iranian side"; "the Kremlin spokesman" (beats the "Kremlin" inside it) */
  stateSide: 4,
  title: 4,
  /** gazetteer entries: states, metonyms, organisations, groups, media */
  gazetteer: 3,
  /** other capitalised runs: "Crocus City Hall Service", "Peskov" */
  name: 2,
  /** "the news agency", "the spokesman", "he" */
  anaphor: 1,
} as const;
