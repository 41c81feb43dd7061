/**
 * What a role, a description or a party label says about a person, in words that compare: "Sen."
 * and "the senator" share `senator`; "R-Ariz.", "Arizona Republican Sen." and "the Arizona
 * Republican" share the party `republican` and the state `arizona`. Definite descriptions are
 * resolved on these (`cluster.ts`): "Sen. John McCain, R-Ariz., said ... The Arizona Republican
 * said" is McCain.
 */
import type { Context } from './context.js';
import type { Gazetteers } from './gazetteers.js';

/** The comparable content of a role or description. */
export interface Described {
  /** Title and modifier words, canonical ("sen." -> "senator"), without party and state words. */
  readonly words: readonly string[];
  /** US parties named ("republican", "democrat"). */
  readonly parties: readonly string[];
  /** US states named, lower case ("south carolina"). */
  readonly states: readonly string[];
}

/** Abbreviated and gendered titles as one word: "Sen." and "senator", "congresswoman" and "Rep.". */
const CANONICAL: Readonly<Record<string, string>> = {
  'sen.': 'senator', sen: 'senator', senators: 'senator', 'sens.': 'senator',
  'rep.': 'representative', rep: 'representative', 'reps.': 'representative', representatives: 'representative',
  congressman: 'representative', congresswoman: 'representative', congressmen: 'representative',
  'gov.': 'governor', gov: 'governor', 'gen.': 'general', 'lt.': 'lieutenant', 'atty.': 'attorney',
  'sec.': 'secretary', 'pres.': 'president', 'amb.': 'ambassador', 'sgt.': 'sergeant',
};

/**
 * Ranking words say which of a kind the person is, not another kind: "Sen. Scott Brown ... was
 * the first Republican senator to call on Akin to withdraw" describes Brown as a Republican
 * senator. ("another", "other" do say it is someone else, and stay.)
 */
const RANKING = new Set(['first', 'second', 'third', 'last', 'latest', 'only', 'lone', 'sole']);

/** Titles that are also a lawmaker: "the lawmaker" may be a senator or a representative. */
const IMPLIED: Readonly<Record<string, readonly string[]>> = {
  senator: ['lawmaker', 'legislator'],
  representative: ['lawmaker', 'legislator'],
};

/**
 * The comparable words of a role or description ("Arizona Republican Sen." ->
 * words ["senator"], parties ["republican"], states ["arizona"]).
 * @example describe('the South Carolina Republican', gaz) // { words: [], parties: ['republican'], states: ['south carolina'] }
 */
export function describe(text: string, gaz: Gazetteers): Described {
  const raw = text.toLowerCase().replace(/[’‘]/g, "'").replace(/'s\b/g, '').split(/[\s-]+/).filter((w) => w !== '' && w !== 'the' && w !== 'a' && w !== 'an' && !RANKING.has(w));
  const words: string[] = [];
  const parties: string[] = [];
  const states: string[] = [];
  for (let k = 0; k < raw.length; k++) {
    const w = raw[k] ?? '';
    const pair = `${w} ${raw[k + 1] ?? ''}`;
    if (isStateName(gaz, pair)) {
      states.push(pair);
      k++;
      continue;
    }
    if (isStateName(gaz, w)) states.push(w);
    else if (w.length > 1 && gaz.parties.has(w)) parties.push(gaz.parties.get(w) ?? w);
    else words.push(CANONICAL[w] ?? w);
  }
  return { words, parties, states };
}

/** The words an actor with this role answers to: its own, plus the titles they imply. */
export function impliedWords(words: readonly string[]): string[] {
  return words.flatMap((w) => [w, ...(IMPLIED[w] ?? [])]);
}

const STATE_NAMES = new WeakMap<Gazetteers, ReadonlySet<string>>();

/** A full US state name in lower case ("ohio", "south carolina"), not an abbreviation. */
export function isStateName(gaz: Gazetteers, lower: string): boolean {
  let names = STATE_NAMES.get(gaz);
  if (!names) {
    names = new Set(gaz.usStates.values());
    STATE_NAMES.set(gaz, names);
  }
  return names.has(lower);
}

/**
 * A US party label right after a person's name: "John McCain, R-Ariz.,", "Ted Cruz (R-TX)",
 * "Lindsey Graham of South Carolina",
 * "Steve Cohen, a Tennessee Democrat,", "Mitch McConnell, a Republican,", "James Clyburn, South
 * Carolina Democrat", "Tim Ryan, a Democrat from Ohio". Undefined when there is none.
 */
export function partyLabelAfter(ctx: Context, end: number): Described | undefined {
  const { words, segmented, gaz } = ctx;
  const text = segmented.article.text;
  let k = end;
  // "Sen. Lindsey Graham of South Carolina": the state alone.
  if (words[k] === 'of') {
    const state = [`${words[k + 1] ?? ''} ${words[k + 2] ?? ''}`, words[k + 1] ?? ''].find((w) => isStateName(gaz, w));
    return state ? { words: [], parties: [], states: [state] } : undefined;
  }
  if (words[k] !== ',' && words[k] !== '(') return undefined;
  k++;
  // "R-Ariz.", "(R-TX)": a party letter glued to a hyphen and a state abbreviation.
  const letter = segmented.tokens[k];
  const hyphen = segmented.tokens[k + 1];
  if (letter && hyphen && /^[RDIL]$/.test(letter.text) && hyphen.text === '-' && hyphen.start === letter.end) {
    const written = /^[A-Za-z.]+/.exec(text.slice(hyphen.end, hyphen.end + 12))?.[0].toLowerCase() ?? '';
    const state = gaz.usStates.get(written) ?? gaz.usStates.get(written.replace(/\.$/, ''));
    const party = gaz.parties.get(letter.text.toLowerCase());
    return party ? { words: [], parties: [party], states: state ? [state] : [] } : undefined;
  }
  // ", a Tennessee Democrat", ", a Republican from Ohio": an apposition ending in a party noun.
  if (words[k] === 'a' || words[k] === 'an') k++;
  const start = k;
  while (k < start + 3 && segmented.tokens[k] && /^[A-Z]/.test(segmented.tokens[k]?.text ?? '')) k++;
  const party = gaz.parties.get(words[k - 1] ?? '');
  if (k === start || !party || (words[k - 1] ?? '').length < 2 || words[k - 1] === 'democratic') return undefined;
  const place = words.slice(start, k - 1).join(' ');
  const states = place === '' ? [] : isStateName(gaz, place) ? [place] : undefined;
  if (!states) return undefined;
  // "a Republican from Ohio"
  if ((words[k] === 'from' || words[k] === 'of') && states.length === 0) {
    const one = words[k + 1] ?? '';
    const two = `${one} ${words[k + 2] ?? ''}`;
    if (isStateName(gaz, two)) states.push(two);
    else if (isStateName(gaz, one)) states.push(one);
  }
  return { words: [], parties: [party], states };
}
