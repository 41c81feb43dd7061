/** Event grouping: which articles of a corpus cover the same event, and which are wire copy. */
export { groupEvents } from './group.js';
export type { EventAssignment, EventInput, EventOptions } from './types.js';
