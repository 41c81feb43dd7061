/**
 * A token trie for multi-word gazetteer lookups: keys are tokenised with the same tokenizer as
 * the articles (wink), so "ISIS-K" is the three tokens `isis - k` on both sides and a lookup
 * costs one map access per token walked, whatever the size of the gazetteer.
 */
import { winkAnalyze } from '../adapters/wink.js';

/** One node of the trie: children by normalised token, values stored where a key ends. */
interface TrieNode<V> {
  readonly next: Map<string, TrieNode<V>>;
  values: V[] | undefined;
}

/** The answer of every lookup that matches nothing (frozen: callers only read it). */
const NO_MATCH: readonly never[] = Object.freeze([]);

/** A trie from token sequences to values. */
export class TokenTrie<V> {
  readonly #root: TrieNode<V> = { next: new Map(), values: undefined };

  /** Add `value` under the tokens of `key` ("the White House" -> the, white, house). */
  add(key: string, value: V): void {
    let node = this.#root;
    for (const token of tokenizeKey(key)) {
      let child = node.next.get(token);
      if (!child) {
        child = { next: new Map(), values: undefined };
        node.next.set(token, child);
      }
      node = child;
    }
    if (node === this.#root) return;
    (node.values ??= []).push(value);
  }

  /**
   * All keys that start at `words[from]`, as `[length, values]`, longest first.
   * `words` are normalised tokens (lower case, apostrophes folded).
   */
  matchAt(words: readonly string[], from: number): readonly (readonly [number, readonly V[]])[] {
    // The common case, kept cheap: no key starts with this word (one shared empty answer).
    if (!this.#root.next.has(words[from] ?? '')) return NO_MATCH;
    const found: [number, readonly V[]][] = [];
    let node: TrieNode<V> | undefined = this.#root;
    for (let i = from; i < words.length; i++) {
      const word = words[i];
      if (word === undefined) break;
      node = node.next.get(word);
      if (!node) break;
      if (node.values) found.push([i - from + 1, node.values]);
    }
    return found.reverse();
  }
}

/** Tokenise a gazetteer key exactly as articles are tokenised, lower-cased. */
export function tokenizeKey(key: string): string[] {
  return winkAnalyze(key)
    .tokens.map((t) => t.value.toLowerCase().replace(/[’‘`]/g, "'"))
    .filter((t) => t.trim() !== '');
}
