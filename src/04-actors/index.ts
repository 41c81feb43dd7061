/**
 * The actors stage: who is mentioned in an article. Rules find candidate mentions (gazetteer
 * names, name runs, source phrases, anaphora), roles are attached, overlaps are resolved, and the
 * mentions are merged into actors. Each rule lives in its own `find-*` file.
 */
import type { Actor, Segmented } from '../types/index.js';
import { addAbbreviations } from './abbreviations.js';
import { clusterActors } from './cluster.js';
import { makeContext } from './context.js';
import { findAnaphora } from './find-anaphora.js';
import { findGazetteerMentions } from './find-gazetteer.js';
import { findNames } from './find-names.js';
import { attachRoles } from './find-roles.js';
import { findSources } from './find-sources.js';
import { selectCandidates } from './select.js';
import { surnamesOverPlaces } from './surnames.js';

/** Options of {@link tagActors}. */
export interface ActorOptions {
  /**
   * Keep pronoun mentions ("he", "her") resolved to person actors.
   * @default true
   */
  readonly pronouns?: boolean;
}

/**
 * Find actor mentions (people, organisations, states, groups, media, anonymous and generic
 * sources, documents) and merge them into actors within the article.
 *
 * @example
 * const actors = tagActors(segment(article));
 * // "Kremlin spokesman Dmitry Peskov said he ..." ->
 * // { id: 'a1', name: 'Dmitry Peskov', kind: 'person', roles: ['Kremlin spokesman'], mentions: [...] }
 */
export function tagActors(segmented: Segmented, options: ActorOptions = {}): Actor[] {
  const ctx = makeContext(segmented);
  const names = findNames(ctx);
  attachRoles(ctx, names);
  const anaphora = findAnaphora(ctx).filter((c) => options.pronouns !== false || c.form !== 'pronoun');
  const all = [...surnamesOverPlaces(ctx.segmented, names, findGazetteerMentions(ctx)), ...names, ...findSources(ctx), ...anaphora];
  const selected = addAbbreviations(ctx, selectCandidates(all, segmented.tokens.length));
  return clusterActors(segmented, selected);
}
