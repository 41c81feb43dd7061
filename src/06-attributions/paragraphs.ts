import type { Segmented } from '../types/index.js';

/**
 * Token ranges [first, end) of the paragraphs of an article: the unit the source/content tagger
 * reads, since PolNeAR content fragments cross sentence boundaries but never line breaks.
 */
export function paragraphRanges(seg: Segmented): [number, number][] {
  const out: [number, number][] = [];
  for (const s of seg.sentences) {
    const last = out[out.length - 1];
    const prev = seg.sentences[s.index - 1];
    if (last && prev && prev.paragraph === s.paragraph) last[1] = s.endToken;
    else out.push([s.firstToken, s.endToken]);
  }
  return out;
}
