/**
 * Distancing marks in a text: the ways a writer keeps a word or a claim at arm's length without
 * a cue verb.
 */

// Labels that distance the writer from the name they precede: "the so-called referendum",
// "the self-proclaimed republic", "state media", "the Kyiv regime".
const LABELS = /\b(so-called|self-proclaimed|self-styled|would-be|purported|alleged|supposed|state[- ]run media|state media|regime)\b/gi;
// Scare quotes: one to four words in quotation marks inside a sentence ("radical Islamists", "a window").
const SCARE = /[“"‘]([^“”"‘’]{1,40})[”"’]/g;

/**
 * The distancing marks of a text: distancing labels, and scare quotes (a short phrase of one to
 * four words in quotation marks, not a quoted sentence).
 * @example distancingMarks('carried out by “radical Islamists” in the so-called operation')
 * // ['“radical Islamists”', 'so-called']
 */
export function distancingMarks(text: string): string[] {
  const marks: string[] = [];
  for (const m of text.matchAll(SCARE)) {
    const inner = (m[1] ?? '').trim();
    const words = inner.split(/\s+/).filter(Boolean).length;
    // A quoted whole sentence or a quote opening the text is reported speech, not a scare quote.
    if (words >= 1 && words <= 4 && !/[.!?,]$/.test(inner) && (m.index ?? 0) > 0) marks.push(m[0]);
  }
  for (const m of text.matchAll(LABELS)) marks.push(m[0]);
  return marks;
}
