/**
 * Stage 8: analysed articles -> the divergence report. Narratives are found per event (group of
 * articles on the same story), so the work stays linear in the number of events.
 */
import { buildNarratives, claimRelations, mergeActors, speakersOf, type NarrativeOptions } from '../07-narratives/index.js';
import type { AnalyzedArticle, Narrative, NarrativeAnalysis, NarrativeClaim, Span } from '../types/index.js';
import { agreementOf, coverageEvidence, distinctiveActors, judgeAll } from './coverage.js';
import { asReporters, givenAnswers, reportedOmissions, unnamedBy, voicedOutlets } from './omissions.js';
import { claimVectorsById, sideSized, toldParaphrase } from './whole-sides.js';
import { loadEmbeddings } from '../adapters/embeddings.js';
import { framingDistance, jensenShannon, round } from './divergence.js';
import { conflictingFigures } from './figures.js';
import { prominenceOf } from './prominence.js';
import { distancingMarks } from './voice.js';
import type { ConflictingFigure } from './figures.js';
import type { DivergenceReport, ReportActor, ReportArticle, ReportAttribution, ReportBackground, ReportClaim, ReportConflict, ReportNarrative, ReportOutlet, ReportPair, ReportQuestion } from './types.js';

const METHOD = 'per event, for each pair of outlets: mean of (1) the Jensen-Shannon divergence (base 2) of their shares of claims over the event\'s narratives and (2) the mean Jensen-Shannon divergence of the cue classes each uses for the actors both quote (left out when they quote no common actor); overall: mean over all pairs';

/** Options of {@link buildReport}. */
export interface ReportOptions extends NarrativeOptions {
  /** Event (group) name of each article id; articles without one form the event "all". */
  readonly eventOf?: (article: AnalyzedArticle) => string | null | undefined;
  /** @default new Date() */
  readonly now?: Date;
  /**
   * Narratives built elsewhere (`compare --queue`: by the queue's workers, src/queue/narratives.ts):
   * an event's analysis given its id and its articles that are not duplicates, or undefined to
   * build it here.
   */
  readonly narrativesOf?: (event: string, live: readonly AnalyzedArticle[]) => NarrativeAnalysis | undefined;
}

/** A narrative claim as the report gives it. */
function reportClaim(c: NarrativeClaim): Omit<ReportClaim, 'role'> {
  return {
    id: c.id, articleId: c.articleId, start: c.start, end: c.end, text: c.text,
    ...(c.actorId ? { actorId: c.actorId } : {}), stance: c.stance, voice: c.voice,
    ...(c.cueClass ? { cueClass: c.cueClass } : {}),
    polarity: c.proposition?.polarity ?? 1,
    ...(c.proposition?.negation ? { negation: c.proposition.negation } : {}),
  };
}

// An article with no outlet speaks for itself: named by its id, as in the narratives stage.
const outletOf = (a: AnalyzedArticle): string => a.outlet ?? a.id;
const cover = (spans: readonly Span[]): Span => {
  const first = spans[0];
  if (!first || spans.length === 1) return first ?? { start: 0, end: 0, text: '' };
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  return { start, end, text: spans.map((s) => s.text).join(' … ') };
};

/**
 * Build the divergence report: cross-article actors, attributions, per event the competing
 * narratives and their conflicts, per outlet its narrative shares, omissions, framing and voice,
 * and the divergence of every pair of outlets (see `divergence.method`).
 */
export function buildReport(input: readonly AnalyzedArticle[], options: ReportOptions = {}): DivergenceReport {
  // The report is a function of the set of articles, not of the order they came in: events,
  // actors, claims and narrative ids all follow the articles' ids (a JSONL file shuffled gives the
  // same bytes). Which copy of a duplicate is kept is decided earlier, in input order.
  const results = [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const actors = mergeActors(results.filter((r) => !r.duplicateOf));
  const actorById = new Map(actors.actors.map((a) => [a.id, a]));
  // One relation model (and its cache of prepared texts) for the whole comparison.
  const relations = options.relations === undefined ? claimRelations() : options.relations;
  const eventNames: string[] = [];
  const byEvent = new Map<string, AnalyzedArticle[]>();
  for (const result of results) {
    const name = options.eventOf?.(result) ?? 'all';
    if (!byEvent.has(name)) { byEvent.set(name, []); eventNames.push(name); }
    byEvent.get(name)?.push(result);
  }
  const eventId = new Map(eventNames.map((name, i) => [name, `e${i + 1}`]));
  // Events too large to cluster whole: how many claims each left out (see NarrativeOptions.maxClaims).
  const skipped = new Map<string, number>();

  const articles: ReportArticle[] = [];
  const attributions: ReportAttribution[] = [];
  const narratives: ReportNarrative[] = [];
  const questions: ReportQuestion[] = [];
  const background: ReportBackground[] = [];
  const conflicts: ReportConflict[] = [];
  const outlets: ReportOutlet[] = [];
  const pairs: ReportPair[] = [];
  const figures: ConflictingFigure[] = [];
  const labels = new Map<string, Map<string, Set<string>>>();

  for (const name of eventNames) {
    const event = eventId.get(name) ?? 'e0';
    const group = byEvent.get(name) ?? [];
    const live = group.filter((r) => !r.duplicateOf);
    const framing = new Map<string, Map<string, Map<string, number>>>();
    for (const r of group) {
      articles.push({
        id: r.id, outlet: outletOf(r), title: r.title, date: r.date, event,
        dropped: r.dropped.map((d) => ({ start: d.start, end: d.end, text: d.text, reason: d.reason, detail: d.detail })),
        ...(r.duplicateOf ? { duplicateOf: r.duplicateOf.id } : {}),
        text: r.text,
      });
      if (r.duplicateOf) continue;
      const outletFraming = framing.get(outletOf(r)) ?? new Map<string, Map<string, number>>();
      framing.set(outletOf(r), outletFraming);
      for (const actor of r.actors) {
        const id = actors.idOf(r.id, actor.id);
        if (!id) continue;
        const byOutlet = labels.get(id) ?? new Map<string, Set<string>>();
        labels.set(id, byOutlet);
        const set = byOutlet.get(outletOf(r)) ?? new Set<string>();
        byOutlet.set(outletOf(r), set);
        for (const m of actor.mentions) if (m.form !== 'pronoun') set.add(m.text);
      }
      for (const a of r.attributions) {
        const speaker = speakersOf(r, a)[0];
        const actorId = actors.idOf(r.id, speaker ?? a.source?.actorId) ?? null;
        const source = a.source ? cover(a.source.spans) : null;
        const cue = cover(a.cue.spans);
        attributions.push({
          articleId: r.id,
          source: source ? { ...source, actorId } : null,
          cue: { ...cue, lemma: a.cue.lemma, class: a.cue.stanceClass, sourceCommitment: a.cue.sourceCommitment, reporterCommitment: a.cue.reporterCommitment },
          content: cover(a.content),
        });
        if (!actorId) continue;
        const classes = outletFraming.get(actorId) ?? new Map<string, number>();
        outletFraming.set(actorId, classes);
        classes.set(a.cue.stanceClass, (classes.get(a.cue.stanceClass) ?? 0) + 1);
      }
    }

    const analysis = options.narrativesOf?.(event, live) ?? buildNarratives(live, actors, event, { ...options, relations });
    if (analysis.skippedClaims > 0) skipped.set(name, analysis.skippedClaims);
    figures.push(...conflictingFigures(live, event));
    const claimById = new Map(analysis.claims.map((c) => [c.id, c]));
    for (const n of [...analysis.narratives].sort(byWeight)) {
      const claims: ReportClaim[] = [
        ...n.claimIds.flatMap((id) => { const c = claimById.get(id); return c ? [{ ...reportClaim(c), role: 'tells' as const }] : []; }),
        ...n.disputingClaimIds.flatMap((id) => { const c = claimById.get(id); return c ? [{ ...reportClaim(c), role: 'disputes' as const }] : []; }),
      ];
      narratives.push({
        id: n.id, event, question: n.question, answer: n.answer, label: n.label, claims, backers: n.backers, disputers: n.disputers, outlets: n.outlets,
        ...(n.selfContradicted ? { selfContradicted: n.selfContradicted } : {}),
      });
    }
    questions.push(...analysis.questions.map((q) => ({ id: q.id, event, kind: q.kind, text: q.text, label: q.label, contested: q.contested, narratives: q.narratives })));
    const backgroundClaims = analysis.background.flatMap((id) => { const c = claimById.get(id); return c ? [reportClaim(c)] : []; });
    if (backgroundClaims.length > 0) background.push({ event, claims: backgroundClaims });
    conflicts.push(...analysis.conflicts.map((c) => ({ a: c.a, b: c.b, reason: c.reason, evidence: c.evidence })));

    // Per outlet: shares of its claims over the event's narratives, omissions, framing, voice.
    const eventNarratives = analysis.narratives;
    const names = [...new Set(live.map(outletOf))];
    // The claim-relation model judges omissions too (an outlet omits a narrative only when none of
    // its claims supports, disputes or discusses it); `relations: null` turns it off.
    const mentioned = new Map(names.map((o) => [o, new Set(live.filter((r) => outletOf(r) === o)
      .flatMap((r) => r.actors.map((a) => actors.idOf(r.id, a.id)).filter((id): id is string => id !== undefined)))]));
    const evidence = coverageEvidence(live, analysis, names, { mentioned, ...(relations ? { relations } : {}) });
    const coverage = judgeAll(evidence);
    const agreement = agreementOf(evidence);
    const answers = distinctiveActors(analysis, names, mentioned);
    const voiced = voicedOutlets(eventNarratives, analysis.claims);
    // Omissions are stated for whole sides only (whole-sides.ts); `embeddings: null` leaves out the
    // paraphrase test, not the side-size one.
    const embeddings = options.embeddings === undefined ? loadEmbeddings() : options.embeddings;
    const paraphrase = toldParaphrase(analysis, names, embeddings ? claimVectorsById(analysis.claims, embeddings) : new Map());
    const sized = new Map(eventNarratives.map((n) => [n.id, sideSized(n)]));
    const shareMaps = new Map<string, Map<string, number>>();
    for (const outlet of names) {
      const given = givenAnswers(eventNarratives, analysis.claims, answers, analysis.conflicts, outlet);
      const counts = new Map<string, number>();
      const voice: Record<string, { own: number; attributed: number; hedged: number; distanced: number }> = {};
      for (const n of eventNarratives) {
        const own = [...n.claimIds, ...n.disputingClaimIds].map((id) => claimById.get(id)).filter((c) => c && (c.outlet ?? c.articleId) === outlet);
        counts.set(n.id, own.length);
        voice[n.id] = {
          own: own.filter((c) => c?.voice === 'own').length,
          attributed: own.filter((c) => c?.voice === 'attributed').length,
          hedged: own.filter((c) => c?.stance === 'hedges').length,
          distanced: own.filter((c) => c && (c.cueClass === 'distancing' || distancingMarks(c.text).length > 0)).length,
        };
      }
      shareMaps.set(outlet, counts);
      const total = [...counts.values()].reduce((s, v) => s + v, 0);
      const framingRows = [...(framing.get(outlet) ?? new Map<string, Map<string, number>>())].flatMap(([actorId, classes]) =>
        [...classes].map(([cls, count]) => ({ actorId, class: cls as ReportOutlet['framing'][number]['class'], count })));
      const texts = live.filter((r) => outletOf(r) === outlet).flatMap((r) => r.sentences.map((x) => x.text));
      const actorOf = asReporters((id: string) => actorById.get(id), names);
      const omitted = names.length < 2 ? [] : reportedOmissions(eventNarratives, coverage.get(outlet), mentioned.get(outlet), answers, actorOf, texts, voiced,
        { sideSized: (id) => sized.get(id) ?? false, paraphraseTold: (id) => paraphrase.get(outlet)?.get(id) ?? 0, agreed: (id) => agreement.get(outlet)?.get(id) ?? 0, answered: (id) => given.get(id) ?? [] });
      outlets.push({
        outlet, event,
        articles: live.filter((r) => outletOf(r) === outlet).length,
        shares: Object.fromEntries([...counts].map(([id, n]) => [id, total === 0 ? 0 : round(n / total)])),
        // Only the omissions stated with confidence (omissions.ts): narratives whose named backers
        // (or, lacking them, named answer actors) this outlet never names, and that are whole
        // sides it tells through no sibling narrative (whole-sides.ts).
        omitted,
        unnamed: Object.fromEntries(omitted.map((id) => [id, unnamedBy(eventNarratives.find((n) => n.id === id) ?? { backers: [] }, answers.get(id) ?? [], mentioned.get(outlet), actorOf, texts)])),
        coverage: Object.fromEntries(eventNarratives.map((n) => [n.id, coverage.get(outlet)?.get(n.id) ?? 'omits'])),
        framing: framingRows,
        voice,
        distancing: live.filter((r) => outletOf(r) === outlet).flatMap((r) => r.sentences.flatMap((x) => distancingMarks(x.text))),
        prominence: prominenceOf(live.filter((r) => outletOf(r) === outlet), (r, a) => actors.idOf(r.id, speakersOf(r, a)[0] ?? a.source?.actorId)),
      });
    }
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const a = names[i] ?? '';
        const b = names[j] ?? '';
        const narrativeJs = jensenShannon(shareMaps.get(a) ?? new Map(), shareMaps.get(b) ?? new Map());
        const framingJs = framingDistance(framing.get(a) ?? new Map(), framing.get(b) ?? new Map());
        pairs.push({ event, a, b, narratives: narrativeJs, framing: framingJs, score: round(framingJs === null ? narrativeJs : (narrativeJs + framingJs) / 2) });
      }
    }
  }

  const reportActors: ReportActor[] = actors.actors.map((a) => ({
    id: a.id, name: a.name, kind: a.kind, aliases: a.aliases,
    labels: [...(labels.get(a.id) ?? new Map<string, Set<string>>())].map(([outlet, set]) => ({ outlet, labels: [...set] })),
  }));
  return {
    generatedAt: (options.now ?? new Date()).toISOString(),
    events: eventNames.map((name) => ({
      id: eventId.get(name) ?? '', name, articleIds: (byEvent.get(name) ?? []).map((r) => r.id),
      ...(skipped.has(name) ? { skippedClaims: skipped.get(name) ?? 0 } : {}),
    })),
    articles,
    actors: reportActors,
    attributions,
    questions,
    narratives,
    background,
    conflicts,
    figures,
    outlets,
    divergence: {
      overall: pairs.length === 0 ? 0 : round(pairs.reduce((s, p) => s + p.score, 0) / pairs.length),
      method: METHOD,
      pairs,
    },
  };
}

/**
 * Most widely carried first, so a reader meets the contested stories before the one-line asides:
 * by outlets carrying the narrative, then actors backing or disputing it, then claims.
 */
function byWeight(x: Narrative, y: Narrative): number {
  return y.outlets.length - x.outlets.length
    || y.backers.length + y.disputers.length - (x.backers.length + x.disputers.length)
    || y.claimIds.length - x.claimIds.length;
}
