/**
 * Step 7.3b: which question a claim answers. Claims conflict only when they answer the same
 * question differently, so the question comes first: "ISIS-K claimed responsibility" answers
 * "who is responsible?", "Peskov was not aware of any warnings" answers "did X know?",
 * "the attack killed at least 133 people" answers "how many?", "the US must send troops" answers
 * "should X happen?". A claim that fits no frame answers "is X true?" for its own proposition.
 */
import type { QuestionKind } from '../types/narratives.js';

// "did X know / was X warned": knowledge and forewarning ("Iran had tipped Russia off",
// "he was not aware of any warnings", "officials were briefed in advance").
const KNOWLEDGE = /\b(aware|unaware|knew|know|known|knows|knowledge|warn(ed|ing|ings|s)?|tip(ped)? (\w+ )?off|forewarn\w*|alert(ed)?|briefed|informed|in advance|heads-up)\b/i;
// "should X happen": calls, demands and obligations ("the US must send troops", "called for a ceasefire").
const PRESCRIPTION = /\b(should|must|ought to|needs? to|has to|have to|call(s|ed)? for|urg(e|es|ed|ing)|demand(s|ed)?|propos(e|es|ed))\b/i;
// "how many": a number with what it counts ("killed at least 133 people", "3,000 troops").
const COUNT = /\b\d[\d,.]*\s*(million|billion|thousand)?\s+(people|dead|deaths|killed|wounded|injured|victims|troops|soldiers|civilians|migrants|jobs|votes|cases|dollars|percent|%)/i;
// "where from / where to": origin and destination ("the gunmen came from Tajikistan", "fled toward Ukraine").
const ORIGIN = /\b(came|come|comes|originat\w+|fled|flee|fleeing|escape[ds]?|trying to (flee|escape)|headed|heading|toward|towards|crossed|crossing)\b/i;

/**
 * The kind of question a claim answers, from its words. `agency` is the responsibility test the
 * features step already ran (agency words, accusation cues).
 * @example questionKind('Iran warned Russia about a major terrorist operation', false) // 'knowledge'
 * @example questionKind('ISIS-K claimed responsibility for the massacre', true) // 'responsibility'
 */
export function questionKind(text: string, agency: boolean): QuestionKind {
  if (agency) return 'responsibility';
  if (KNOWLEDGE.test(text)) return 'knowledge';
  if (PRESCRIPTION.test(text)) return 'prescription';
  if (COUNT.test(text)) return 'count';
  if (ORIGIN.test(text)) return 'origin';
  return 'truth';
}

/**
 * The numbers a claim gives (its answer to "how many?"): "at least 133 people" -> [133],
 * "more than 1,200" -> [1200]; years (1900-2100 written without a comma) are left out.
 */
export function numbersOf(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(million|billion|thousand))?\b/gi)) {
    const digits = m[1] ?? '';
    const scale = { million: 1e6, billion: 1e9, thousand: 1e3 }[(m[2] ?? '').toLowerCase()] ?? 1;
    const value = Number(digits.replace(/,/g, '')) * scale;
    if (!Number.isFinite(value) || (value >= 1900 && value <= 2100 && !digits.includes(','))) continue;
    out.push(value);
  }
  return out;
}
