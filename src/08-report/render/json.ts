import type { Renderer } from './renderer.js';

/** The report as pretty-printed JSON: the complete, machine-readable form. */
export const jsonRenderer: Renderer = {
  name: 'json',
  extension: 'json',
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
