import type { Article } from '../types/index.js';

/** A half-open [start, end) range of the original text that survived cleaning. */
export interface Region {
  readonly start: number;
  readonly end: number;
}

/**
 * The complement of `article.dropped` within the text: the regions later stages may read.
 * Dropped regions may arrive unsorted or overlapping; both are tolerated.
 */
export function keptRegions(article: Article): Region[] {
  const dropped = [...article.dropped].sort((a, b) => a.start - b.start);
  const regions: Region[] = [];
  let cursor = 0;
  for (const region of dropped) {
    if (region.start > cursor) regions.push({ start: cursor, end: region.start });
    cursor = Math.max(cursor, region.end);
  }
  if (cursor < article.text.length) regions.push({ start: cursor, end: article.text.length });
  return regions.filter((r) => article.text.slice(r.start, r.end).trim().length > 0);
}
