import type { Renderer } from './renderer.js';

/** The report as pretty-printed JSON: the complete, machine-readable form (plus `drift` when given). */
export const jsonRenderer: Renderer = {
  name: 'json',
  extension: 'json',
  render: (report, options = {}) => `${JSON.stringify(options.drift ? { ...report, drift: options.drift } : report, null, 2)}\n`,
};
