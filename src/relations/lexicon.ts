/**
 * Word classes the relation features count. Stance-verb classes come from the project's stance
 * lexicon (data/lexicons/stance-lexicon.json, matched by Porter stem); the small lists below are
 * the words that the lexicon does not hold because they are not cues (hoax, fake, not ...).
 */
import { readFileSync } from 'node:fs';
import { stem } from '../adapters/natural.js';
import { hashString } from '../learn/index.js';
import type { StanceClass } from '../types/index.js';

/** Function words that carry no topic (weight 0 in similarities). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ("a an the and or but if of to in on at by for with from as into onto about over under after before than then " +
    "is are was were be been being am has have had having do does did will would shall should can could may might must " +
    "it its it's this that these those there here he she they we you i me him her them us my his their our your " +
    "who whom whose which what when where why how all any some such no nor so too very just also only own same other " +
    "s t don't isn't wasn't said says say told tells according up out off again further once more most").split(' '),
);

/** Words that refute or debunk ("The photo is a hoax"; "reports are false"). */
export const REFUTING = new Set(['fake', 'fraud', 'hoax', 'false', 'deny', 'denies', 'denied', 'denial', 'refute', 'refutes', 'refuted',
  'debunk', 'debunked', 'debunks', 'bogus', 'untrue', 'retract', 'retracted', 'prank', 'pranks', 'satire', 'satirical', 'myth',
  'rumor', 'rumour', 'rumors', 'rumours', 'nonsense', 'baseless', 'fabricated', 'doctored', 'photoshopped', 'misleading',
  'unfounded', 'incorrect', 'wrong', 'dismissed', 'rejects', 'rejected', 'contrary', 'despite', 'however', 'actually']);

/** Negation words ("did not", "never", "no evidence"); "cannot" included. */
export const NEGATION = new Set(['not', 'no', 'never', 'none', 'nothing', 'nobody', 'neither', 'nor', 'cannot', "can't", "don't",
  "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "won't", "wouldn't", "hasn't", "haven't", "hadn't", 'without']);

/** Hedges and rumour markers that make a report `discuss` rather than `agree`. */
export const HEDGES = new Set(['reportedly', 'allegedly', 'apparently', 'purportedly', 'supposedly', 'claims', 'claimed',
  'unconfirmed', 'unverified', 'may', 'might', 'could', 'possibly', 'perhaps', 'rumored', 'rumoured', 'believed', 'suggests',
  'appears', 'seems', 'reports', 'reported', 'according', 'sources', 'speculation', 'if', 'whether', 'unclear']);

/** The stance classes, in a fixed order (feature ids use the index). */
export const STANCE_CLASSES: readonly StanceClass[] = ['neutral', 'endorsing', 'distancing', 'insistence', 'hedging', 'denial', 'accusation', 'doubt'];

interface LexiconFile {
  readonly entries: readonly { readonly key: string; readonly class: StanceClass }[];
}

let classes: Map<number, number> | undefined;

/** Stem hash -> stance class index, from the project's stance lexicon (single-word keys). */
export function stanceClassByStem(): ReadonlyMap<number, number> {
  if (classes) return classes;
  const file = new URL('../../data/lexicons/stance-lexicon.json', import.meta.url);
  const lexicon = JSON.parse(readFileSync(file, 'utf8')) as LexiconFile;
  classes = new Map();
  for (const e of lexicon.entries) {
    const key = e.key === 'according to' ? 'according' : e.key;
    if (key.includes(' ')) continue;
    const index = STANCE_CLASSES.indexOf(e.class);
    if (index >= 0) classes.set(hashString(stem(key)), index);
  }
  return classes;
}
