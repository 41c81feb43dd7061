import { htmlRenderer } from './render/html.js';
import { jsonRenderer } from './render/json.js';
import { markdownRenderer } from './render/markdown.js';
import type { Renderer } from './render/renderer.js';

export { buildReport } from './build.js';
export { framingDistance, jensenShannon, round } from './divergence.js';
export type { ReportOptions } from './build.js';
export { mdText } from './render/markdown.js';
export { esc as escapeHtml } from './render/html.js';
export { renderDrift, renderDriftHtmlPage, renderDriftHtmlSection, renderDriftMarkdown } from './render/drift.js';
export type { DriftFormat } from './render/drift.js';
export type * from './types.js';
export type * from '../types/drift.js';
export type { Renderer, RenderOptions } from './render/renderer.js';

/** Report renderers by format name. */
export const RENDERERS: ReadonlyMap<string, Renderer> = new Map(
  [jsonRenderer, markdownRenderer, htmlRenderer].map((r) => [r.name, r]),
);

/** The renderer for a format name; throws a TypeError naming the known formats otherwise. */
export function rendererFor(format: string): Renderer {
  const renderer = RENDERERS.get(format === 'md' ? 'markdown' : format);
  if (!renderer) throw new TypeError(`narrascope: unknown report format "${format}": expected one of ${[...RENDERERS.keys()].join(', ')}`);
  return renderer;
}
