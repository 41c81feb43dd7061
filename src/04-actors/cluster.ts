/**
 * Merge the selected candidates into actors, in text order, so "most recent" means what it says.
 * - same key: one actor ("Moscow" and "Russia" are both `state:Russia`);
 * - a single name that is the surname (or first name) of a full name elsewhere in the article is
 *   that person ("Peskov" -> "Dmitry Peskov"), the nearest one before it, else the first after;
 * - descriptions and titles link to the most recent actor of the right kind or role;
 * - pronouns link to a compatible person: the first (subject) person of the same sentence before
 *   the pronoun, else the first of the nearest of the three previous sentences that has one.
 */
import type { Actor, ActorKind, Mention, Segmented } from '../types/index.js';
import type { Candidate, Gender, Link } from './candidate.js';
import { describe, impliedWords, type Described } from './descriptors.js';
import { gazetteers } from './gazetteers.js';
import { quotedTokens } from './quotes.js';

interface Building {
  readonly id: string;
  readonly kind: ActorKind;
  readonly names: string[];
  readonly mentions: Mention[];
  readonly roles: string[];
  /** Canonical words of its roles ("Sen." -> senator, lawmaker), or of an unnamed source's description. */
  readonly roleWords: Set<string>;
  /** US parties and states its roles and party labels name ("R-Ariz." -> republican, arizona). */
  readonly parties: Set<string>;
  readonly states: Set<string>;
  readonly heads: Set<string>;
  gender: Gender;
}

interface Placed {
  readonly actor: Building;
  readonly sentence: number;
  /** Inside a direct quotation. */
  readonly quoted: boolean;
  /** A possessive or object pronoun ("his", "him", "her"): never the subject of its sentence. */
  readonly oblique: boolean;
}

const PRONOUN_LOOKBACK = 3;
/** Sentences a pronoun may reach back over, counting those inside a quotation. */
const MAX_LOOKBACK = 8;

/** 1 for each sentence whose words all stand inside a quotation. */
function wholeQuotes(segmented: Segmented, quoted: Uint8Array): Uint8Array {
  const out = new Uint8Array(segmented.sentences.length);
  for (const sentence of segmented.sentences) {
    let all = true;
    for (let k = sentence.firstToken; k < sentence.endToken && all; k++) {
      if (segmented.tokens[k]?.pos !== 'PUNCT' && quoted[k] !== 1) all = false;
    }
    if (all) out[sentence.index] = 1;
  }
  return out;
}
const OBLIQUE = new Set(['his', 'him', 'her', 'hers', 'himself', 'herself']);

/** Build actors (ids `a1`, `a2`... in order of first mention) from non-overlapping candidates. */
export function clusterActors(segmented: Segmented, candidates: readonly Candidate[]): Actor[] {
  const persons = fullNames(candidates);
  const byKey = new Map<string, Building>();
  const actors: Building[] = [];
  const placed: Placed[] = [];
  const quoted = quotedTokens(segmented);
  const quotedSentences = wholeQuotes(segmented, quoted);

  const create = (c: Candidate, key: string): Building => {
    const actor: Building = { id: `a${actors.length + 1}`, kind: c.kind, names: [], mentions: [], roles: [], roleWords: new Set(), parties: new Set(), states: new Set(), heads: new Set(), gender: '' };
    actors.push(actor);
    if (key) byKey.set(key, actor);
    return actor;
  };

  for (const c of candidates) {
    const sentence = segmented.tokens[c.first]?.sentence ?? 0;
    const inQuote = quoted[c.first] === 1;
    let actor: Building | undefined;
    if (c.link?.to === 'pronoun') actor = resolvePronoun(placed, sentence, c.link.gender, inQuote ? undefined : quotedSentences);
    else if (c.link?.to === 'recent') actor = resolveRecent(placed, c.link) ?? (c.link.orNew ? create(c, '') : undefined);
    else {
      const key = c.key || personKey(c, persons);
      if (!key) continue;
      actor = byKey.get(key) ?? create(c, key);
    }
    if (!actor) continue;
    add(segmented, actor, c);
    placed.push({ actor, sentence, quoted: inQuote, oblique: c.form === 'pronoun' && OBLIQUE.has(c.name.toLowerCase()) });
  }
  return actors.map(finish);
}

/** Full person names (two words or more) by surname and first name, in text order. */
interface NameIndex {
  readonly bySurname: Map<string, Candidate[]>;
  readonly byFirstName: Map<string, Candidate[]>;
  /** The kind of every name confirmed somewhere in the article (by a first name, title or speech verb). */
  readonly confirmed: Map<string, string>;
}

function fullNames(candidates: readonly Candidate[]): NameIndex {
  const index: NameIndex = { bySurname: new Map(), byFirstName: new Map(), confirmed: new Map() };
  for (const c of candidates) {
    if (c.form === 'name' && !c.tentative && c.key === '') index.confirmed.set(fold(c.name), c.kind);
    if (c.kind !== 'person' || c.form !== 'name' || c.tentative) continue;
    const parts = fold(c.name).split(/\s+/);
    if (parts.length < 2) continue;
    push(index.bySurname, parts[parts.length - 1] ?? '', c);
    push(index.byFirstName, parts[0] ?? '', c);
  }
  return index;
}

function push(map: Map<string, Candidate[]>, key: string, c: Candidate): void {
  const list = map.get(key);
  if (list) list.push(c);
  else map.set(key, [c]);
}

/** Lower case with typographic apostrophes folded: "O’Neill" and "O'Neill" are one name. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[’‘]/g, "'");
}

/**
 * Key of a person name: its own full name, or the longer name it abbreviates: "Peskov" ->
 * "Dmitry Peskov", "De Blasio" -> "Bill de Blasio", "Hillary" -> "Hillary Clinton".
 */
function personKey(c: Candidate, index: NameIndex): string {
  const lower = fold(c.name);
  // "AARP said ... AARP reassured labor groups": a name confirmed elsewhere is confirmed here.
  const confirmed = !c.tentative || index.confirmed.get(lower) === c.kind;
  if (c.kind !== 'person') return confirmed ? `${c.kind}:${lower}` : '';
  const parts = lower.split(/\s+/);
  const longer = (index.bySurname.get(parts[parts.length - 1] ?? '') ?? []).filter((f) => fold(f.name).endsWith(` ${lower}`));
  const full = nearest(longer, c.first) ?? (parts.length === 1 ? nearest(index.byFirstName.get(lower), c.first) : undefined);
  if (full) return `person:${fold(full.name)}`;
  // "President Obama came out ... In a written statement, Obama asked": a name the article
  // confirms as a person elsewhere (title, first name, speech verb) is that person everywhere.
  return confirmed ? `person:${lower}` : '';
}

/**
 * The full name a bare surname stands for: of those before `at`, the one named most often
 * (ties: the nearest), else the first after. "Hillary Clinton ... Hillary Clinton ... daughter
 * Chelsea Clinton's apartment ... Clinton's van" -> Hillary Clinton.
 */
function nearest(list: readonly Candidate[] | undefined, at: number): Candidate | undefined {
  if (!list) return undefined;
  const counts = new Map<string, number>();
  let best: Candidate | undefined;
  let bestCount = 0;
  for (const c of list) {
    if (c.first >= at) break;
    const key = fold(c.name);
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n >= bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best ?? list[0];
}

/**
 * "Kremlin spokesman Dmitry Peskov said he was not aware": the subject of the sentence. A pronoun
 * outside quotation marks never points into a quotation: in "“Chairman Steele needs to
 * apologize,” he said", "he" is the speaker named before the quote, not Steele.
 */
function resolvePronoun(placed: readonly Placed[], sentence: number, gender: Gender, quotes: Uint8Array | undefined): Building | undefined {
  const inQuote = quotes === undefined;
  // "..., a spokeswoman said. She did not elaborate.": an unnamed source of known gender fits too.
  const fits = (p: Placed): boolean => (inQuote || !p.quoted) && (
    (p.actor.kind === 'person' && (p.actor.gender === '' || gender === '' || p.actor.gender === gender)) ||
    (p.actor.kind === 'anonymous' && p.actor.gender !== '' && p.actor.gender === gender));
  // A quotation of several sentences is one turn: "“Why aren’t ... Clinton. It’s a Rigged Witch
  // Hunt! Ask them ...!” he added." reaches back past the quote to "Mr. Trump tweeted".
  let counted = 0;
  for (let s = sentence; s >= 0 && counted <= PRONOUN_LOOKBACK && sentence - s <= MAX_LOOKBACK; s--) {
    if (s === sentence || quotes?.[s] !== 1) counted++;
    // The first compatible person of the sentence (the subject, more often than not), not a
    // possessive or object pronoun: in "Asked about his name on the checks, Trump said he ...",
    // "he" is Trump whatever "his" was read as.
    let first: Building | undefined;
    let firstOblique: Building | undefined;
    for (let k = placed.length - 1; k >= 0; k--) {
      const p = placed[k];
      if (!p || p.sentence < s) break;
      if (p.sentence !== s || !fits(p)) continue;
      if (p.oblique) firstOblique = p.actor;
      else first = p.actor;
    }
    first ??= firstOblique;
    if (first) {
      if (first.gender === '') first.gender = gender;
      return first;
    }
  }
  return undefined;
}

/** "told the news agency" -> the last media actor; "the spokesman" -> the last spokesman. */
function resolveRecent(placed: readonly Placed[], link: Extract<Link, { to: 'recent' }>): Building | undefined {
  for (let k = placed.length - 1; k >= 0; k--) {
    const actor = placed[k]?.actor;
    if (!actor || !link.kinds.includes(actor.kind)) continue;
    if (link.described && !fitsDescription(actor, link.described)) continue;
    if (link.head !== undefined && !actor.heads.has(link.head)) continue;
    return actor;
  }
  return undefined;
}

/**
 * Whether a definite description fits an actor. A person: every title and modifier word is in its
 * roles ("the Kremlin spokesman" -> "Kremlin spokesman Dmitry Peskov"; "the senator" -> "Sen.
 * Ted Cruz"), its party and state do not contradict the person's where they are known ("the
 * Democratic nominee" is not the Republican nominee), and at least one word, party or state is
 * known to fit ("the Arizona Republican" -> "Sen. John McCain, R-Ariz."). An unnamed source:
 * same head and words ("the spokeswoman" -> "a Treasury Department spokeswoman").
 */
function fitsDescription(actor: Building, d: NonNullable<Extract<Link, { to: 'recent' }>['described']>): boolean {
  if (!d.words.every((w) => actor.roleWords.has(w))) return false;
  if (actor.kind === 'anonymous') return d.titleHead !== undefined && actor.heads.has(d.titleHead) && d.parties.length === 0 && d.states.length === 0;
  // "Sen. Lindsey Graham ... the South Carolina Republican said": party and state describe
  // politicians, so an elected official whose party and state were never given fits too.
  let known = d.words.length > 0 || POLITICAL.some((w) => actor.roleWords.has(w));
  for (const [wanted, has] of [[d.parties, actor.parties], [d.states, actor.states]] as const) {
    if (wanted.length === 0 || has.size === 0) continue;
    if (!wanted.every((w) => has.has(w))) return false;
    known = true;
  }
  return known;
}

/** Titles of elected officials, whom a party and a state describe ("the Ohio Republican"). */
const POLITICAL = ['lawmaker', 'governor', 'mayor'];

function add(segmented: Segmented, actor: Building, c: Candidate): void {
  const first = segmented.tokens[c.first];
  const last = segmented.tokens[c.end - 1];
  if (!first || !last) return;
  // wink sometimes keeps a possessive inside the token ("Mr. Putin's."): it is not part of the name.
  const end = c.form === 'name' && last.text.length > 3 && /['’]s$/.test(last.text) ? last.end - 2 : last.end;
  const text = segmented.article.text.slice(first.start, end);
  // A title mention that opens its own actor gives it its role ("the Kremlin spokesman").
  const role = c.form === 'title' && actor.mentions.length > 0 ? undefined : c.role;
  actor.mentions.push({ start: first.start, end, text, actorId: actor.id, form: c.form, ...(role ? { role } : {}) });
  // Names that identify the actor: proper names, metonyms' states, and phrases keyed on their own.
  if (c.form === 'name' || c.form === 'metonym' || (c.key !== '' && c.form === 'description')) actor.names.push(c.name);
  if (role && !actor.roles.includes(role)) {
    actor.roles.push(role);
    learn(actor, describe(role, gazetteers()));
  }
  if (c.descriptors) learn(actor, c.descriptors);
  // "a Treasury Department spokeswoman": an unnamed source answers to the words of its description.
  if (actor.kind === 'anonymous' && c.form === 'description') for (const w of describe(c.name, gazetteers()).words) actor.roleWords.add(w);
  if (c.head) actor.heads.add(c.head);
  // "The New York Post" can later be "the Post", the "Supreme Court" "the court".
  if ((actor.kind === 'media' || actor.kind === 'organisation') && c.form === 'name') {
    for (const w of c.name.toLowerCase().split(/\s+/)) actor.heads.add(w);
  }
  if (c.gender && !actor.gender) actor.gender = c.gender;
}

/** Add what a role or party label says to the actor's comparable words. */
function learn(actor: Building, d: Described): void {
  for (const w of impliedWords(d.words)) actor.roleWords.add(w);
  for (const p of d.parties) actor.parties.add(p);
  for (const s of d.states) actor.states.add(s);
}

function finish(b: Building): Actor {
  const first = b.mentions[0];
  const name = b.names.reduce((best, n) => (n.length > best.length ? n : best), b.names[0] ?? first?.text ?? '');
  const aliases: string[] = [];
  for (const m of b.mentions) if (m.form !== 'pronoun' && !aliases.includes(m.text)) aliases.push(m.text);
  return { id: b.id, name, kind: b.kind, aliases, roles: b.roles, mentions: b.mentions };
}
