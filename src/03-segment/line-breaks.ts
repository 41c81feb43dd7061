/**
 * Decides whether a single line break ends a paragraph.
 *
 * Web and wire copy puts one paragraph per line ("Peskov said...\n“I do not know,” he told
 * reporters."), so a line break is a boundary. E-mail and plain-text archives hard-wrap prose at a
 * fixed width, where a line break is just a space. We call a text hard-wrapped when most of its
 * lines are long, of similar length, and do not end with sentence punctuation.
 */
export function isHardWrapped(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim().length > 0);
  if (lines.length < 6) return false;
  const lengths = lines.map((line) => line.length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  if (median < 50 || median > 100) return false;
  const nearMedian = lines.filter((line) => Math.abs(line.length - median) <= 12).length;
  const unpunctuated = lines.filter((line) => !/[.!?:"”’)]\s*$/.test(line)).length;
  return nearMedian / lines.length > 0.6 && unpunctuated / lines.length > 0.5;
}
