import type { DivergenceReport } from '../types.js';

/** Turns a report into text in one format. */
export interface Renderer {
  /** Format name used by `--format`. */
  readonly name: string;
  /** File extension for this format, without the dot. */
  readonly extension: string;
  readonly render: (report: DivergenceReport) => string;
}
