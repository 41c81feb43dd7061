/**
 * Loads the gazetteers of `data/gazetteers/` once per process and turns them into lookup
 * structures: a token trie of names, and word sets for roles, sources and first names.
 * The JSON lives apart from the code (see its README for where entries come from).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ActorKind } from '../types/index.js';
import type { Gender } from './candidate.js';
import { TokenTrie } from './trie.js';

/** What a gazetteer key stands for. */
export interface GazetteerHit {
  /** Canonical name of the actor ("Russia" for "Moscow"). */
  readonly name: string;
  readonly kind: ActorKind;
  /** `demonym` hits ("Iranian") are not mentions by themselves, only inside phrases. */
  readonly form: 'name' | 'metonym' | 'demonym';
  /** Acronyms ("US", "WHO", "IS") match only in exactly this spelling. */
  readonly exact: string | undefined;
  /** Sub-national regions and capital cities are skipped in locative phrases ("in Texas"). */
  readonly locative: boolean;
}

/** Everything the rules look up, built once. */
export interface Gazetteers {
  readonly names: TokenTrie<GazetteerHit>;
  readonly titles: TokenTrie<string>;
  readonly honorifics: ReadonlyMap<string, Gender>;
  readonly gendered: ReadonlyMap<string, Gender>;
  readonly roleModifiers: ReadonlySet<string>;
  readonly firstNames: ReadonlyMap<string, Gender>;
  readonly anonymousHeads: ReadonlySet<string>;
  /** Heads that are anonymous sources even without a qualifier: "a source", "officials". */
  readonly anonymousBareHeads: ReadonlySet<string>;
  /** Unnamed spokespeople: "a spokeswoman said", "a spokesman for the ministry". */
  readonly spokespeople: ReadonlySet<string>;
  readonly anonymousQualifiers: TokenTrie<string>;
  readonly genericHeads: TokenTrie<string>;
  readonly documentHeads: ReadonlySet<string>;
  readonly descriptions: TokenTrie<ActorKind>;
  readonly stateSides: ReadonlySet<string>;
  readonly speechLemmas: ReadonlySet<string>;
  /** Formal given names of a lower-cased given name: "bill" -> ["william"], "william" -> ["william"]. */
  readonly formalNames: (given: string) => readonly string[];
  /** US party words and letters, lower case, to the party: "r" / "gop" -> "republican". */
  readonly parties: ReadonlyMap<string, string>;
  /** US state names and abbreviations, lower case, to the state's lower-case name: "s.c." -> "south carolina". */
  readonly usStates: ReadonlyMap<string, string>;
}

const stateSchema = z.array(
  z.object({
    name: z.string(),
    aliases: z.array(z.string()).optional(),
    demonyms: z.array(z.string()).optional(),
    metonyms: z.array(z.string()).optional(),
  }),
);
const kindSchema = z.enum(['organisation', 'group', 'media']);
const orgSchema = z.array(
  z.object({
    name: z.string(),
    kind: kindSchema,
    aliases: z.array(z.string()),
    metonyms: z.array(z.string()).optional(),
  }),
);
const regionSchema = z.object({ names: z.array(z.string()) });
const partyLabelSchema = z.object({ parties: z.record(z.string(), z.string()), states: z.record(z.string(), z.string()) });
const genderSchema = z.enum(['m', 'f', '']);
const roleSchema = z.object({
  titles: z.array(z.string()),
  honorifics: z.record(z.string(), genderSchema),
  gendered: z.record(z.string(), genderSchema),
  modifiers: z.array(z.string()),
});
const firstNameSchema = z.object({
  male: z.array(z.string()),
  female: z.array(z.string()),
  either: z.array(z.string()),
});
const sourceSchema = z.object({
  anonymous: z.object({
    heads: z.array(z.string()),
    qualifiers: z.array(z.string()),
    bareHeads: z.array(z.string()),
    spokespeople: z.array(z.string()),
  }),
  generic: z.array(z.string()),
  documents: z.array(z.string()),
  descriptions: z.object({
    media: z.array(z.string()),
    group: z.array(z.string()),
    organisation: z.array(z.string()),
  }),
  stateSides: z.array(z.string()),
  speechLemmas: z.array(z.string()),
});

const nicknameSchema = z.record(z.string(), z.array(z.string()));

function load<T>(file: string, schema: z.ZodType<T>): T {
  const url = new URL(`../../data/gazetteers/${file}`, import.meta.url);
  const parsed = schema.safeParse(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.success) throw new TypeError(`narrascope: invalid gazetteer ${file}: ${parsed.error.message}`);
  return parsed.data;
}

/** An acronym key must match exactly: "US" is the United States, "us" is a pronoun. */
function exactSpelling(key: string): string | undefined {
  return /[a-z]/.test(key) ? undefined : key;
}

function buildNames(): TokenTrie<GazetteerHit> {
  const trie = new TokenTrie<GazetteerHit>();
  const add = (key: string, hit: Omit<GazetteerHit, 'exact'>): void =>
    trie.add(key, { ...hit, exact: exactSpelling(key) });
  for (const s of load('states.json', stateSchema)) {
    for (const key of [s.name, ...(s.aliases ?? [])]) add(key, { name: s.name, kind: 'state', form: 'name', locative: false });
    for (const key of s.metonyms ?? []) add(key, { name: s.name, kind: 'state', form: 'metonym', locative: true });
    for (const key of s.demonyms ?? []) add(key, { name: s.name, kind: 'state', form: 'demonym', locative: false });
  }
  for (const o of load('organisations.json', orgSchema)) {
    for (const key of [o.name, ...o.aliases]) add(key, { name: o.name, kind: o.kind, form: 'name', locative: false });
    for (const key of o.metonyms ?? []) add(key, { name: o.name, kind: o.kind, form: 'metonym', locative: true });
  }
  for (const name of load('regions.json', regionSchema).names) {
    add(name, { name, kind: 'organisation', form: 'name', locative: true });
  }
  return trie;
}

function trieOf<V>(entries: Iterable<[string, V]>): TokenTrie<V> {
  const trie = new TokenTrie<V>();
  for (const [key, value] of entries) trie.add(key, value);
  return trie;
}

function build(): Gazetteers {
  const roles = load('roles.json', roleSchema);
  const first = load('first-names.json', firstNameSchema);
  const sources = load('sources.json', sourceSchema);
  const firstNames = new Map<string, Gender>();
  for (const n of first.either) firstNames.set(n, '');
  for (const n of first.male) firstNames.set(n, firstNames.has(n) ? '' : 'm');
  for (const n of first.female) firstNames.set(n, firstNames.get(n) === 'm' ? '' : 'f');
  const d = sources.descriptions;
  const formal = new Map<string, string[]>();
  for (const [name, nicknames] of Object.entries(load('nicknames.json', nicknameSchema))) {
    for (const nick of [name, ...nicknames]) formal.set(nick, [...(formal.get(nick) ?? []), name]);
  }
  // Group words first: "the group" means the last armed group before the last company.
  const descriptions: [string, ActorKind][] = [
    ...d.media.map((w): [string, ActorKind] => [w, 'media']),
    ...d.group.map((w): [string, ActorKind] => [w, 'group']),
    ...d.organisation.map((w): [string, ActorKind] => [w, 'organisation']),
  ];
  const labels = load('us-party-labels.json', partyLabelSchema);
  return {
    parties: new Map(Object.entries(labels.parties)),
    usStates: new Map(Object.entries(labels.states).map(([k, v]) => [k, v.toLowerCase()])),
    names: buildNames(),
    titles: trieOf(roles.titles.map((t): [string, string] => [t, t])),
    honorifics: new Map(Object.entries(roles.honorifics)),
    gendered: new Map(Object.entries(roles.gendered)),
    roleModifiers: new Set(roles.modifiers),
    firstNames,
    anonymousHeads: new Set(sources.anonymous.heads),
    anonymousBareHeads: new Set(sources.anonymous.bareHeads),
    spokespeople: new Set(sources.anonymous.spokespeople),
    anonymousQualifiers: trieOf(sources.anonymous.qualifiers.map((q): [string, string] => [q, q])),
    genericHeads: trieOf(sources.generic.map((g): [string, string] => [g, g])),
    documentHeads: new Set(sources.documents),
    descriptions: trieOf(descriptions),
    stateSides: new Set(sources.stateSides),
    speechLemmas: new Set(sources.speechLemmas),
    formalNames: (given) => formal.get(given) ?? [given],
  };
}

let cached: Gazetteers | undefined;

/** The gazetteers, loaded and indexed on first use (about 100 ms), then shared. */
export function gazetteers(): Gazetteers {
  cached ??= build();
  return cached;
}
