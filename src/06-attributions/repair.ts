/**
 * Structural repairs of tagged spans the sequence model gets wrong in ways a rule can see.
 */
import type { Cue, Segmented } from '../types/index.js';
import type { CueTokens, RoleSpan } from './tag-roles.js';

/**
 * "According to X, Y": a source right after an "according to" cue ends at the first comma; what
 * follows the comma is the content.
 *
 * @example
 * // "According to three officials, the talks collapsed."
 * // source "three officials, the talks collapsed" -> source "three officials", content "the talks collapsed"
 */
export function splitAccordingTo(segmented: Segmented, cues: readonly Cue[], mapped: CueTokens, spans: readonly RoleSpan[]): RoleSpan[] {
  const out: RoleSpan[] = [];
  const { tokens } = segmented;
  for (const span of spans) {
    const before = mapped.cueOf[span.first - 1] ?? -1;
    if (span.role !== 'source' || before < 0 || cues[before]?.lemma !== 'according to') {
      out.push(span);
      continue;
    }
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
