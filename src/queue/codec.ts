/**
 * The wire format of a batch's results. A result is already one JSON line (serialised in the
 * worker thread); wrapping 64 of them in a JSON array would escape every quote again and cost a
 * second parse. So a batch's results travel as plain lines: per task, a short JSON header line
 * (`{"d":[diagnostics]}`, with `"t"` for track rows, or `{"f":"reason"}`) followed, for a success, by the result line.
 * JSON never holds a raw newline, so the lines split unambiguously.
 */
import type { Diagnostic } from '../types/index.js';

/** What became of one task of a batch. */
export type TaskOutcome =
  | { readonly ok: true; readonly json: string; readonly diagnostics: readonly Diagnostic[]; readonly track?: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Encode a batch's outcomes, in task order.
 *
 * @example encodeOutcomes([{ ok: false, reason: 'boom' }]) // '{"f":"boom"}'
 */
export function encodeOutcomes(outcomes: readonly TaskOutcome[]): string {
  const lines: string[] = [];
  for (const outcome of outcomes) {
    // `t`: the track rows of `narrascope track` (JSON lines; escaped inside the header).
    if (outcome.ok) lines.push(JSON.stringify({ d: outcome.diagnostics, ...(outcome.track !== undefined ? { t: outcome.track } : {}) }), outcome.json);
    else lines.push(JSON.stringify({ f: outcome.reason }));
  }
  return lines.join('\n');
}

/**
 * Decode what {@link encodeOutcomes} wrote; throws when the payload does not hold `count` outcomes
 * (a programming error or a corrupted key, never silently fewer results).
 */
export function decodeOutcomes(payload: string, count: number): TaskOutcome[] {
  const lines = payload === '' ? [] : payload.split('\n');
  const outcomes: TaskOutcome[] = [];
  for (let i = 0; i < lines.length;) {
    const header = JSON.parse(lines[i++] as string) as { d?: Diagnostic[]; f?: string; t?: string };
    if (header.f !== undefined) {
      outcomes.push({ ok: false, reason: header.f });
      continue;
    }
    const json = lines[i++];
    if (json === undefined) break;
    outcomes.push({ ok: true, json, diagnostics: header.d ?? [], ...(header.t !== undefined ? { track: header.t } : {}) });
  }
  if (outcomes.length !== count) throw new Error(`narrascope: a batch's results hold ${outcomes.length} outcomes, expected ${count}`);
  return outcomes;
}
