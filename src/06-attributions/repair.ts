/**
 * Structural repairs of tagged spans the sequence model gets wrong in ways a rule can see.
 */
import type { Cue, Segmented } from '../types/index.js';
import type { CueTokens, RoleSpan } from './tag-roles.js';

/**
 * "According to X, Y": a source right after an "according to" cue ends at the first comma; what
 * follows the comma is the content. The tagger sometimes labels Y a second source instead
 * ("According to [the police], [the suspect fled the scene]."): a source that starts right after
 * the comma closing an "according to" source, with no other cue after it in the sentence, is the
 * content ("According to the police, the suspect, a local man, said ..." keeps its sources).
 *
 * @example
 * // "According to three officials, the talks collapsed."
 * // source "three officials, the talks collapsed" -> source "three officials", content "the talks collapsed"
 */
export function splitAccordingTo(segmented: Segmented, cues: readonly Cue[], mapped: CueTokens, spans: readonly RoleSpan[]): RoleSpan[] {
  const out: RoleSpan[] = [];
  const { tokens } = segmented;
  // End token of the last "according to" source, when a comma follows it.
  let sourceBeforeComma = -1;
  for (const span of spans) {
    if (span.role === 'source' && sourceBeforeComma >= 0 && span.first === sourceBeforeComma + 1 && !cueLater(segmented, mapped, span.first)) {
      out.push({ role: 'content', first: span.first, end: span.end });
      sourceBeforeComma = -1;
      continue;
    }
    sourceBeforeComma = -1;
    const before = mapped.cueOf[span.first - 1] ?? -1;
    if (span.role !== 'source' || before < 0 || cues[before]?.lemma !== 'according to') {
      out.push(span);
      continue;
    }
    if (tokens[span.end]?.text === ',') sourceBeforeComma = span.end;
    let comma = -1;
    for (let i = span.first + 1; i < span.end - 1; i++) if (tokens[i]?.text === ',') { comma = i; break; }
    if (comma < 0) {
      out.push(span);
      continue;
    }
    out.push({ role: 'source', first: span.first, end: comma });
    out.push({ role: 'content', first: comma + 1, end: span.end });
  }
  return out;
}

/** Whether a cue token stands at or after token `from` in its sentence. */
function cueLater(segmented: Segmented, mapped: CueTokens, from: number): boolean {
  const { tokens } = segmented;
  const sentence = tokens[from]?.sentence;
  for (let i = from; i < tokens.length && tokens[i]?.sentence === sentence; i++) if ((mapped.cueOf[i] ?? -1) >= 0) return true;
  return false;
}
