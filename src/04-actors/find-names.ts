/**
 * Rule: proper names outside the gazetteers, from runs of capitalised proper nouns (wink POS).
 * - a run led by a known first name is a person: "Dmitry Peskov", "Khalid bin Salman Al Saud";
 * - a run after a title is a person: "Kremlin spokesman Dmitry Peskov", "Mr. Priebus";
 * - a run ending in an organisation word is an organisation: "Crocus City Hall Service",
 *   "Federal Bureau of Investigation"; ending in a newspaper word, media: "The Moscow Times";
 * - any other run is tentative: kept only if later confirmed (a surname of a known person,
 *   a role, or a following speech verb: "Bortnikov said").
 */
import type { Candidate, Gender } from './candidate.js';
import { PRIORITY } from './candidate.js';
import type { Context } from './context.js';
import { isAcronym, isCapitalised, isPartyLabel, spanText } from './text.js';

/** Lower-case particles inside names: "Khalid bin Salman", "Ursula von der Leyen". */
const PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'da', 'di', 'del', 'der', 'van', 'von', 'la', 'le', 'abu', 'du', 'dos']);
/** Words that end organisation names: "Federal Security Service", "Justice Department". */
const ORG_HEADS = new Set([
  'service', 'ministry', 'department', 'agency', 'party', 'council', 'committee', 'commission', 'court', 'bank',
  'university', 'institute', 'foundation', 'corporation', 'corp', 'corp.', 'inc', 'inc.', 'company', 'co.', 'ltd', 'llc',
  'association', 'union', 'organization', 'organisation', 'office', 'bureau', 'army', 'forces', 'guard', 'police',
  'parliament', 'assembly', 'administration', 'campaign', 'center', 'centre', 'fund', 'group', 'coalition', 'alliance',
  'board', 'authority', 'school', 'academy', 'society', 'club', 'federation', 'network', 'senate', 'congress', 'cabinet', 'government', 'command', 'directorate',
  'conference', 'caucus', 'legislature', 'delegation', 'panel', 'tribunal', 'embassy', 'consulate', 'secretariat', 'movement', 'front',
  'brigade', 'battalion', 'regiment', 'division', 'militia', 'corps', 'cartel', 'institution', 'hospital', 'airlines', 'airways',
]);
/**
 * Words that end names of things that cannot speak: laws, documents, places, buildings, events
 * ("the Logan Act", "Crocus City Hall", "Pennsylvania Avenue", "Super Tuesday"). A run ending in
 * one is no actor, whatever speech verb follows it.
 */
const THING_HEADS = new Set([
  'act', 'bill', 'law', 'amendment', 'treaty', 'accord', 'accords', 'agreement', 'doctrine', 'constitution', 'code',
  'hall', 'street', 'avenue', 'road', 'square', 'bridge', 'airport', 'station', 'stadium', 'arena', 'tower', 'palace',
  'river', 'lake', 'mountain', 'mountains', 'island', 'islands', 'valley', 'bay', 'sea', 'ocean', 'county', 'province',
  'war', 'election', 'elections', 'day', 'summit', 'games', 'olympics', 'cup', 'award', 'prize',
]);
/**
 * Party labels that end a description of a politician, not a name: "the South Carolina
 * Republican", "James Clyburn, South Carolina Democrat" ("Carolina" is a first name, so the run
 * read as the person "Carolina Republican").
 */
const PARTY_HEADS = new Set(['republican', 'democrat', 'independent', 'libertarian']);
/** Capitalised calendar words: "Saturday", "Tuesday" are never actors. */
const CALENDAR = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'tonight', 'yesterday', 'tomorrow']);
/** Words that end media names: "The Moscow Times", "Kyiv Post". */
const MEDIA_HEADS = new Set(['times', 'post', 'news', 'journal', 'herald', 'tribune', 'gazette', 'chronicle', 'daily', 'telegraph', 'magazine', 'radio', 'tv', 'television', 'review', 'observer', 'independent', 'examiner', 'monitor', 'reporter']);

/** Whether the token can sit inside a name run. Sentence-initial common words cannot. */
function inRun(ctx: Context, i: number): boolean {
  const t = ctx.segmented.tokens[i];
  // "I'm" is tagged PROPN by wink.
  if (!t || !isCapitalised(t) || !/\p{L}/u.test(t.text) || /^I['’]/.test(t.text)) return false;
  if (t.pos === 'PROPN') return true;
  const sentence = ctx.segmented.sentences[t.sentence];
  if (ctx.headline.has(t.sentence) || sentence?.firstToken === i) return false;
  return t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'X' || t.pos === 'VERB';
}

/** Find name runs and classify them. */
export function findNames(ctx: Context): Candidate[] {
  const { segmented, words } = ctx;
  const found: Candidate[] = [];
  const tokens = segmented.tokens;
  for (let i = 0; i < tokens.length; ) {
    // "De Blasio said": a capitalised particle opens a name at the start of a sentence.
    const token = tokens[i];
    // "John Boehner, R-Ohio": a party-and-state label is no name; skip it whole.
    if (isPartyLabel(segmented, i)) {
      i += 3;
      continue;
    }
    const particle = token !== undefined && PARTICLES.has(words[i] ?? '') && isCapitalised(token) && inRun(ctx, i + 1);
    if (!particle && !inRun(ctx, i)) {
      i++;
      continue;
    }
    // A name never runs past its sentence: "..., N.J." ¶ "Party preference ..." are two.
    const inSentence = (j: number): boolean => tokens[j]?.sentence === token?.sentence && inRun(ctx, j);
    let end = i + 1;
    for (;;) {
      const gapless = tokens[end]?.start === tokens[end - 1]?.end;
      if (inSentence(end)) end++;
      // "ISIS-Khorasan", "Al-Assad": hyphen written without spaces joins a name.
      else if (words[end] === '-' && gapless && inSentence(end + 1) && tokens[end + 1]?.start === tokens[end]?.end) end += 2;
      else if (PARTICLES.has(words[end] ?? '')) {
        // "Ursula von der Leyen": one or more particles, then a capitalised word.
        let k = end;
        while (PARTICLES.has(words[k] ?? '')) k++;
        if (k - end > 2 || !inSentence(k)) break;
        end = k + 1;
      }
      // "Federal Bureau of Investigation": "of" joins only organisation names.
      else if ((words[end] === 'of' || words[end] === 'for') && ORG_HEADS.has(words[end - 1] ?? '') && inSentence(end + 1)) end += 2;
      else if (words[end] === 'of' && words[end + 1] === 'the' && ORG_HEADS.has(words[end - 1] ?? '') && inSentence(end + 2)) end += 3;
      else break;
    }
    const candidate = classify(ctx, i, end);
    if (candidate) found.push(candidate);
    i = end;
  }
  return found;
}

function classify(ctx: Context, first: number, end: number): Candidate | undefined {
  const { segmented, words, gaz } = ctx;
  const last = words[end - 1] ?? '';
  const text = spanText(segmented, first, end).replace(/^the\s+/i, '');
  if (MEDIA_HEADS.has(last) && end - first > 1) {
    return { first, end, kind: 'media', form: 'name', name: text, key: `media:${text.toLowerCase()}`, priority: PRIORITY.name };
  }
  if ((THING_HEADS.has(last) || PARTY_HEADS.has(last)) && end - first > 1) return undefined;
  // "Another Republican, Sen. Lindsey Graham, ...": a party noun alone is nobody's name.
  if (end - first === 1 && PARTY_HEADS.has(last)) return undefined;
  if (ORG_HEADS.has(last) && end - first > 1) {
    return { first, end, kind: 'organisation', form: 'name', name: text, key: `organisation:${text.toLowerCase()}`, priority: PRIORITY.name };
  }
  // "Iranian President Massoud Pezeshikian": the name starts after the last title in the run.
  let start = first;
  let titled = isTitleBefore(ctx, first);
  let gender: Gender = '';
  for (let k = first; k < end; k++) {
    const title = gaz.titles.matchAt(words, k)[0];
    const honorific = gaz.honorifics.get(words[k] ?? '');
    if (honorific !== undefined) gender = honorific;
    if (title || honorific !== undefined) {
      start = k + (title?.[0] ?? 1);
      titled = true;
    }
  }
  if (start >= end) return undefined; // "Defense Minister": a title without a name
  // "Secretary of State Hillary Clinton": the name starts at the first known first name.
  let firstName = gaz.firstNames.get(words[start] ?? '');
  if (firstName === undefined) {
    for (let k = start + 1; k < end - 1; k++) {
      const g = gaz.firstNames.get(words[k] ?? '');
      // Only past modifiers: "Secretary of State Hillary Clinton", not "Seyyed Ali Khamenei".
      const modifier = (j: number): boolean =>
        gaz.roleModifiers.has(words[j] ?? '') || gaz.names.matchAt(words, j).length > 0 || gaz.titles.matchAt(words, j).length > 0;
      if (g !== undefined && words.slice(start, k).every((_, j) => modifier(start + j))) {
        start = k;
        firstName = g;
        break;
      }
    }
  }
  const name = spanText(segmented, start, end).replace(/['’]s$/, '');
  // "The rally was held in Texas": the gazetteer rule already decided about its own names.
  if (gaz.names.matchAt(words, start)[0]?.[0] === end - start) return undefined;
  if (end - start === 1 && CALENDAR.has(words[start] ?? '')) return undefined;
  // "Americans say ...": a plural demonym is a generic collective, not a name.
  const word = words[start] ?? '';
  if (end - start === 1 && word.endsWith('s') && gaz.names.matchAt([word.slice(0, -1)], 0)[0]?.[1][0]?.form === 'demonym') {
    return { first: start, end, kind: 'generic', form: 'description', name, key: `generic:${word}`, priority: PRIORITY.name };
  }
  // "all the major European stock markets": a lone demonym-like word before a common noun is an
  // adjective, not somebody's name (known demonyms, or -an/-ese/-ish words such as "Asian").
  const next = segmented.tokens[end];
  const modifiesNoun = next !== undefined && next.text === next.lower && (next.pos === 'NOUN' || next.pos === 'ADJ');
  if (end - start === 1 && modifiesNoun && (gaz.names.matchAt([word], 0)[0]?.[1][0]?.form === 'demonym' || /(?:an|ese|ish)$/.test(word))) return undefined;
  const personLike = titled || (firstName !== undefined && end - start >= 2);
  if (!personLike && ctx.headline.has(segmented.tokens[first]?.sentence ?? -1)) return undefined;
  const tentative = !personLike && !followedBySpeech(ctx, end) && !introducedAsSource(ctx, first, end);
  const single = segmented.tokens[start];
  return {
    first: start,
    end,
    kind: single && end - start === 1 && isAcronym(single) ? 'organisation' : 'person',
    form: 'name',
    name,
    key: '',
    priority: personLike ? PRIORITY.personName : PRIORITY.name,
    gender: gender || (firstName ?? ''),
    ...(tentative ? { tentative } : {}),
  };
}

/** "spokesman Dmitry Peskov", "Mr. Trump": a title word right before the run. */
function isTitleBefore(ctx: Context, first: number): boolean {
  const { words, gaz } = ctx;
  for (let k = Math.max(0, first - 3); k < first; k++) {
    const match = gaz.titles.matchAt(words, k)[0];
    if (match && k + match[0] === first) return true;
  }
  return gaz.honorifics.has(words[first - 1] ?? '');
}

/** "according to Kerimov", "“We will win,” said Kerimov.": a source slot before the name. */
function introducedAsSource(ctx: Context, first: number, end: number): boolean {
  const { words, segmented } = ctx;
  if (words[first - 2] === 'according' && words[first - 1] === 'to') return true;
  const verb = segmented.tokens[first - 1];
  const after = segmented.tokens[end];
  const closes = !after || after.sentence !== verb?.sentence || after.pos === 'PUNCT';
  return verb !== undefined && verb.pos === 'VERB' && (verb.lemma === 'say' || verb.lemma === 'add' || verb.lemma === 'write') && closes;
}

/** "Bortnikov said", "Peskov has also told": a speech verb, past auxiliaries and adverbs. */
function followedBySpeech(ctx: Context, end: number): boolean {
  const tokens = ctx.segmented.tokens;
  for (let k = end; k < end + 3 && k < tokens.length; k++) {
    const t = tokens[k];
    if (!t) break;
    if (ctx.gaz.speechLemmas.has(t.lemma) && (t.pos === 'VERB' || t.pos === 'AUX')) return true;
    if (t.pos !== 'AUX' && t.pos !== 'ADV') return false;
  }
  return false;
}
