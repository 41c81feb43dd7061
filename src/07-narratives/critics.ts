/**
 * Step 7.10b: a critic of a narrative's backer is no backer of it. "Boehner denounced Young for
 * using the term" stands among the claims of Young's side (it is about the term) but Boehner
 * disputes Young; "Some Republicans also criticized Trump's metaphor" does not back Trump's
 * "lynching" (`targetsOf`, used by `build.ts` where backers and disputers are derived).
 */
import type { AnalyzedArticle } from '../types/index.js';
import type { NarrativeClaim } from '../types/narratives.js';
import type { CrossActors } from './cross-actors.js';
import { speakersOfClaim } from './sides.js';

/** Most characters between an accusation's cue and its content for a name there to be its object. */
const OBJECT_GAP = 60;

/**
 * The cross-article actors an accusation claim (cue class `accusation`: "denounced", "accused",
 * "criticized", "blamed") is aimed at: those named between its cue and its content ("denounced
 * [Young] on Friday for using the term", "accused [him] of lying") or owning what its content
 * opens with ("criticized [Trump's] metaphor"). Empty for any other claim.
 */
export function targetsOf(claim: NarrativeClaim, article: AnalyzedArticle | undefined, actors: CrossActors): string[] {
  if (!article || claim.cueClass !== 'accusation' || claim.voice !== 'attributed') return [];
  const attribution = article.attributions.find((a) => a.id === claim.attributionId);
  if (!attribution) return [];
  const cueEnd = Math.max(...attribution.cue.spans.map((s) => s.end));
  const text = article.text;
  const ids: string[] = [];
  for (const actor of article.actors) {
    for (const m of actor.mentions) {
      // Its object: right after the cue (the content may start there: "denounced [Young] ... for
      // using the term"), or anywhere between the cue and the content.
      const object = m.start >= cueEnd && (/^\s*$/.test(text.slice(cueEnd, m.start)) || (m.end <= claim.start && claim.start - cueEnd <= OBJECT_GAP && !/[.!?;:]/.test(text.slice(cueEnd, m.start))));
      const owner = m.start === claim.start && /^[’']s\b/.test(text.slice(m.end, m.end + 3));
      if (object || owner) {
        const id = actors.idOf(article.id, actor.id);
        if (id) ids.push(id);
      }
    }
  }
  return [...new Set(ids)];
}

/**
 * A side's backing claims (indices into `claims`) split into those whose speakers back it and
 * those of critics of its backers: an accusation aimed at someone who speaks another backing
 * claim of the side (not an accusation itself), and not at its own speaker.
 */
export function criticsOf(backingClaims: readonly number[], claims: readonly NarrativeClaim[], articleOf: ReadonlyMap<string, AnalyzedArticle>, actors: CrossActors): { backing: number[]; critics: number[] } {
  const speakersAt = (i: number): string[] => (claims[i] ? speakersOfClaim(claims[i]) : []);
  const critic = (i: number): boolean => {
    const claim = claims[i];
    const targets = claim ? targetsOf(claim, articleOf.get(claim.articleId), actors) : [];
    if (targets.length === 0) return false;
    const others = new Set(backingClaims.filter((j) => j !== i && claims[j]?.cueClass !== 'accusation').flatMap(speakersAt));
    return targets.some((t) => others.has(t) && !speakersAt(i).includes(t));
  };
  const critics = backingClaims.filter(critic);
  return { backing: backingClaims.filter((i) => !critics.includes(i)), critics };
}
