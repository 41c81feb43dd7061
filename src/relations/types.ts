/** Types of the claim-relation model (no logic). */
import type { Span, StanceClass } from '../types/index.js';

/** How a text relates to a claim (FNC-1's four labels). */
export type RelationLabel = 'agree' | 'disagree' | 'discuss' | 'unrelated';

/** The relation labels in a fixed order. */
export const RELATION_LABELS: readonly RelationLabel[] = ['agree', 'disagree', 'discuss', 'unrelated'];

/** The cue of an attribution covering an evidence sentence ("denied", class denial). */
export interface EvidenceCue extends Span {
  readonly lemma: string;
  readonly stanceClass: StanceClass;
}

/** A sentence that decides the relation, with who says it when the article attributes it. */
export interface RelationEvidence extends Span {
  /** How strongly this sentence carries the relation (0..1): its match with the claim, or its probability of the label. */
  readonly score: number;
  /** The attribution's source ("he"), when the sentence is attributed, with the actor it names ("John Kirby"). */
  readonly source?: Span & { readonly actor?: string };
  readonly cue?: EvidenceCue;
}

/** The model's answer for one claim and one text. */
export interface Relation {
  readonly probs: Readonly<Record<RelationLabel, number>>;
  readonly label: RelationLabel;
  /** Evidence sentences, best first (empty for `unrelated`). */
  readonly evidence: readonly RelationEvidence[];
}
