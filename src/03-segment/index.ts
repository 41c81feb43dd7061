export { segment, type SegmentOptions } from './segment.js';
export { keptRegions, type Region } from './kept-regions.js';
