import type { DriftReport } from '../../types/drift.js';
import type { DivergenceReport } from '../types.js';

/** What a renderer may add to the report. */
export interface RenderOptions {
  /**
   * What changed since the job's previous run: rendered after the divergence tables (Markdown),
   * after the divergence chart (HTML), or as a top-level `drift` key (JSON).
   * @default undefined (no drift section; the output is the plain report)
   * @example rendererFor('html').render(report, { drift: computeDrift(previous, latest, runs) })
   */
  readonly drift?: DriftReport;
}

/** Turns a report into text in one format. */
export interface Renderer {
  /** Format name used by `--format`. */
  readonly name: string;
  /** File extension for this format, without the dot. */
  readonly extension: string;
  readonly render: (report: DivergenceReport, options?: RenderOptions) => string;
}
