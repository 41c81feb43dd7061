import type { ActorKind, StanceClass } from '../types/index.js';

/** How often each stance class frames the attributions of an outlet or actor. */
export type ClassCounts = Readonly<Record<StanceClass, number>>;

/** One cue lemma used for an actor, with its class and count. */
export interface VerbUse {
  readonly lemma: string;
  readonly stanceClass: StanceClass;
  readonly count: number;
}

/** What one outlet's coverage looks like. */
export interface OutletSummary {
  readonly outlet: string;
  readonly articles: number;
  readonly attributions: number;
  readonly unattributedClaims: number;
  readonly cueClasses: ClassCounts;
  /** Sources quoted most, by canonical actor name. */
  readonly sources: readonly { readonly name: string; readonly count: number }[];
}

/** How each outlet frames one actor: which verbs introduce what the actor says. */
export interface ActorFraming {
  readonly name: string;
  readonly kind: ActorKind;
  readonly byOutlet: readonly {
    readonly outlet: string;
    readonly mentions: number;
    readonly attributions: number;
    readonly verbs: readonly VerbUse[];
  }[];
}

/** Distance between two outlets' coverage, in [0, 1]. */
export interface OutletPairDivergence {
  readonly a: string;
  readonly b: string;
  /** Jensen-Shannon divergence (base 2) of their stance-class distributions. */
  readonly stance: number;
  /** Jensen-Shannon divergence of who they quote. */
  readonly sources: number;
  /** Mean of the components above. */
  readonly score: number;
}

/** The divergence report written by `narrascope compare`. */
export interface DivergenceReport {
  readonly generatedAt: string;
  readonly articles: readonly {
    readonly id: string;
    readonly outlet: string;
    readonly title: string | null;
    readonly attributions: number;
    readonly dropped: number;
    readonly duplicateOf?: string;
  }[];
  readonly outlets: readonly OutletSummary[];
  readonly actors: readonly ActorFraming[];
  readonly divergence: {
    /** Mean pairwise score over outlets; 0 when fewer than two outlets. */
    readonly score: number;
    readonly method: string;
    readonly pairs: readonly OutletPairDivergence[];
  };
}
