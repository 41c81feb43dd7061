/**
 * The lexicon key of a detected cue: the lemma of its head verb ("has repeatedly said" -> "say"),
 * or the phrase for fixed multi-word cues ("According to" -> "according to").
 */
import type { Token } from '../types/index.js';

/** Multi-word cues whose key is the phrase itself, not one of its words. */
const PHRASES = new Set([
  'according to', 'in a statement', 'quoted as saying', 'in an interview', 'per',
  'reportedly', 'allegedly', 'in a tweet', 'in a post', 'in a letter', 'as saying',
]);

/** Tokens that never head a cue even when the tagger includes them ("said:" -> "say"). */
const SKIP = new Set(['PUNCT', 'AUX', 'PART', 'DET', 'ADV', 'SPACE', 'SYM']);

/**
 * Key of the cue made of `tokens` (in text order).
 *
 * @example
 * cueKey(tokensOf('has said')); // "say"
 * cueKey(tokensOf('according to')); // "according to"
 */
export function cueKey(tokens: readonly Token[]): string {
  const phrase = tokens.map((t) => t.lower).join(' ').replace(/[\s:,]+$/u, '');
  if (PHRASES.has(phrase)) return phrase;
  const verbs = tokens.filter((t) => t.pos === 'VERB');
  const last = verbs[verbs.length - 1];
  if (last) return last.lemma;
  const content = tokens.filter((t) => !SKIP.has(t.pos));
  const head = content[content.length - 1] ?? tokens[tokens.length - 1];
  return head ? head.lemma : '';
}
