import type { Actor, ActorKind, AnalyzedArticle, StanceClass } from '../types/index.js';
import { jensenShannon } from './divergence.js';
import type { ActorFraming, ClassCounts, DivergenceReport, OutletPairDivergence, OutletSummary, VerbUse } from './types.js';

const CLASSES: readonly StanceClass[] = ['neutral', 'endorsing', 'distancing', 'insistence', 'hedging', 'denial', 'accusation', 'doubt'];
const UNKNOWN_OUTLET = '(unknown outlet)';

interface OutletTally {
  articles: number;
  attributions: number;
  claims: number;
  classes: Map<string, number>;
  sources: Map<string, number>;
}

interface ActorTally {
  kind: ActorKind;
  byOutlet: Map<string, { mentions: number; attributions: number; verbs: Map<string, { stanceClass: StanceClass; count: number }> }>;
}

/**
 * Build the divergence report from analysed articles: per outlet, which sources it quotes and with
 * which stance classes; per actor, which verbs each outlet uses for them; and pairwise outlet
 * divergence. Actors are matched across articles by canonical name (case-insensitive).
 */
export function buildReport(results: readonly AnalyzedArticle[], now: Date = new Date()): DivergenceReport {
  const outlets = new Map<string, OutletTally>();
  const actors = new Map<string, ActorTally & { name: string }>();

  for (const result of results) {
    if (result.duplicateOf) continue;
    const outlet = result.outlet ?? UNKNOWN_OUTLET;
    const tally = outlets.get(outlet) ?? { articles: 0, attributions: 0, claims: 0, classes: new Map(), sources: new Map() };
    outlets.set(outlet, tally);
    tally.articles++;
    tally.attributions += result.attributions.length;
    tally.claims += result.claims.length;
    const byId = new Map<string, Actor>(result.actors.map((actor) => [actor.id, actor]));
    for (const actor of result.actors) framingOf(actors, actor, outlet).mentions += actor.mentions.length;
    for (const attribution of result.attributions) {
      const cls = attribution.cue.stanceClass;
      tally.classes.set(cls, (tally.classes.get(cls) ?? 0) + 1);
      const actorId = attribution.source?.actorId;
      const actor = actorId ? byId.get(actorId) : undefined;
      const sourceName = actor?.name ?? attribution.source?.spans.map((s) => s.text).join(' ') ?? '(no source)';
      tally.sources.set(sourceName, (tally.sources.get(sourceName) ?? 0) + 1);
      if (!actor) continue;
      const framing = framingOf(actors, actor, outlet);
      framing.attributions++;
      const verb = framing.verbs.get(attribution.cue.lemma) ?? { stanceClass: cls, count: 0 };
      verb.count++;
      framing.verbs.set(attribution.cue.lemma, verb);
    }
  }

  const outletSummaries: OutletSummary[] = [...outlets].map(([outlet, t]) => ({
    outlet,
    articles: t.articles,
    attributions: t.attributions,
    unattributedClaims: t.claims,
    cueClasses: Object.fromEntries(CLASSES.map((c) => [c, t.classes.get(c) ?? 0])) as unknown as ClassCounts,
    sources: [...t.sources].map(([name, count]) => ({ name, count })).sort((x, y) => y.count - x.count).slice(0, 15),
  }));

  const pairs: OutletPairDivergence[] = [];
  const names = [...outlets.keys()];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = outlets.get(names[i] ?? '');
      const b = outlets.get(names[j] ?? '');
      if (!a || !b) continue;
      const stance = jensenShannon(a.classes, b.classes);
      const sources = jensenShannon(a.sources, b.sources);
      pairs.push({ a: names[i] ?? '', b: names[j] ?? '', stance, sources, score: Math.round(((stance + sources) / 2) * 1000) / 1000 });
    }
  }
  const score = pairs.length === 0 ? 0 : Math.round((pairs.reduce((s, p) => s + p.score, 0) / pairs.length) * 1000) / 1000;

  const actorFramings: ActorFraming[] = [...actors.values()]
    .map((a) => ({
      name: a.name,
      kind: a.kind,
      byOutlet: [...a.byOutlet].map(([outlet, f]) => ({
        outlet,
        mentions: f.mentions,
        attributions: f.attributions,
        verbs: [...f.verbs].map(([lemma, v]): VerbUse => ({ lemma, stanceClass: v.stanceClass, count: v.count })).sort((x, y) => y.count - x.count),
      })),
    }))
    .filter((a) => a.byOutlet.some((o) => o.attributions > 0))
    .sort((x, y) => total(y) - total(x));

  return {
    generatedAt: now.toISOString(),
    articles: results.map((r) => ({
      id: r.id,
      outlet: r.outlet ?? UNKNOWN_OUTLET,
      title: r.title,
      attributions: r.attributions.length,
      dropped: r.dropped.length,
      ...(r.duplicateOf ? { duplicateOf: r.duplicateOf.id } : {}),
    })),
    outlets: outletSummaries,
    actors: actorFramings,
    divergence: {
      score,
      method: 'mean over outlet pairs of the Jensen-Shannon divergence (base 2) of stance-class and quoted-source distributions',
      pairs,
    },
  };
}

function framingOf(actors: Map<string, ActorTally & { name: string }>, actor: Actor, outlet: string) {
  const key = actor.name.toLowerCase();
  const entry = actors.get(key) ?? { name: actor.name, kind: actor.kind, byOutlet: new Map() };
  actors.set(key, entry);
  const framing = entry.byOutlet.get(outlet) ?? { mentions: 0, attributions: 0, verbs: new Map() };
  entry.byOutlet.set(outlet, framing);
  return framing;
}

function total(actor: ActorFraming): number {
  return actor.byOutlet.reduce((s, o) => s + o.attributions, 0);
}
