/** One article as event grouping sees it: only what tells which event it covers. */
export interface EventInput {
  readonly id: string;
  readonly outlet: string | null;
  /** ISO date (or date-time); articles further apart than `windowDays` are never grouped. */
  readonly date: string | null;
  readonly title: string | null;
  /** The article text; only its lead (first `leadChars` characters) is compared. */
  readonly text: string;
}

/** Which event an article belongs to. */
export interface EventAssignment {
  readonly id: string;
  /** Event id, shared by all articles of the event: `e` + the input index of its first article. */
  readonly event: string;
  /**
   * Set when the article's text is a near-identical copy of an earlier article from another outlet
   * (syndicated wire copy), so its wording is not credited as the outlet's own framing.
   */
  readonly wireCopyOf?: string;
}

/** Options of `groupEvents`. */
export interface EventOptions {
  /**
   * Articles whose dates are further apart than this many days are different events. Articles
   * without a date can join any event.
   * @default 3
   * @example { windowDays: 1 }
   */
  readonly windowDays?: number;
  /**
   * Cosine similarity of title + lead term weights at or above which two articles cover the same
   * event.
   * @default 0.25 (best B-cubed F1 on NeuS val among 0.1-0.3)
   * @example { threshold: 0.3 }
   */
  readonly threshold?: number;
  /**
   * Characters of the text read as the lead, after the title.
   * @default 1000
   * @example { leadChars: 500 }
   */
  readonly leadChars?: number;
  /**
   * Word 5-shingle Jaccard similarity of full texts at or above which an article from another
   * outlet is flagged as wire copy of an earlier one.
   * @default 0.7
   * @example { wireCopyThreshold: 0.9 }
   */
  readonly wireCopyThreshold?: number;
}
