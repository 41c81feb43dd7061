import type { Actor, Segmented } from '../types/index.js';

/** Options of {@link tagActors}. */
export interface ActorOptions {}

/**
 * Find actor mentions (people, organisations, states, groups, media, anonymous and generic
 * sources) and merge them into actors within the article.
 */
export function tagActors(_segmented: Segmented, _options: ActorOptions = {}): Actor[] {
  return []; // SKELETON: replaced by the actors stage
}
